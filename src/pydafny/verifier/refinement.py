"""Calls of body-less lemmas and methods seen through a refining module.

Takes: a resolved call `M.L(...)` whose callee L is declared in module B while the call names
it through module M, where M refines B (directly or through a chain of refinements).
Guarantees: `callee_procedure(ctx, call, m, name)` is the IVL procedure to call: in Dafny, M
holds its own copy of L whose specification mentions M's members, so each function of B
that M (or a module between M and B) gives a new declaration is renamed to that declaration
in L's specification (`ensures P(F())` of an abstract module becomes `ensures M.P(F())`).
The copy is made only for body-less L (an axiom in B and, unchanged, in M: Dafny assumes it in
both), and only for functions with the same IVL signature; anything else calls L itself
(whose specification is then about B's functions: weaker, never wrong). The copy is a
procedure without implementation, declared once per (L, M).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..ivl import ast as I
from ..syntax import ast as D
from .context import FuncInfo, ProgramCtx


def rename_functions(e: Any, ren: dict[str, str]) -> Any:
    """e with every application of a function named in ren applied to the new name."""
    if isinstance(e, I.FunApp):
        args = tuple(rename_functions(a, ren) for a in e.args)
        return dataclasses.replace(e, name=ren.get(e.name, e.name), args=args)
    return I.map_children(e, lambda c: rename_functions(c, ren))


def _modules(ctx: ProgramCtx) -> dict[str, D.ModuleDecl | None]:
    """Modules owning translated functions/methods, by name (None when ambiguous)."""
    out: dict[str, D.ModuleDecl | None] = {}
    for info in list(ctx.funcs.values()) + list(ctx.methods.values()):
        o = getattr(info.decl, "owner", None)
        if isinstance(o, D.ModuleDecl):
            prev = out.get(o.name, o)
            out[o.name] = o if prev is o else None
    return out


def _chain(ctx: ProgramCtx, m: D.ModuleDecl, base: D.ModuleDecl) -> list[D.ModuleDecl] | None:
    """[m, ..., base] following `refines` from m to base, or None."""
    mods = _modules(ctx)
    out = [m]
    cur = m
    while cur is not base:
        if not cur.refines or len(out) > 20:
            return None
        nxt = base if cur.refines[-1] == base.name else mods.get(cur.refines[-1])
        if nxt is None:
            return None
        out.append(nxt)
        cur = nxt
    return out


def _same_shape(a: FuncInfo, b: FuncInfo) -> bool:
    return (a.recursive == b.recursive and a.reads_heap == b.reads_heap
            and a.formal_types == b.formal_types and a.result_type == b.result_type
            and not getattr(a.decl, "type_params", None)
            and not getattr(b.decl, "type_params", None))


def callee_procedure(ctx: ProgramCtx, call: D.ApplyExpr, m: D.Method, name: str) -> str:
    callee = call.callee
    if not isinstance(callee, D.MemberSelect) or not isinstance(callee.obj, D.NameExpr):
        return name
    via = callee.obj.decl
    home = getattr(m, "owner", None)
    if not isinstance(via, D.ModuleDecl) or not isinstance(home, D.ModuleDecl) \
            or via is home or m.body is not None:
        return name
    chain = _chain(ctx, via, home)
    if chain is None:
        return name
    by_decl = {id(i.decl): i for i in ctx.funcs.values()}
    base_funcs = {d.name: by_decl[id(d)] for d in home.decls
                  if isinstance(d, D.Function) and id(d) in by_decl}
    ren: dict[str, str] = {}
    for mod in reversed(chain[:-1]):      # nearest to `via` last, so it wins
        for d in mod.decls:
            b = base_funcs.get(getattr(d, "name", ""))
            if isinstance(d, D.Function) and b is not None and id(d) in by_decl \
                    and _same_shape(b, by_decl[id(d)]):
                ren[b.name] = by_decl[id(d)].name
    if not ren:
        return name
    copy_name = f"{name}#in#{via.name}"
    if any(isinstance(x, I.ProcedureDecl) and x.name == copy_name for x in ctx.decls):
        return copy_name
    proc = next((x for x in ctx.decls if isinstance(x, I.ProcedureDecl) and x.name == name),
                None)
    if proc is None or proc.body is not None:
        return name
    ctx.decls.append(dataclasses.replace(
        proc, name=copy_name,
        requires=tuple(rename_functions(r, ren) for r in proc.requires),
        ensures=tuple(rename_functions(e, ren) for e in proc.ensures)))
    return copy_name
