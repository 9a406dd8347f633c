"""Dafny's bitvector types `bvN` (N > 0): IVL `bvN` values with the operations of bv.bpl.

Takes: translated operands with their Dafny types, and the expression translator (for its
well-formedness checks).
Guarantees: the value of each operation is Dafny's: `+ - *` and unary `-` wrap around modulo
2^N, `/ %` are unsigned (the divisor is checked non-zero), `& | ^ !` are bitwise, `<< >>`
are logical shifts whose amount (an int or a bitvector) is checked to lie in 0..N, `< <= > >=`
compare unsigned, conversions from int (or a wider bitvector) are checked to fit, conversions
to int are exact. Anything else (bv0, rotations, conversions with reals) is `Unsupported`.
"""

from __future__ import annotations

from typing import Any

from ..ivl import ast as I
from ..semantics import types as T
from ..syntax import ast as D
from .encoding import conj
from .obligations import Kind, Obligation
from .unsupported import Unsupported

_OPS = {"+": "Add", "-": "Sub", "*": "Mul", "/": "Div", "%": "Mod", "&": "And", "|": "Or",
        "^": "Xor", "<<": "Shl", ">>": "Shr", "<": "Lt", "<=": "Le", ">": "Gt", ">=": "Ge"}


def width_of(t: Any) -> int | None:
    """N for a Dafny type whose base is bvN, else None."""
    b = T.base_type(t) if t is not None else None
    return b.width if isinstance(b, D.BitvectorType) else None


def bv_type(enc: Any, width: int, span: Any) -> I.BvType:
    """The IVL type bvN, with bv.bpl instantiated for it."""
    if width <= 0:
        raise Unsupported(span, "type bv0")
    t = I.BvType(width)
    enc.use("bv", t)
    return t


def fn(enc: Any, op: str, width: int, *args: I.Expr) -> I.Expr:
    bv_type(enc, width, None)
    return I.FunApp(f"BV#{op}.bv{width}", tuple(args))


def literal(value: int, width: int, span: Any = None) -> I.Expr:
    """The bvN literal; Dafny rejects literals outside 0..2^N-1 (not translated here)."""
    if not 0 <= value < (1 << width):
        raise Unsupported(span, f"bitvector literal ({value}) is too large for the type "
                                f"bv{width}")
    return I.BvLit(value, width)


def binop(tr: Any, op: str, lt: Any, rt: Any, a: I.Expr, b: I.Expr, e: D.Node) -> I.Expr:
    w = width_of(lt)
    if w is None or op not in _OPS:
        raise Unsupported(e.span, f"operator {op} on bitvectors")
    bv_type(tr.enc, w, e.span)
    if op in ("<<", ">>"):
        b = _shift_amount(tr, w, rt, b, e)
    elif op in ("/", "%") and tr.wf.active:
        tr.wf.check(I.Binary("!=", b, I.BvLit(0, w)), Obligation(Kind.DIVISION, e.span))
    return fn(tr.enc, _OPS[op], w, a, b)


def _shift_amount(tr: Any, w: int, rt: Any, b: I.Expr, e: D.Node) -> I.Expr:
    """The shift amount as a bvN (checked to be in 0..N)."""
    rw = width_of(rt)
    if rw is None and T.family(rt) not in ("int", "char"):
        raise Unsupported(e.span, "shift amount of this type")
    as_int = b if rw is None else fn(tr.enc, "ToInt", rw, b)
    if tr.wf.active:
        tr.wf.check(I.Binary("<=", I.IntLit(0), as_int),
                    Obligation(Kind.SHIFT, e.span, "shift amount must be non-negative"))
        tr.wf.check(I.Binary("<=", as_int, I.IntLit(w)), Obligation(
            Kind.SHIFT, e.span, f"shift amount must not exceed the width of the result ({w})"))
    if rw == w:
        return b
    return fn(tr.enc, "FromInt", w, as_int)


def unary(tr: Any, op: str, t: Any, a: I.Expr, e: D.Node) -> I.Expr:
    w = width_of(t)
    assert w is not None
    if op == "-":
        return fn(tr.enc, "Neg", w, a)
    if op == "!":
        return fn(tr.enc, "Not", w, a)
    raise Unsupported(e.span, f"operator {op} on bitvectors")


def convert(tr: Any, v: I.Expr, src: Any, dst: Any, e: D.Node) -> I.Expr:
    """`v as dst` where src or dst is a bitvector type; the value must fit the target."""
    sw, dw = width_of(src), width_of(dst)
    sf = "bv" if sw is not None else T.family(src)
    df = "bv" if dw is not None else T.family(dst)
    if sf not in ("bv", "int", "char") or df not in ("bv", "int", "char"):
        raise Unsupported(e.span, "bitvector conversions with this type")
    as_int = fn(tr.enc, "ToInt", sw, v) if sw is not None else v
    if dw is None:
        return as_int
    if sw == dw:
        return v
    if tr.wf.active and not (sw is not None and sw <= dw):
        tr.wf.check(conj([I.Binary("<=", I.IntLit(0), as_int),
                          I.Binary("<", as_int, I.IntLit(1 << dw))]),
                    Obligation(Kind.CONVERSION, e.span))
    return fn(tr.enc, "FromInt", dw, as_int)
