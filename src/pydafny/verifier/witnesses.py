"""Inhabitation checks for subset types and newtypes: a type that is assumed non-empty is.

Takes: a resolved `SubsetTypeDecl` or `NewtypeDecl` with a constraint, in a `ProgramCtx`
whose functions are declared.
Guarantees: `witness_impl` returns the IVL implementation Dafny checks for the type (None
when there is nothing to check):
- the constraint is well formed for every value of the base type;
- `witness W` / `ghost witness W`: W is well formed and satisfies the base type's
  constraints and the constraint (one assertion per top-level conjunct, each with a related
  location at the conjunct, as Dafny reports them);
- no witness clause: Dafny's default candidate (0, 0.0, false, 'D', the empty collection or
  null, whichever fits the base type) satisfies them; otherwise "cannot find witness";
- `witness *`: only the well-formedness of the constraint (the type may be empty).
Why it matters: the translator assumes a type's constraint for every parameter, bound
variable and uninitialized local of that type; for an empty type that assumption is `false`
and would prove anything. Raises `Unsupported` for a base type with no default candidate.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Union

from ..ivl import ast as I
from ..semantics import types as T
from ..syntax import ast as D
from ..syntax.source import NO_SPAN, Span
from .context import WF, Env, ProgramCtx
from .encoding import TRUE, seq_empty, set_empty
from .obligations import Kind, Obligation
from .unsupported import Unsupported

TypeDecl = Union[D.SubsetTypeDecl, D.NewtypeDecl]

_HINT = ("; try giving a hint through a 'witness' or 'ghost witness' clause, or use "
         "'witness *' to treat as a possibly empty type")


def witness_impl(ctx: ProgramCtx, d: TypeDecl) -> I.ImplementationDecl | None:
    from .constraints import type_constraint
    from .exprs import ExprTranslator
    if d.constraint is None or d.var_decl is None:
        return None
    base = d.base
    bty = ctx.enc.ivl_type(base)
    # above every function, so that their definitions are available (as in methods)
    stmts: list[I.Stmt] = [I.Assume(I.Binary("==", I.Ident("$Height"),
                                             I.IntLit(1_000_000)))]
    x = ctx.names.fresh(d.var or "x")
    env = Env(vars={id(d.var_decl): I.Ident(x)}, heap_allowed=False)
    # (1) the constraint is well formed for any value of the base type
    checks: list[I.Stmt] = []
    base_ok = type_constraint(ctx, base, I.Ident(x))
    if base_ok != TRUE:
        checks.append(I.Assume(base_ok))
    ExprTranslator(ctx, env, WF(checks)).tr(d.constraint)
    if any(isinstance(s, I.Assert) for s in checks):
        stmts.append(I.If(None, tuple(checks), ()))
    # (2) the witness (given or Dafny's default candidate) satisfies the constraints
    if d.witness_kind != "*":
        if d.witness is not None:
            wtr = ExprTranslator(ctx, Env(heap_allowed=False), WF(stmts))
            w = wtr.tr(d.witness)
            w = ctx.enc.coerce(w, ctx.enc.ivl_type(d.witness.type or base), bty,
                               d.witness.span)
            where = d.witness.span
            message = "the given witness expression might not satisfy constraint"
        else:
            cand = _default_candidate(ctx, base)
            where = getattr(d, "name_span", None) or d.span
            if cand is None:
                raise Unsupported(where, "a subset type or newtype over "
                                  f"'{T.type_to_str(base)}' without a 'witness' clause")
            w, shown = cand
            message = (f"cannot find witness that shows type is inhabited (only tried "
                       f"{shown}){_HINT}")
        wenv = Env(vars={id(d.var_decl): w}, heap_allowed=False)
        pure = ExprTranslator(ctx, wenv, WF(None))
        base_w = type_constraint(ctx, base, w)
        if base_w != TRUE:
            stmts.append(I.Assert(base_w, info=Obligation(Kind.WITNESS, where, message),
                                  span=where))
        for part in _conjuncts(d.constraint):
            related = ((part.span, "this is the constraint that could not be proved"),) \
                if part is not d.constraint else ()
            stmts.append(I.Assert(pure.tr(part), info=Obligation(
                Kind.WITNESS, where, message, related=related), span=where))
    if len(stmts) == 1:
        return None
    name = ctx.names.fresh("Witness$" + d.name)
    ctx.decls.append(I.ProcedureDecl(name, (), ()))
    return I.ImplementationDecl(name, (), (), I.Body(
        (I.Formal(x, bty),), (I.Block("start", tuple(stmts)),)), span=d.span)


def _conjuncts(e: D.Expr) -> list[D.Expr]:
    if isinstance(e, D.BinaryExpr) and e.op == "&&":
        return _conjuncts(e.left) + _conjuncts(e.right)
    return [e]


def _default_candidate(ctx: ProgramCtx, t: D.Type) -> tuple[I.Expr, str] | None:
    """Dafny's first guess at an inhabitant of the base type t, and how it is shown."""
    b = T.base_type(t)
    if isinstance(b, D.IntType):
        return I.IntLit(0), "0"
    if isinstance(b, D.RealType):
        return I.RealLit(Fraction(0)), "0.0"
    if isinstance(b, D.BoolType):
        return I.BoolLit(False), "false"
    if isinstance(b, D.CharType):
        return I.IntLit(ord("D")), "'D'"
    if isinstance(b, D.SeqType):
        st = ctx.enc.ivl_type(b)
        return seq_empty(st), "[]"
    if isinstance(b, D.SetType) and b.finite:
        st = ctx.enc.ivl_type(b)
        return set_empty(st), "{}"
    if T.is_nullable(t) and T.is_ref_type(t):
        return I.Ident("null"), "null"
    return None


