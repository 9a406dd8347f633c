"""Benchmark: VC generation time against solver time for generated IVL programs.

Usage: python benchmarks/ivl_vcgen.py [SIZES...]     (default: 10 100 1000 10000)

Each program is one implementation of N statements: assignments, if-statements, assertions and
loops with invariants, all valid (so the solver must prove every assertion). For each size it
prints the VC generation time (lowering, loop cutting, passive form, weakest precondition and
encoding as terms), the solver time (conversion to z3 and checking), their ratio, and VC
generation microseconds per statement, which stays flat when generation is linear.
"""

from __future__ import annotations

import gc
import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "src"))

from pydafny.ivl.cfg import lower_implementation
from pydafny.ivl.encode import Encoder
from pydafny.ivl.loops import cut_loops
from pydafny.ivl.parser import parse_program
from pydafny.ivl.typecheck import check_program
from pydafny.ivl.vcgen import generate_vc
from pydafny.ivl.verify import VerifyOptions, verify_impl
from pydafny.smt import terms as T
from pydafny.smt.z3_backend import Z3Solver
from pydafny.syntax.source import SourceFile


def program(n: int) -> str:
    """A valid program of n statements: assignments, map updates, assertions, if-statements
    with joins, and a loop with an invariant every 50 statements."""
    body: list[str] = []
    for k in range(n):
        if k % 50 == 49:
            body.append("i := 0; while (i < x) invariant 0 <= i && i <= x; { i := i + 1; }")
            continue
        kind = k % 4
        if kind == 0:
            body.append("x := x + 1;")
        elif kind == 1:
            body.append("if (*) { y := y + 1; } else { y := x; }")
        elif kind == 2:
            body.append("assert x >= 0;")
        else:
            body.append("m[x] := y;")
    return ("procedure Gen() returns (x: int, y: int)\n{\n  var i: int; var m: [int]int;\n"
            "  x := 0; y := 0;\n  " + "\n  ".join(body) + "\n  assert x >= 0;\n}\n")


def measure(n: int) -> tuple[float, float, int]:
    src = SourceFile(f"gen{n}.bpl", program(n))
    info, diags = check_program(parse_program(src))
    assert not diags, diags
    impl = info.impls[0]
    vcgen = float("inf")
    for _ in range(3):  # best of three: the first run also pays for warming up the interpreter
        gc.disable()  # as verify_impl does during VC generation
        t0 = time.perf_counter()
        enc = Encoder(info)
        vc = generate_vc(cut_loops(lower_implementation(info, impl)), enc)
        enc.background()
        vcgen = min(vcgen, time.perf_counter() - t0)
        gc.enable()
    size = sum(T.size(d) for d in vc.defs)
    res = verify_impl(info, impl, VerifyOptions(), Z3Solver())
    assert res.verdict == "verified", res
    return vcgen, res.solver_time, size


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [10, 100, 1000, 10000]
    sys.setrecursionlimit(20000)
    print(f"{'statements':>10} {'vcgen s':>9} {'solver s':>9} {'solver/vcgen':>12} "
          f"{'vcgen us/stmt':>13} {'VC nodes':>9} {'nodes/stmt':>10}")
    for n in sizes:
        vcgen, solver, size = measure(n)
        print(f"{n:>10} {vcgen:>9.4f} {solver:>9.4f} {solver / vcgen:>12.1f} "
              f"{vcgen / n * 1e6:>13.1f} {size:>9} {size / n:>10.1f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
