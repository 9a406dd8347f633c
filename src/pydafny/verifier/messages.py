"""Dafny's wording for every proof obligation and verifier outcome (Dafny 4 messages).

Takes: `Obligation`s and IVL `Failure`s.
Guarantees: one place for all verifier messages; `failure_diagnostic` turns an IVL failure into
the `Diagnostic` Dafny would print (with its `Related location` lines).
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, Related
from ..ivl.results import Failure, FailureKind
from ..syntax.source import NO_SPAN
from .obligations import Kind, Obligation

SUMMARY = "Dafny program verifier finished with {verified} verified, {errors} error{s}"

_PLAIN: dict[str, str] = {
    Kind.ASSERTION: "assertion could not be proved",
    Kind.FUNCTION_PRECONDITION: "function precondition could not be proved",
    Kind.INDEX: "index out of range",
    Kind.SLICE: "upper bound below lower bound or above length of sequence",
    Kind.DIVISION: "possible division by zero",
    Kind.DECREASES: "decreases expression might not decrease",
    Kind.NULL: "target object might be null",
    Kind.MODIFIES: "assignment might update an object not in the enclosing context's "
                   "modifies clause",
    Kind.CALL_MODIFIES: "call might violate context's modifies clause",
    Kind.READS: "insufficient reads clause to read field",
    Kind.SUCH_THAT: "cannot establish the existence of LHS values that satisfy the "
                    "such-that predicate",
    Kind.ARRAY_LENGTH: "array size might be negative",
    Kind.CALC_STEP: "the calculation step between the previous line and this line could "
                    "not be proved",
    Kind.CONVERSION: "value to be converted might not fit in the target type",
    Kind.CHAR_RANGE: "value to be converted might not fit in char",
    Kind.MAP_DOMAIN: "element might not be in domain",
    Kind.MAP_KEYS: "key expressions may be referring to the same value",
    Kind.EMPTY_READS: "unsupported: lambdas reading the heap (this reads clause could not "
                      "be proved empty)",
}


def plain_message(ob: Obligation) -> str:
    """The message of an obligation checked by a plain IVL `assert`."""
    if ob.kind == Kind.SUBSET:
        return f"value does not satisfy the subset constraints of '{ob.detail}'"
    if ob.kind in (Kind.DESTRUCTOR, Kind.WITNESS, Kind.SHIFT, Kind.OVERRIDE):
        return ob.detail
    if ob.kind == Kind.MATCH:
        return f"missing case in match expression: {ob.detail}"
    if ob.kind == Kind.DECREASES and ob.detail:
        return ob.detail
    if ob.kind == Kind.POSTCONDITION or ob.kind == Kind.FUNCTION_POST:
        return "a postcondition could not be proved on this return path"
    if ob.kind == Kind.FORALL_POST:
        return "possible violation of postcondition of forall statement"
    if ob.kind == Kind.INVARIANT:
        return "this invariant could not be proved to be maintained by the loop"
    return _PLAIN.get(ob.kind, "assertion could not be proved")


def failure_diagnostic(f: Failure) -> Diagnostic:
    """Dafny's diagnostic for one IVL failure (timeouts get ` (timed out)` appended)."""
    ob = f.info if isinstance(f.info, Obligation) else None
    related: list[Related] = []
    if f.kind == FailureKind.POSTCONDITION:
        msg = "a postcondition could not be proved on this return path"
        span = f.span
        clause = ob.span if ob is not None else f.clause_span
        related.append(Related(clause, "this is the postcondition that could not be proved"))
    elif f.kind == FailureKind.PRECONDITION:
        site = f.site_info if isinstance(f.site_info, Obligation) else None
        msg = "a precondition for this call could not be proved"
        span = site.span if site is not None else f.span
        clause = ob.span if ob is not None else f.clause_span
        related.append(Related(clause, "this is the precondition that could not be proved"))
    elif f.kind == FailureKind.INVARIANT_ENTRY:
        msg = "this loop invariant could not be proved on entry"
        span = ob.span if ob is not None else f.clause_span
    elif f.kind == FailureKind.INVARIANT_MAINTAINED:
        msg = "this invariant could not be proved to be maintained by the loop"
        if ob is not None and ob.kind != Kind.INVARIANT:  # a well-formedness invariant
            msg = plain_message(ob)
        span = ob.span if ob is not None else f.clause_span
    else:
        msg = plain_message(ob) if ob is not None else "assertion could not be proved"
        span = ob.span if ob is not None and ob.span is not NO_SPAN else f.span
    if ob is not None:
        for s, m in ob.related:
            related.append(Related(s, m))
    if f.timed_out:
        msg += " (timed out)"
    return Diagnostic(span, msg, related=tuple(related))


def summary(verified: int, errors: int, timeouts: int = 0) -> str:
    s = SUMMARY.format(verified=verified, errors=errors, s="" if errors == 1 else "s")
    if timeouts:
        s += f", {timeouts} time out{'' if timeouts == 1 else 's'}"
    return s
