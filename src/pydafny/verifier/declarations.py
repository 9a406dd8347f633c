"""Constant fields: `const c: T := e` as IVL functions (of the object, or nullary if static).

Takes: a `Field` with `is_const`.
Guarantees: `const_function` declares the function once; with an initializer it adds the
axiom `c(o) == e` (resp. `c() == e`) guarded by $Height, which holds since a const with an
initializer always has that value.
"""

from __future__ import annotations

from ..ivl import ast as I
from ..syntax import ast as D
from .context import WF, Env, ProgramCtx
from .encoding import REF
from .unsupported import Unsupported


def const_function(ctx: ProgramCtx, d: D.Field, static: bool) -> str:
    name = ctx.const_fields.get(id(d))
    if name is not None:
        return name
    name = ctx.names.of(d, f"const.{d.name}")
    ctx.const_fields[id(d)] = name
    t = ctx.enc.ivl_type(d.type)
    from .exprs import ExprTranslator
    if static:
        ctx.global_decls.append(I.FunctionDecl(name, (), t))
        if d.init is not None:
            v = ExprTranslator(ctx, Env(), WF(None)).tr(d.init)
            ctx.global_decls.append(I.AxiomDecl(I.Binary("==", I.FunApp(name, ()), v)))
    else:
        ctx.global_decls.append(I.FunctionDecl(name, (I.Formal("o", REF),), t))
        if d.init is not None:
            o = I.Ident("o#k")
            v = ExprTranslator(ctx, Env(this=o), WF(None)).tr(d.init)
            app = I.FunApp(name, (o,))
            ctx.global_decls.append(I.AxiomDecl(I.Quantifier(
                "forall", (I.Formal("o#k", REF),), I.Binary("==", app, v),
                (I.Trigger((app,)),))))
    if d.init is None and static:
        raise Unsupported(d.span, "static const without initializer")
    return name
