"""Side-by-side wall times of `pydafny verify` and the reference Dafny (2.3, DAFNY4_COMPAT=1).

Usage: python benchmarks/verify_vs_reference.py [--limit N] [--jobs 1] [FILES...]
One process per file for each tool (cold start included, as a user sees it). Files are taken
from the corpus (those both tools verify are counted for the ratio; pass --all to count every
file both tools ran). Prints per-file times and the median of pydafny/reference wall-time
ratios. The reference installs itself on first use (about a minute), before timing starts.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "corpus", "dafnybench"))
ORACLE = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "tools", "dafny-oracle"))


def timed(cmd: list[str], env: dict[str, str] | None = None,
          timeout: float = 120.0) -> tuple[float, int, str]:
    start = time.perf_counter()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout)
        rc, out = p.returncode, p.stdout + p.stderr
    except subprocess.TimeoutExpired:
        rc, out = -1, "timeout"
    return time.perf_counter() - start, rc, out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--limit", type=int, default=40, help="number of corpus files (sorted)")
    ap.add_argument("--all", action="store_true", help="ratio over all files both ran")
    ap.add_argument("--cores", type=int, default=2, help="--cores for pydafny")
    args = ap.parse_args()
    files = args.files or sorted(os.path.join(CORPUS, f) for f in os.listdir(CORPUS)
                                 if f.endswith(".dfy"))[: args.limit]
    env = dict(os.environ, DAFNY4_COMPAT="1")
    # warm up / install the reference
    subprocess.run([ORACLE, files[0]], capture_output=True, env=env)
    ratios = []
    print(f"{'file':60} {'pydafny':>8} {'ref':>8} {'ratio':>6}  verdicts")
    for f in files:
        tp, rp, _ = timed([sys.executable, "-m", "pydafny.cli", "verify", "--cores",
                           str(args.cores), f])
        tr, rr, out = timed([ORACLE, f], env=env)
        ref_ok = rr == 0 and " 0 errors" in out
        ok = rp == 0 and ref_ok
        if ok or (args.all and rp in (0, 4) and rr in (0, 4)):
            ratios.append(tp / tr)
        print(f"{os.path.basename(f)[:60]:60} {tp:8.2f} {tr:8.2f} {tp / tr:6.2f}  "
              f"pydafny={rp} ref={rr}")
    if ratios:
        print(f"\nfiles counted: {len(ratios)}; median wall-time ratio pydafny/reference: "
              f"{statistics.median(ratios):.2f}")
    else:
        print("\nno file was verified by both tools")
    return 0


if __name__ == "__main__":
    sys.exit(main())
