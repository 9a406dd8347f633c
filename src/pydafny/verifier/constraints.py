"""Type constraints: what membership in a Dafny type says beyond its IVL representation.

Takes: a Dafny type and the IVL expression of a value of that type.
Guarantees: `type_constraint(ctx, t, e)` is a formula true of every Dafny value of type t
(`0 <= e` for nat, the constraint of a user subset type or newtype, `e != null` for non-null
reference types, element constraints for sequences and sets), `TRUE` when there is nothing to
say. The translator assumes it for parameters, bound variables and havocked locals, and checks
it wherever a value is assigned to a variable of a constrained type.
"""

from __future__ import annotations

import itertools

from ..ivl import ast as I
from ..semantics import types as T
from ..syntax import ast as D
from .context import WF, Env, ProgramCtx
from .encoding import TRUE, conj, implies, map_fn, ms_fn, seq_fn, set_fn

_ids = itertools.count()


def type_constraint(ctx: ProgramCtx, t: D.Type, e: I.Expr, depth: int = 0) -> I.Expr:
    if depth > 4:
        return TRUE
    n = T.normalize(t)
    if isinstance(n, D.UserType):
        d = n.decl
        if isinstance(d, D.SubsetTypeDecl):
            info = T.subset_constraint(n)
            base = T.substitute(d.base, info.subst) if info else d.base
            parts = [type_constraint(ctx, base, e, depth + 1)]
            if info is not None and info.var is not None:
                parts.append(_instantiate(ctx, info.var, info.constraint, e))
            return conj(parts)
        if isinstance(d, D.NewtypeDecl):
            parts = [type_constraint(ctx, d.base, e, depth + 1)]
            if d.constraint is not None and d.var_decl is not None:
                parts.append(_instantiate(ctx, d.var_decl, d.constraint, e))
            return conj(parts)
        if isinstance(d, D.DatatypeDecl) and n.args:
            return _datatype_is(ctx, n, e, depth)
        if isinstance(d, D.ClassDecl) and not T.is_nullable(n):
            return I.Binary("!=", e, I.Ident("null"))
        return TRUE
    if isinstance(n, D.ObjectType):
        return TRUE if n.nullable else I.Binary("!=", e, I.Ident("null"))
    if isinstance(n, D.SeqType):
        st = ctx.enc.ivl_type(n)
        i = I.Ident(f"i#tc{next(_ids)}")
        inner = type_constraint(ctx, n.elem, seq_fn("Index", st, e, i), depth + 1)
        if inner == TRUE:
            return TRUE
        return I.Quantifier("forall", (I.Formal(i.name, I.INT),), implies(
            conj([I.Binary("<=", I.IntLit(0), i), I.Binary("<", i, seq_fn("Length", st, e))]),
            inner))
    if isinstance(n, (D.SetType, D.MultisetType)):
        # members of a set, iset or multiset<T> are values of T (every element was checked
        # when the collection was built, or when it was converted to this type)
        st = ctx.enc.ivl_type(n)
        x = I.Ident(f"x#tc{next(_ids)}")
        inner = type_constraint(ctx, n.elem, x, depth + 1)
        if inner == TRUE:
            return TRUE
        member = set_fn("In", st, e, x) if isinstance(n, D.SetType) else \
            I.Binary("<", I.IntLit(0), ms_fn("Count", st, e, x))
        return I.Quantifier("forall", (I.Formal(x.name, ctx.enc.ivl_type(n.elem)),),
                            implies(member, inner))
    if isinstance(n, D.MapType) and n.finite:
        # keys in the domain are values of the key type, and what they map to values of
        # the value type (Dafny's map<K, V>: every pair was checked when it was built)
        mt = ctx.enc.ivl_type(n)
        k = I.Ident(f"k#tc{next(_ids)}")
        kt = ctx.enc.ivl_type(n.key)
        val = map_fn("Elements", mt, e, k)
        kc = type_constraint(ctx, n.key, k, depth + 1)
        vc = type_constraint(ctx, n.value, val, depth + 1)
        if kc == TRUE and vc == TRUE:
            return TRUE
        dom = set_fn("In", ctx.enc.ivl_type(D.SetType(n.key)), map_fn("Domain", mt, e), k)
        return I.Quantifier("forall", (I.Formal(k.name, kt),), implies(dom, conj([kc, vc])),
                            (I.Trigger((val,)), I.Trigger((dom,))))
    if isinstance(n, D.ArrowType) and n.arrow == "->" and 1 <= len(n.args) <= 3:
        # a total arrow `A -> B` is the partial arrow whose precondition holds for every
        # argument of the argument types (Dafny's subset type of `A --> B`)
        k = next(_ids)
        xs = [I.Formal(f"x#ar{k}_{j}", ctx.enc.ivl_type(a)) for j, a in enumerate(n.args)]
        tcs = conj([type_constraint(ctx, a, I.Ident(x.name), depth + 1)
                    for a, x in zip(n.args, xs)])
        req = I.FunApp(f"Requires{len(xs)}", (e,) + tuple(
            ctx.enc.box(I.Ident(x.name), x.type) for x in xs))
        return I.Quantifier("forall", tuple(xs), implies(tcs, req), (I.Trigger((req,)),))
    return TRUE


