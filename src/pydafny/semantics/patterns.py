"""Patterns of `match` cases, `var (a, b) := e` and let expressions.

`PatternResolver.pattern(p, t, ...)` checks a pattern against the type `t` of the matched
value, sets `VarPattern.ctor` / `CtorPattern.ctor`, and declares the variables the
pattern binds (BoundVars, or LocalVars in statements).
"""

from __future__ import annotations

from typing import Any

from ..syntax import ast
from ..syntax.source import Span
from .members import MemberResolver
from .types import (
    prune,
    strip_subset,
    subst_map,
    type_to_str,
)

Type = ast.Type
BOOL = ast.BoolType()
INT = ast.IntType()

LOGIC_OPS = ("<==>", "==>", "<==", "&&", "||")
CMP_OPS = ("<", "<=", ">", ">=")



class PatternResolver(MemberResolver):
    # ------------------------------------------------------------------ patterns
    def ctor_by_name(self, t: Type, name: str) -> ast.DatatypeCtor | None:
        n = strip_subset(t)
        if isinstance(n, ast.UserType) and isinstance(n.decl, ast.DatatypeDecl):
            tab = self.tables.get(id(n.decl))
            return tab.ctors.get(name) if tab else None
        return None

    def pattern(self, p: ast.Pattern, t: Type, span: Span, in_match: bool = False,
                strip_top: bool = False, make_local: bool = False,
                ghost: bool = False) -> None:
        if isinstance(p, ast.VarPattern):
            if in_match:
                c = self.ctor_by_name(t, p.name)
                if c is None and isinstance(prune(t), ast.InferredType):
                    d = self.lookup_module_name(p.name, "any")
                    if isinstance(d, ast.DatatypeCtor) and not d.formals:
                        c = d
                        dt = d.owner
                        self.unify(t, ast.UserType([dt.name], [self.fresh() for _ in
                                                               dt.type_params], decl=dt))
                if c is not None and not c.formals:
                    p.ctor = c
                    return
            vt: Type
            if p.type is not None and not isinstance(p.type, ast.InferredType):
                vt = self.resolve_type(p.type)
                if not self.unify(vt, t):
                    self.error(p.span, f"type of bound variable '{p.name}' ({type_to_str(vt)})"
                                       f" does not agree with the type of the value "
                                       f"({type_to_str(t)})")
            else:
                vt = t
                if strip_top:
                    pt = prune(t)
                    if isinstance(pt, ast.UserType) and isinstance(pt.decl, ast.SubsetTypeDecl):
                        vt = strip_subset(pt)
            v: Any
            if make_local:
                v = ast.LocalVar(p.name, vt, is_ghost=ghost or p.is_ghost, span=p.span)
            else:
                v = ast.BoundVar(p.name, vt, span=p.span)
            p.decl = v
            self.pending_vars.append(v)
            if p.name != "_":
                self.declare_var(p.name, v, p.span)
            return
        if isinstance(p, ast.CtorPattern):
            if p.name == "":
                n = strip_subset(t)
                if isinstance(n, ast.InferredType):
                    elems: list[Type] = [self.fresh() for _ in p.args]
                    self.unify(n, ast.TupleType(elems))
                    n = strip_subset(t)
                if not isinstance(n, ast.TupleType) or len(n.elems) != len(p.args):
                    self.error(p.span, f"tuple pattern with {len(p.args)} components does "
                                       f"not match type {type_to_str(t)}")
                    for a in p.args:
                        self.pattern(a, self.fresh(), span, in_match, strip_top, make_local,
                                     ghost)
                    return
                for a, et in zip(p.args, n.elems):
                    self.pattern(a, et, span, in_match or True, strip_top, make_local, ghost)
                return
            c = self.ctor_by_name(t, p.name)
            if c is None:
                d = self.lookup_module_name(p.name, "any")
                if isinstance(d, ast.DatatypeCtor):
                    c = d
                    dt = d.owner
                    if not self.unify(t, ast.UserType([dt.name], [self.fresh() for _ in
                                                                  dt.type_params], decl=dt)):
                        c = None
            if c is None:
                self.error(p.span, f"member '{p.name}' does not exist in "
                                   f"{self.type_desc(t)}")
                for a in p.args:
                    self.pattern(a, self.fresh(), span, True, strip_top, make_local, ghost)
                return
            p.ctor = c
            n = strip_subset(t)
            sub = subst_map(c.owner.type_params, n.args) if isinstance(n, ast.UserType) else {}
            if len(c.formals) != len(p.args):
                self.error(p.span, f"constructor '{c.name}' of arity {len(c.formals)} is "
                                   f"applied to {len(p.args)} argument(s)")
            for a, f in zip(p.args, c.formals):
                self.pattern(a, self.subst(f.type, sub), span, True, strip_top, make_local,
                             ghost)
            return
        if isinstance(p, ast.LitPattern):
            lt = self.expr(p.value, t)
            if not self.unify(t, lt):
                self.error(p.span, f"literal pattern of type {type_to_str(lt)} does not match "
                                   f"{type_to_str(t)}")
            return
        if isinstance(p, ast.DisjunctivePattern):
            for a in p.alternatives:
                self.locals.push()
                self.pattern(a, t, span, in_match, strip_top, make_local, ghost)
                bound = [n for n in self.locals.frames[-1] if n != "_"]
                self.locals.pop()
                if bound:
                    self.error(a.span, "Disjunctive patterns may not bind variables")
            return
