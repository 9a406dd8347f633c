"""Literal marks (Dafny's `Lit`): evaluating recursive functions on literal arguments.

Takes: IVL expressions (values of call arguments) and a recursive function's `FuncInfo`.
Guarantees:
  * `is_literal(e)` is true of integer/real/boolean literals, `Lit.int/Lit.real/Lit.bool`
    applications and arithmetic/boolean operators over such operands (ground values the
    program computes from literals); `mark(e, t)` wraps such a value as `Lit.<t>(e)` (equal
    to e by the prelude).
  * `lit_eligible(info)` holds for recursive functions whose arguments are all ints, reals or
    bools and
    that neither read the heap nor have a receiver: for these a call whose arguments are all
    literal is made with marked arguments, and `functions.declare_function` adds the literal
    axiom  F($LS(ly), Lit(x)...) == body[x := Lit(x)]  whose recursive calls keep the layer
    $LS(ly). The axiom is an instance of the definition axiom (Lit(x) == x, every layer
    denotes the same function), so it adds no facts, only unfolding on literal arguments; the
    unfolding stops where the body's conditions decide (z3 ignores the terms of branches that
    are not taken) or the precondition fails.
"""

from __future__ import annotations

from ..ivl import ast as I
from .context import FuncInfo

_MARKS = {I.INT: "Lit.int", I.REAL: "Lit.real", I.BOOL: "Lit.bool"}
# IVL names of inductive datatype constructors (functions and nullary constants) and
# destructors: applied to literals they give literals (registered by `datatypes`; the names
# are derived from the declarations, so a name seen in an earlier translation denotes a
# constructor or destructor again; marking is sound whatever is marked, as Lit(x) == x)
_DATA_FNS: set[str] = set()
# boxes and sequence displays (strings) of literals are literals
_LIT_OPS = ("$Box.", "$Unbox.", "Seq#Build.")


def register_data_fns(names: list[str]) -> None:
    _DATA_FNS.update(names)


def lit_name(t: I.Type) -> str | None:
    """The mark function for values of IVL type t: Lit.int/real/bool, Lit.<sort> for
    datatype sorts (declared with the datatype), else None."""
    if t in _MARKS:
        return _MARKS[t]
    if isinstance(t, I.CtorType) and (t.name.startswith("DT.") or t.name == "Func") \
            and not t.args:
        return "Lit." + t.name
    return None
_ARITH = ("+", "-", "*", "/", "div", "mod", "==", "!=", "<", "<=", ">", ">=", "&&", "||",
          "==>", "<==>")


def is_literal(e: I.Expr) -> bool:
    if isinstance(e, (I.IntLit, I.RealLit, I.BoolLit)):
        return True
    if isinstance(e, I.FunApp) and e.name.startswith("Lit."):
        return True
    if isinstance(e, I.FunApp) and (e.name in _DATA_FNS or e.name.startswith(_LIT_OPS)):
        return all(is_literal(a) for a in e.args)
    if isinstance(e, I.Ident) and (e.name in _DATA_FNS or e.name.startswith("Seq#Empty.")):
        return True
    if isinstance(e, I.Unary):
        return is_literal(e.arg)
    if isinstance(e, I.Binary) and e.op in _ARITH:
        return is_literal(e.left) and is_literal(e.right)
    return False


def mark(e: I.Expr, t: I.Type) -> I.Expr:
    if isinstance(e, I.FunApp) and e.name.startswith("Lit."):
        return e
    name = lit_name(t)
    assert name is not None
    return I.FunApp(name, (e,))


def mark_if_literal(e: I.Expr) -> I.Expr:
    """e marked when it is a literal int, real or bool (its type read off the literal or
    mark); anything else unchanged."""
    if isinstance(e, I.FunApp) and e.name in _MARKS.values():
        return e
    t = _literal_type(e)
    return I.FunApp(_MARKS[t], (e,)) if t is not None and is_literal(e) else e


def _literal_type(e: I.Expr) -> I.Type | None:
    if isinstance(e, I.IntLit):
        return I.INT
    if isinstance(e, I.RealLit):
        return I.REAL
    if isinstance(e, I.BoolLit):
        return I.BOOL
    if isinstance(e, I.FunApp) and e.name in _MARKS.values():
        return next(t for t, n in _MARKS.items() if n == e.name)
    if isinstance(e, I.Unary):
        return I.BOOL if e.op == "!" else _literal_type(e.arg)
    if isinstance(e, I.Binary):
        if e.op in ("+", "-", "*", "/", "div", "mod"):
            return _literal_type(e.left) or _literal_type(e.right)
        return I.BOOL
    return None


def lit_eligible(info: FuncInfo) -> bool:
    # not for co-recursive functions or extreme predicates: their unfolding on literal
    # arguments need not stop
    from ..semantics import types as T
    from ..syntax import ast as D
    rt = T.normalize(info.decl.result_type)
    if info.decl.extreme or (isinstance(rt, D.UserType) and isinstance(rt.decl, D.DatatypeDecl)
                             and rt.decl.is_co):
        return False
    return (info.recursive and not info.reads_heap and bool(info.formal_types)
            and all(lit_name(t) is not None for t in info.formal_types)
            and not _has_receiver(info))


def _has_receiver(info: FuncInfo) -> bool:
    from ..syntax import ast as D
    f = info.decl
    return not f.is_static and isinstance(f.owner, (D.ClassDecl, D.DatatypeDecl,
                                                    D.NewtypeDecl))
