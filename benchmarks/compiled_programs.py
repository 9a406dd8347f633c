"""Times compiled Dafny programs (issue 5): `python benchmarks/compiled_programs.py`.

For each program under benchmarks/compiled/ it measures the front end (parse + resolve),
code generation, and the run of the generated Python (best of --repeat runs), and checks
the program's output. Programs:
  sort_array      heapsort of 100,000 array elements
  tree_traversal  build and recursively traverse a 262,143-node datatype tree
  seq_building    s := s + [x] 1,000,000 times, then index every element; a string built
                  by 100,000 concatenations (linear thanks to the runtime's shared buffers)
  prepend_chain   a recursive function building 100,000 elements right to left,
                  [x] + Rec(...), and a merge sort of 20,000 whose merge prepends (linear
                  thanks to lazy concatenation nodes, flattened once on first use)
  map_building    200,000 updates m := m[k := v] and s := s + {x} (linear: persistent
                  maps and sets share one dict by rerooting)
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
from contextlib import redirect_stdout

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = {
    "sort_array": "true 37 999999\n",
    "tree_traversal": "34359607296 18\n",
    "seq_building": "1000000 2999997 200000\n",
    "prepend_chain": "100000 299995 20000 true\n",
    "map_building": "5000 200000 86480\n",
}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from pydafny.api import load_program
    from pydafny.compiler.driver import execute
    from pydafny.compiler.python_gen import compile_program
    from pydafny.diagnostics import Reporter
    print(f"{'program':16} {'front end':>10} {'codegen':>9} {'run (best)':>11}  output")
    for name, expected in PROGRAMS.items():
        path = os.path.join(HERE, "compiled", name + ".dfy")
        t0 = time.perf_counter()
        reporter = Reporter()
        program = load_program([path], reporter)
        t1 = time.perf_counter()
        if program is None:
            reporter.print_all()
            return 1
        gen = compile_program(program, os.path.basename(path))
        t2 = time.perf_counter()
        best = float("inf")
        out = ""
        for _ in range(args.repeat):
            buf = io.StringIO()
            s = time.perf_counter()
            with redirect_stdout(buf):
                code = execute(gen, name, [path])
            best = min(best, time.perf_counter() - s)
            out = buf.getvalue()
            if code != 0:
                print(f"{name}: exit code {code}", file=sys.stderr)
                return 1
        ok = "ok" if out == expected else f"UNEXPECTED {out!r}"
        print(f"{name:16} {t1 - t0:9.3f}s {t2 - t1:8.3f}s {best:10.3f}s  {ok}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
