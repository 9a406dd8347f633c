"""Time parse+resolve of every corpus program, in process.

usage: python benchmarks/resolve_corpus.py [CORPUS_DIR] [--repeat N]

Prints the total, median and maximum time per file, the time for the file closest to
35 lines (a typical file) and for the largest file, and the number of files with errors.
"""

from __future__ import annotations

import pathlib
import statistics
import sys
import time


def main(argv: list[str]) -> int:
    sys.setrecursionlimit(100_000)
    args = [a for a in argv if not a.startswith("--")]
    repeat = 1
    if "--repeat" in argv:
        repeat = int(argv[argv.index("--repeat") + 1])
        args = [a for a in args if a != str(repeat)]
    corpus = pathlib.Path(args[0] if args else "/work/shared/corpus/dafnybench")
    files = sorted(corpus.glob("*.dfy"))
    from pydafny.api import load_program
    from pydafny.diagnostics import Reporter
    times: dict[pathlib.Path, float] = {}
    failures = 0
    if files:   # warm up: the first call imports the resolver's modules
        load_program([str(files[0])], Reporter())
    for f in files:
        best = float("inf")
        for _ in range(repeat):
            r = Reporter()
            t0 = time.perf_counter()
            prog = load_program([str(f)], r)
            best = min(best, time.perf_counter() - t0)
        if prog is None:
            failures += 1
        times[f] = best
    lines = {f: f.read_text(errors="replace").count("\n") + 1 for f in files}
    code = {f: _code_lines(f.read_text(errors="replace")) for f in files}
    vals = list(times.values())
    typical = min(files, key=lambda f: (abs(lines[f] - 35), f.name))
    largest = max(files, key=lambda f: lines[f])
    near35 = [times[f] for f in files if 30 <= lines[f] <= 40]
    print(f"files: {len(files)}  with errors: {failures}")
    print(f"total: {sum(vals):.3f} s  median: {statistics.median(vals) * 1000:.1f} ms  "
          f"max: {max(vals) * 1000:.1f} ms ({max(times, key=times.__getitem__).name})")
    print(f"typical ({lines[typical]} lines, {typical.name}): {times[typical] * 1000:.1f} ms;"
          f" median of the {len(near35)} files with 30-40 lines: "
          f"{statistics.median(near35) * 1000 if near35 else 0:.1f} ms")
    print(f"largest ({lines[largest]} lines, {largest.name}): {times[largest] * 1000:.1f} ms")
    biggest = max(files, key=lambda f: code[f])
    print(f"most code ({code[biggest]} non-comment lines of {lines[biggest]}, "
          f"{biggest.name}): {times[biggest] * 1000:.1f} ms")
    return 0


def _code_lines(text: str) -> int:
    """Lines that are neither blank nor only a // comment (block comments counted)."""
    return sum(1 for ln in text.splitlines() if ln.strip() and not ln.strip().startswith("//"))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
