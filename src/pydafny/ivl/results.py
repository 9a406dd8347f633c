"""Results of verifying IVL implementations.

Takes: nothing; defines the records `pydafny.ivl.verify.verify_program` returns.
Guarantees: a `Failure` names exactly one failing proof obligation, with the span of the command
where it fails (assert, call, return, loop entry/back edge), the span of the specification clause
involved (requires/ensures/invariant) and the clause's untouched `info` payload; verdicts other
than VERIFIED never mean success.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..syntax.source import NO_SPAN, Span


class Verdict:
    VERIFIED = "verified"
    ERRORS = "errors"          # at least one obligation could not be proved (a counterexample)
    TIMEOUT = "timeout"        # the solver ran out of time
    OUT_OF_RESOURCE = "resource-out"
    UNKNOWN = "unknown"        # the solver gave up for another reason (never success)
    INCONCLUSIVE = (TIMEOUT, OUT_OF_RESOURCE, UNKNOWN)


class FailureKind:
    ASSERTION = "assertion"
    PRECONDITION = "precondition"          # a requires of a called procedure
    POSTCONDITION = "postcondition"        # an ensures of the implementation's procedure
    INVARIANT_ENTRY = "invariant-entry"    # a loop invariant on entry to the loop
    INVARIANT_MAINTAINED = "invariant-maintained"  # a loop invariant after an iteration


@dataclass(slots=True)
class Failure:
    """One obligation that could not be proved.

    span: where it fails (the assert; the call for a precondition; the return for a
          postcondition; the loop head for an invariant).
    clause_span: the requires/ensures/invariant clause (NO_SPAN for a plain assertion).
    info: the payload of the Assert/Requires/Ensures/Invariant, untouched.
    site_info: for a precondition, the payload of the Call; otherwise None.
    counterexample: source variable name -> value text at the failure (may be empty).
    timed_out: True when the obligation was not refuted but the solver gave up on it.
    """

    kind: str
    span: Span
    clause_span: Span = NO_SPAN
    info: object = None
    site_info: object = None
    counterexample: dict[str, str] = field(default_factory=dict)
    timed_out: bool = False


@dataclass(slots=True)
class ImplResult:
    """The outcome for one implementation."""

    name: str
    span: Span
    verdict: str
    time: float = 0.0
    failures: list[Failure] = field(default_factory=list)
    reason: str = ""  # the solver's reason for unknown / timeout, if any
    vcgen_time: float = 0.0   # seconds spent lowering, passifying and building the VC
    solver_time: float = 0.0  # seconds spent in the solver (conversion and checks)
    smtlib: str = ""          # the query as SMT-LIB, when asked for
    vc_size: int = 0          # passive commands in the VC
