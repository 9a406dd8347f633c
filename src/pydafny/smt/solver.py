"""The narrow interface between verification-condition generation and an SMT solver.

Takes: terms from `pydafny.smt.terms`.
Guarantees: a `Solver` opens one `Session` per verification condition; a session accepts
assertions, answers `check()` with "sat", "unsat" or "unknown" (with `reason_unknown()`), and
after "sat"/"unknown" evaluates terms in the model it found. Nothing else of the solver leaks.
`FakeSolver` implements the interface without z3 for unit tests: it answers from a script and
evaluates ground Boolean/integer terms in a model given as a dict from constant names to values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from .terms import Term

# Dafny's Z3 configuration (see DafnyOptions / Boogie's Z3 options); unknown names are skipped.
DEFAULT_Z3_PARAMS: dict[str, object] = {
    "auto_config": False,
    "type_check": True,
    "smt.qi.eager_threshold": 44.0,
    "smt.delay_units": True,
    "smt.case_split": 3,
    "model.completion": True,
    "smt.mbqi": False,
    # Dafny also selects z3's older arithmetic solver; on long VCs with many loops it is
    # several times faster than the default one here (see benchmarks/ivl_vcgen.py)
    "smt.arith.solver": 2,
    # Boogie's maps are not extensional (two maps equal at every index need not be equal);
    # z3's arrays are unless told otherwise: this keeps verdicts the same as Boogie's
    "smt.array.extensional": False,
}


@dataclass(slots=True)
class SolverOptions:
    time_limit: float = 0.0          # seconds per check; 0 means none
    resource_limit: int = 0          # z3 rlimit per check; 0 means none
    seed: int = 0
    params: dict[str, object] = field(default_factory=lambda: dict(DEFAULT_Z3_PARAMS))
    # simplify the query before search (z3's default tactics: equation solving, context
    # simplification, ...). Proves some queries the plain solver does not, but its models
    # lack eliminated constants, so it is used only to look for a proof (see ivl/verify.py)
    preprocess: bool = False


class Session(Protocol):
    def add(self, t: Term) -> None: ...
    def check(self) -> str: ...
    def reason_unknown(self) -> str: ...
    def eval_bool(self, t: Term) -> bool | None: ...
    def eval_text(self, t: Term) -> str | None: ...
    def smtlib(self) -> str: ...


class Solver(Protocol):
    def open(self, options: SolverOptions) -> Session: ...


class FakeSession:
    def __init__(self, answers: list[str], model: dict[str, object], reason: str) -> None:
        self.assertions: list[Term] = []
        self.answers = answers
        self.model = model
        self.reason = reason
        self.checks = 0

    def add(self, t: Term) -> None:
        self.assertions.append(t)

    def check(self) -> str:
        self.checks += 1
        return self.answers.pop(0) if self.answers else "unsat"

    def reason_unknown(self) -> str:
        return self.reason

    def _eval(self, t: Term) -> object:
        op = t.op
        if op in ("int", "bool", "real", "bv"):
            return t.data
        if op == "const":
            return self.model.get(str(t.data))
        vals = [self._eval(a) for a in t.args]
        if any(v is None for v in vals):
            return None
        if op == "and":
            return all(vals)
        if op == "or":
            return any(vals)
        if op == "not":
            return not vals[0]
        if op == "=>":
            return (not vals[0]) or vals[1]
        if op == "=":
            return vals[0] == vals[1]
        if op == "ite":
            return vals[1] if vals[0] else vals[2]
        fns = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
               "<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b,
               ">=": lambda a, b: a >= b}
        if op in fns:
            return fns[op](*vals)
        return None

    def eval_bool(self, t: Term) -> bool | None:
        v = self._eval(t)
        return None if v is None else bool(v)

    def eval_text(self, t: Term) -> str | None:
        v = self._eval(t)
        if v is None:
            return None
        if isinstance(v, bool):
            return "true" if v else "false"
        return str(v)

    def smtlib(self) -> str:
        return "\n".join(f"(assert {a!r})" for a in self.assertions) + "\n(check-sat)\n"


class FakeSolver:
    """Scripted solver for unit tests: `answers` are returned by successive checks (then
    "unsat"); `model` maps constant names to Python values."""

    def __init__(self, answers: list[str] | None = None,
                 model: dict[str, object] | None = None, reason: str = "") -> None:
        self.answers = list(answers or [])
        self.model = dict(model or {})
        self.reason = reason
        self.sessions: list[FakeSession] = []

    def open(self, options: SolverOptions) -> FakeSession:
        s = FakeSession(self.answers, self.model, self.reason)
        self.sessions.append(s)
        return s
