"""Run `pydafny verify` over corpus files (one process per file, in parallel) and summarize.

Usage: python benchmarks/corpus_verify.py [--jobs N] [--time-limit S] [--file-timeout S]
           [--corpus DIR] [--json OUT] [FILES...]
Prints per-file verdicts (verified / errors / unsupported / timeout / crash) and the top
blockers (the most frequent `unsupported:` constructs and error messages).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

CORPUS = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus", "dafnybench")


def run_one(path: str, time_limit: float, file_timeout: float) -> dict:
    start = time.perf_counter()
    try:
        p = subprocess.run([sys.executable, "-m", "pydafny.cli", "verify", "--cores", "1",
                            "--verification-time-limit", str(time_limit), path],
                           capture_output=True, text=True, timeout=file_timeout)
        out, rc = p.stdout + p.stderr, p.returncode
    except subprocess.TimeoutExpired:
        out, rc = "", -1
    elapsed = time.perf_counter() - start
    if rc == 0:
        verdict = "verified"
    elif rc == -1:
        verdict = "timeout"
    elif "unsupported:" in out:
        verdict = "unsupported"
    elif rc == 4:
        verdict = "errors"
    elif rc == 2:
        verdict = "resolution"
    else:
        verdict = "crash"
    return {"file": path, "rc": rc, "verdict": verdict, "time": elapsed, "output": out}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--time-limit", type=float, default=10.0)
    ap.add_argument("--file-timeout", type=float, default=60.0)
    ap.add_argument("--corpus", default=CORPUS)
    ap.add_argument("--json")
    args = ap.parse_args()
    files = args.files or sorted(os.path.join(args.corpus, f) for f in os.listdir(args.corpus)
                                 if f.endswith(".dfy"))
    with ThreadPoolExecutor(args.jobs) as ex:
        results = list(ex.map(lambda f: run_one(f, args.time_limit, args.file_timeout), files))
    counts = collections.Counter(r["verdict"] for r in results)
    blockers: collections.Counter[str] = collections.Counter()
    for r in results:
        seen = set()
        for line in r["output"].splitlines():
            m = re.search(r"Error: (unsupported: [^(]*|.*)$", line)
            if m:
                msg = re.sub(r"'[^']*'", "'_'", m.group(1))[:90]
                if msg not in seen:
                    seen.add(msg)
                    blockers[msg] += 1
        if r["verdict"] == "crash":
            blockers["crash: " + r["output"].strip().splitlines()[-1][:80]
                     if r["output"].strip() else "crash"] += 1
    for r in results:
        print(f"{r['verdict']:12} {r['time']:6.1f}s {os.path.basename(r['file'])}")
    print("\nverdicts:", dict(counts))
    print(f"verified {counts['verified']} / {len(results)}")
    print("\ntop blockers (files affected):")
    for msg, n in blockers.most_common(40):
        print(f"{n:5}  {msg}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