def datatype_field_facts(ctx: ProgramCtx, t: D.Type, e: I.Expr, depth: int = 0) -> I.Expr:
    """For a value e of a (co)datatype type t: for each constructor C, `C?(e) ==>` the type
    constraints of e's C-fields (one level of nested datatypes). True of every Dafny value of
    type t, since constructor arguments are checked against the field types (the same fact
    `destructor_of` assumes at each destructor use); `TRUE` when there is nothing to say.
    Only assumed (never checked), for method parameters."""
    n = T.normalize(t)
    if depth > 1 or not isinstance(n, D.UserType) or not isinstance(n.decl, D.DatatypeDecl):
        return TRUE
    from .datatypes import datatype_info
    d = n.decl
    info = datatype_info(ctx, d)
    subst = T.subst_map(d.type_params, n.args) if d.type_params else {}
    alts: list[I.Expr] = []
    for c in d.ctors:
        parts = []
        for j, f in enumerate(c.formals):
            ft = T.substitute(f.type, subst)
            val = ctx.enc.coerce(info.select(c, j, e), info.field_type(c, j),
                                 ctx.enc.ivl_type(ft))
            parts.append(type_constraint(ctx, ft, val, depth + 1))
            parts.append(datatype_field_facts(ctx, ft, val, depth + 1))
        body = conj(parts)
        if body != TRUE:
            alts.append(body if len(d.ctors) == 1 else implies(info.is_ctor(c, e), body))
    return conj(alts)


def _instantiate(ctx: ProgramCtx, var: D.BoundVar, constraint: D.Expr, e: I.Expr) -> I.Expr:
    from .exprs import ExprTranslator
    env = Env(vars={id(var): e}, heap_allowed=False)
    return ExprTranslator(ctx, env, WF(None)).tr(constraint)


def type_name(t: D.Type) -> str:
    return T.type_to_str(t)


def _datatype_is(ctx: ProgramCtx, n: D.UserType, e: I.Expr, depth: int) -> I.Expr:
    """`$Is.D<args>(e)` for an instantiation whose type arguments carry constraints
    (`Option<nat>`), TRUE otherwise. A value built at `Option<int>` may flow into
    `Option<nat>` only through a check of this predicate; its two axiom families:
      * per constructor C:  $Is(C(a..)) <==> the fields' constraints at these arguments
        (true of the values the predicate is meant to describe: a constructor application
        is in the type exactly when its fields are);
      * per constrained field f of C:  $Is(x) && C?(x) ==> constraint(x.f), triggered by
        {x.f, $Is(x)} (a consequence of the first, stated for values not built in view).
    Fields of the same instantiation use the predicate recursively (structural recursion on
    the datatype, so the predicate is well defined)."""
    from .datatypes import datatype_info
    d = n.decl
    if not d.type_params or all(
            type_constraint(ctx, a, I.Ident("x#probe"), depth + 1) == TRUE for a in n.args):
        return TRUE
    key = T.type_to_str(n)
    name = ctx.is_preds.get(key)
    if name is None:
        name = ctx.names.fresh("$Is." + "".join(ch if ch.isalnum() else "_" for ch in key))
        ctx.is_preds[key] = name
        info = datatype_info(ctx, d)
        subst = T.subst_map(d.type_params, n.args)
        decls: list[I.Decl] = [I.FunctionDecl(name, (I.Formal("x", info.sort),), I.BOOL)]
        for c in d.ctors:
            formals = tuple(I.Formal(f"a#{j}", info.field_type(c, j))
                            for j in range(len(c.formals)))
            args = [I.Ident(f.name) for f in formals]
            parts = []
            for j, f in enumerate(c.formals):
                ft = T.substitute(f.type, subst)
                val = ctx.enc.coerce(args[j], info.field_type(c, j), ctx.enc.ivl_type(ft))
                parts.append((j, ft, type_constraint(ctx, ft, val, depth + 1)))
            cname = info.ctor_names[id(c)]
            term: I.Expr = I.FunApp(cname, tuple(args)) if formals else I.Ident(cname)
            is_c = I.FunApp(name, (term,))
            body = I.Binary("<==>", is_c, conj([p for _, _, p in parts]))
            decls.append(I.AxiomDecl(I.Quantifier("forall", formals, body,
                                                  (I.Trigger((is_c,)),))
                                     if formals else body))
            x = I.Ident("x#is")
            for j, ft, p in parts:
                if p == TRUE:
                    continue
                sel = info.select(c, j, x)
                val = ctx.enc.coerce(sel, info.field_type(c, j), ctx.enc.ivl_type(ft))
                is_x = I.FunApp(name, (x,))
                decls.append(I.AxiomDecl(I.Quantifier(
                    "forall", (I.Formal("x#is", info.sort),),
                    implies(conj([is_x, info.is_ctor(c, x)]),
                            type_constraint(ctx, ft, val, depth + 1)),
                    (I.Trigger((sel, is_x)),))))
        ctx.global_decls.extend(decls)
    return I.FunApp(name, (e,))