def possibly_empty(t: D.Type, depth: int = 0, visiting: frozenset[int] = frozenset()) -> bool:
    """Whether t is (built on) a type declared `witness *`, which may have no values: an
    arbitrary value of it cannot be assumed to exist, so uninitialized variables of it are not
    supported (Dafny tracks their definite assignment). Also a tuple with such a component,
    and a datatype each of whose constructors has an argument of such a type (its values
    would carry a value of the empty type: reading that field assumes the type's
    constraint). `visiting` holds the datatypes being examined: a recursive reference to an
    inductive one counts as possibly empty (its values are built from finitely many
    constructors, so some constructor must be inhabited without it), to a codatatype as
    inhabited (an infinite value may consist of that reference alone)."""
    if depth > 16:
        return True
    n = T.normalize(t)
    if isinstance(n, D.UserType) and isinstance(n.decl, (D.SubsetTypeDecl, D.NewtypeDecl)):
        return n.decl.witness_kind == "*" or possibly_empty(n.decl.base, depth + 1, visiting)
    if isinstance(n, D.TupleType):
        return any(possibly_empty(a, depth + 1, visiting) for a in n.elems)
    if isinstance(n, D.UserType) and isinstance(n.decl, D.DatatypeDecl):
        dt = n.decl
        if id(dt) in visiting:
            return not dt.is_co
        inner = visiting | {id(dt)}
        m = T.subst_map(dt.type_params, list(n.args))
        return all(any(possibly_empty(T.substitute(f.type, m), depth + 1, inner)
                       for f in c.formals) for c in dt.ctors)
    return False


def reject_possibly_empty(t: D.Type | None, span: object, what: str) -> None:
    """Raise `Unsupported` when a value of t would have to be made up (see possibly_empty)."""
    if t is not None and possibly_empty(t):
        n = T.normalize(t)
        direct = isinstance(n, D.UserType) \
            and isinstance(n.decl, (D.SubsetTypeDecl, D.NewtypeDecl)) \
            and n.decl.witness_kind == "*"
        why = "declared 'witness *'" if direct else "built on a type declared 'witness *'"
        raise Unsupported(span if isinstance(span, Span) else NO_SPAN,
                          f"{what} of the possibly empty type '{T.type_to_str(t)}' ({why})")
