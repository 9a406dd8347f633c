"""Side-by-side wall times of `pydafny verify` and the reference Dafny (2.3, DAFNY4_COMPAT=1).

Usage: python benchmarks/verify_vs_reference.py [--sample N | --limit N] [--cores C]
           [--src DIR] [--json OUT] [FILES...]

Takes: corpus files (default: every file of ../shared/corpus/dafnybench, or an evenly spread
sample of N of them with --sample N) or files named on the command line.
Guarantees: for each file, one process of the reference and one of pydafny, run one after the
other (never concurrently, so they do not compete for the 2 cores), cold start included as a
user sees it. Files the reference rejects (parse or resolution errors: Dafny 2.3 lacks some
Dafny 4 syntax, e.g. `for` loops) are skipped. Prints per-file wall times and verdicts, then
the median of the per-file ratios pydafny/reference (over every file both ran, and over the
files both verified) and the total wall times. pydafny runs with Python's bytecode cache
enabled, as an installed package has it (this workplace sets PYTHONDONTWRITEBYTECODE, which
would make every start recompile pydafny's ~100 modules). The reference installs itself on
first use (about a minute), before timing starts.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "corpus", "dafnybench"))
ORACLE = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "tools", "dafny-oracle"))


@dataclass(slots=True)
class Row:
    file: str
    ref_time: float
    ref_verdict: str      # verified / errors / rejected / timeout
    py_time: float = 0.0
    py_verdict: str = ""  # verified / errors / resolution / timeout / crash


def timed(cmd: list[str], env: dict[str, str], timeout: float) -> tuple[float, int, str]:
    start = time.perf_counter()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout,
                           check=False)
        rc, out = p.returncode, p.stdout + p.stderr
    except subprocess.TimeoutExpired:
        rc, out = -1, "timeout"
    return time.perf_counter() - start, rc, out


def ref_verdict(rc: int, out: str) -> str:
    if rc == -1:
        return "timeout"
    if "parse errors detected" in out or "resolution/type errors detected" in out \
            or "Dafny program verifier finished" not in out:
        return "rejected"
    return "verified" if " 0 errors" in out and "time out" not in out else "errors"


def py_verdict(rc: int) -> str:
    return {0: "verified", 4: "errors", 2: "resolution", -1: "timeout"}.get(rc, "crash")


def pick_files(args: argparse.Namespace) -> list[str]:
    if args.files:
        return list(args.files)
    corpus = args.corpus
    files = sorted(os.path.join(corpus, f) for f in os.listdir(corpus) if f.endswith(".dfy"))
    if args.sample and args.sample < len(files):
        step = len(files) / args.sample
        return [files[int(i * step)] for i in range(args.sample)]
    return files[: args.limit] if args.limit else files


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--sample", type=int, default=0, help="an evenly spread sample of N files")
    ap.add_argument("--limit", type=int, default=0, help="the first N corpus files (sorted)")
    ap.add_argument("--cores", type=int, default=0, help="--cores for pydafny (default: its own)")
    ap.add_argument("--src", help="run pydafny from this src/ folder (default: the installed one)")
    ap.add_argument("--timeout", type=float, default=120.0, help="wall-time cap per process")
    ap.add_argument("--json", help="write the rows as JSON here")
    ap.add_argument("--corpus", default=CORPUS, help="folder of .dfy files")
    args = ap.parse_args()
    files = pick_files(args)
    ref_env = dict(os.environ, DAFNY4_COMPAT="1")
    py_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if args.src:
        py_env["PYTHONPATH"] = os.path.abspath(args.src)
    py_cmd = [sys.executable, "-m", "pydafny.cli", "verify"]
    if args.cores:
        py_cmd += ["--cores", str(args.cores)]
    # warm up: install the reference, write pydafny's bytecode cache
    subprocess.run([ORACLE, files[0]], capture_output=True, env=ref_env, check=False)
    subprocess.run(py_cmd + [files[0]], capture_output=True, env=py_env, check=False)
    rows: list[Row] = []
    print(f"{'file':56} {'pydafny':>8} {'ref':>8} {'ratio':>6}  verdicts", flush=True)
    for f in files:
        tr, rr, out = timed([ORACLE, f], ref_env, args.timeout)
        row = Row(os.path.basename(f), tr, ref_verdict(rr, out))
        rows.append(row)
        if row.ref_verdict == "rejected":
            print(f"{row.file[:56]:56} {'':8} {tr:8.2f} {'':6}  reference rejects it", flush=True)
            continue
        tp, rp, _ = timed(py_cmd + [f], py_env, args.timeout)
        row.py_time, row.py_verdict = tp, py_verdict(rp)
        print(f"{row.file[:56]:56} {tp:8.2f} {tr:8.2f} {tp / tr:6.2f}  "
              f"pydafny={row.py_verdict} ref={row.ref_verdict}", flush=True)
    ran = [r for r in rows if r.py_verdict]
    both = [r for r in ran if r.py_verdict == "verified" and r.ref_verdict == "verified"]
    print(f"\nfiles: {len(files)}; the reference rejects {len(rows) - len(ran)}; "
          f"both ran {len(ran)}; both verified {len(both)}")
    for label, group in (("both ran", ran), ("both verified", both)):
        if group:
            ratios = [r.py_time / r.ref_time for r in group]
            print(f"{label:14}: median ratio pydafny/reference {statistics.median(ratios):.2f}; "
                  f"median pydafny {statistics.median(r.py_time for r in group):.2f} s, "
                  f"reference {statistics.median(r.ref_time for r in group):.2f} s; "
                  f"total pydafny {sum(r.py_time for r in group):.1f} s, "
                  f"reference {sum(r.ref_time for r in group):.1f} s")
    if args.json:
        with open(args.json, "w") as fh:
            json.dump([asdict(r) for r in rows], fh, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
