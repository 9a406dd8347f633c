"""Typed proof obligations: the `info` payload of every IVL assertion the translator emits.

Takes: nothing (defines records).
Guarantees: every `Assert`, `Requires`, `Ensures` and `Invariant` the translator produces carries
one `Obligation`; the IVL verifier hands it back untouched in a failure, and `messages` chooses
Dafny's wording for it at report time. An obligation never influences what is proved.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..syntax.source import NO_SPAN, Span


class Kind:
    """The kinds of proof obligation (one wording each in `messages`)."""

    ASSERTION = "assertion"
    POSTCONDITION = "postcondition"              # an ensures clause of the method/function
    PRECONDITION = "precondition"                # a requires clause of a called method
    CALL = "call"                                # the call site (site_info of a precondition)
    FUNCTION_PRECONDITION = "function-precondition"
    INVARIANT = "invariant"                      # a loop invariant (entry / maintained)
    INDEX = "index"                              # sequence/array index out of range
    SLICE = "slice"                              # slice bounds
    DIVISION = "division"                        # division or modulus by zero
    DECREASES = "decreases"                      # loop decreases / recursive call termination
    SUBSET = "subset"                            # value of a subset type (nat, ...)
    NULL = "null"                                # null dereference
    MODIFIES = "modifies"                        # assignment to a location outside the frame
    CALL_MODIFIES = "call-modifies"              # callee may modify what the caller may not
    READS = "reads"                              # function reads outside its reads clause
    SUCH_THAT = "such-that"                      # `:|` has a witness
    DESTRUCTOR = "destructor"                    # destructor applied to the wrong constructor
    MATCH = "match"                              # missing case in a match
    ARRAY_LENGTH = "array-length"                # new T[n] with negative n
    FUNCTION_POST = "function-postcondition"     # ensures of a function
    CALC_STEP = "calc-step"                      # a step of a calc statement
    FORALL_POST = "forall-postcondition"         # ensures of a forall statement
    CONVERSION = "conversion"                    # `as` conversion out of range
    CHAR_RANGE = "char-range"
    MAP_DOMAIN = "map-domain"                    # m[k] with k possibly not a key
    MAP_KEYS = "map-keys"                        # a map comprehension maps a key twice
    SHIFT = "shift"                              # a bitvector shift amount out of range
    WITNESS = "witness"                          # a subset type/newtype is inhabited
    OVERRIDE = "override"                        # a trait member's override meets its
                                                 # specification (detail: the message)
    EMPTY_READS = "empty-reads"                  # a lambda's reads clause is empty (the
                                                 # only lambdas translated read nothing)


@dataclass(frozen=True, slots=True)
class Obligation:
    """One proof obligation: its kind, where it is reported, and optional detail.

    span: where the error is printed (the assert, the index expression, the clause...).
    detail: a kind-specific word (the subset type name, the destructor name, ...).
    related: extra (span, message) pairs printed as `Related location` lines.
    """

    kind: str
    span: Span = NO_SPAN
    detail: str = ""
    related: tuple[tuple[Span, str], ...] = ()
