"""`VerifyOptions.prove_first` (ivl/verify.py): a first attempt with z3's preprocessing settles
"verified" and give-ups; failures are still found, with the same messages and models, by the
plain solver's model walk."""

from __future__ import annotations

from pydafny.ivl.parser import parse_program
from pydafny.ivl.verify import VerifyOptions, verify_program
from pydafny.smt.solver import FakeSolver, SolverOptions
from pydafny.syntax.source import SourceFile

FAILING = """
procedure P(x: int) returns (y: int)
  ensures y > x;
{
  assert x > 0;
  y := x * x;
  assert y >= 0;
}
procedure Q(x: int) { assert x * x >= 0; }
"""


def _run(prove_first: bool) -> list[tuple[str, str, list[tuple[str, int, int]]]]:
    program = parse_program(SourceFile("t.bpl", FAILING))
    results, diags = verify_program(program, VerifyOptions(time_limit=20,
                                                           prove_first=prove_first))
    assert not diags
    return [(r.name, r.verdict, [(f.kind, f.span.line, f.span.col) for f in r.failures])
            for r in results]


def test_same_failures_with_and_without_prove_first() -> None:
    plain = _run(False)
    assert plain[0][1] == "errors" and plain[1][1] == "verified"
    assert _run(True) == plain


class _Recording(FakeSolver):
    def __init__(self, answers: list[str]) -> None:
        super().__init__(answers)
        self.opened: list[bool] = []

    def open(self, options: SolverOptions):  # type: ignore[no-untyped-def]
        self.opened.append(options.preprocess)
        return super().open(options)


def test_attempts() -> None:
    program = parse_program(SourceFile("t.bpl", "procedure P(x: int) { assert x == x; }"))

    def run(answers: list[str], reason: str = "",
            time_limit: float = 0) -> tuple[str, list[bool]]:
        fake = _Recording(answers)
        fake.reason = reason
        [r] = verify_program(program, VerifyOptions(prove_first=True, time_limit=time_limit,
                                                    solver_factory=lambda: fake))[0]
        return r.verdict, fake.opened

    # proved by the cheap plain attempt: one session
    assert run(["unsat"]) == ("verified", [False])
    # a time out is final
    assert run(["unknown"], "timeout", time_limit=1) == ("timeout", [False])
    # out of the first attempt's resources: preprocessing next, which proves it
    assert run(["unknown", "unsat"], "canceled") == ("verified", [False, True])
    # ... or runs out of time: final
    assert run(["unknown", "unknown"], "canceled") == ("timeout", [False, True])
    # ... with a time limit, the plain solver gets the time left
    assert run(["unknown", "unknown", "unsat"], "canceled", time_limit=100) == \
        ("verified", [False, True, False])
    # a model: the plain solver decides, with its model walk (here: the scripted "unsat")
    assert run(["sat", "unsat"]) == ("verified", [False, False])
    assert run(["unknown", "sat", "unsat"], "canceled") == ("verified", [False, True, False])
