"""Benchmark: lexing and parsing time over the DafnyBench corpus, in process.

Usage: python benchmarks/parse_corpus.py [--repeat N] [--print] [CORPUS_DIR]

For each file the best of N runs (default 5) of `parse_source` is taken (the file is read
once; lexing is included). Prints the total, median and maximum per-file parse time, the
times for the file nearest 35 lines (typical) and for the largest file, throughput in lines
per second, and with `--print` also the printer time (print_program) and the round-trip
check. Exits 1 if any file fails to parse.
"""

from __future__ import annotations

import argparse
import glob
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src"))

from pydafny.diagnostics import Reporter
from pydafny.syntax.lexer import tokenize
from pydafny.syntax.parser import parse_source
from pydafny.syntax.printer import print_program
from pydafny.syntax.source import SourceFile

DEFAULT_CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                              "shared", "corpus", "dafnybench")


def best_of(n: int, fn: object) -> float:
    best = float("inf")
    for _ in range(n):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=DEFAULT_CORPUS)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--print", action="store_true", help="also time the printer")
    args = ap.parse_args()
    files = sorted(glob.glob(os.path.join(args.corpus, "*.dfy")))
    if not files:
        print(f"no .dfy files in {args.corpus}", file=sys.stderr)
        return 1
    rows: list[tuple[str, int, float, float, int]] = []
    failures = 0
    for path in files:
        src = SourceFile.read(path)
        lines = src.text.count("\n") + 1
        rep = Reporter()
        prog = parse_source(src, rep)
        if rep.has_errors():
            failures += 1
            print(f"PARSE ERROR {rep.diagnostics[0].format()}")
        t = best_of(args.repeat, lambda s=src: parse_source(s, Reporter()))
        tp = 0.0
        if args.print:
            tp = best_of(args.repeat, lambda p=prog: print_program(p))
            again = parse_source(SourceFile(path, print_program(prog)), Reporter())
            if again.module != prog.module:
                failures += 1
                print(f"ROUND TRIP MISMATCH {path}")
        ntoks = len(tokenize(src, Reporter()))
        rows.append((path, lines, t, tp, ntoks))
    times = [r[2] for r in rows]
    total_lines = sum(r[1] for r in rows)
    typical = min(rows, key=lambda r: (abs(r[1] - 35), r[0]))
    largest = max(rows, key=lambda r: r[1])
    most_code = max(rows, key=lambda r: r[4])
    slowest = max(rows, key=lambda r: r[2])
    ms = 1000.0
    print(f"files: {len(rows)}  lines: {total_lines}  parse failures: {failures}")
    print(f"parse total: {sum(times) * ms:.1f} ms   median: {statistics.median(times) * ms:.2f} ms"
          f"   max: {max(times) * ms:.2f} ms ({os.path.basename(slowest[0])}, "
          f"{slowest[1]} lines)")
    print(f"typical file ({typical[1]} lines, {os.path.basename(typical[0])}): "
          f"{typical[2] * ms:.2f} ms")
    print(f"largest file ({largest[1]} lines, {os.path.basename(largest[0])}): "
          f"{largest[2] * ms:.2f} ms")
    print(f"most tokens ({most_code[4]} tokens, {most_code[1]} lines, "
          f"{os.path.basename(most_code[0])}): {most_code[2] * ms:.2f} ms")
    print(f"throughput: {total_lines / sum(times):,.0f} lines/s")
    if args.print:
        ptimes = [r[3] for r in rows]
        print(f"print total: {sum(ptimes) * ms:.1f} ms   max: {max(ptimes) * ms:.2f} ms")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
