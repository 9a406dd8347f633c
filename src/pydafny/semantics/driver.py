"""The resolution driver: builds module and member tables, resolves signatures, then
resolves every body; catches any internal failure and reports it as an error.

Phases (each over all modules, outermost first):
1. collect: one `ModuleInfo` per module, a `MemberTable` per type declaration; members get
   their `owner`;
2. imports and refinement: import targets, `import opened`, `refines` bases;
3. signatures: types of fields, formals, results, constructor formals, newtype/subset
   bases, synonyms, `extends` clauses (so that trait members are inherited);
4. constant initializers (`const c := e`, which may give the constant its type);
5. bodies: specifications and bodies of every member, subset/newtype constraints and
   witnesses, then the ghost/compiled checks (`ghost.check_program`).
"""

from __future__ import annotations

import traceback
from typing import Any

from ..diagnostics import Reporter
from ..syntax import ast
from ..syntax.source import Span
from . import builtins as B
from .scopes import AMBIGUOUS, MEMBER_DECLS, TYPE_DECLS, MemberTable, ModuleInfo
from .stmts import StmtResolver


def run_resolution(program: ast.Program, reporter: Reporter) -> bool:
    r = Resolver(reporter)
    try:
        r.run(program)
    except RecursionError:
        r.error(r.last_span, "internal error: program nested too deeply to resolve")
    except Exception as e:  # noqa: BLE001 - never a traceback for a user
        if __debug__ and _debug_enabled():
            traceback.print_exc()
        r.error(r.last_span, f"internal error in resolver: {type(e).__name__}: {e}")
    return r.errors == 0


def _debug_enabled() -> bool:
    import os
    return bool(os.environ.get("PYDAFNY_DEBUG"))


class Resolver(StmtResolver):
    def __init__(self, reporter: Reporter) -> None:
        super().__init__(reporter)
        self.import_home: dict[int, ModuleInfo] = {}
        self._import_busy: set[int] = set()
        self.all_modules: list[ModuleInfo] = []

    # ------------------------------------------------------------------ phase 1
    def run(self, program: ast.Program) -> None:
        from . import autocontracts
        autocontracts.declare_members(program.module)
        self.root = self.collect_module(program.module, None)
        for m in self.all_modules:
            self.link_module(m)
        for m in self.all_modules:
            self.signatures(m)
        # {:autocontracts} specifications need resolved field types, and are resolved
        # with the bodies
        autocontracts.add_contracts(program.module)
        for m in self.all_modules:
            self.const_inits(m)
        for m in self.all_modules:
            self.bodies(m)
        if self.errors == 0:
            from .ghost import check_program
            check_program(self, program)
        if self.errors == 0:
            from .const_cycles import find_const_cycles
            for span, message in find_const_cycles(program):
                self.error(span, message)

    def collect_module(self, mdecl: ast.ModuleDecl, parent: ModuleInfo | None) -> ModuleInfo:
        info = ModuleInfo(mdecl, parent)
        self.modules[id(mdecl)] = info
        self.all_modules.append(info)
        for d in mdecl.decls:
            if isinstance(d, ast.ModuleDecl):
                parts = d.name.split(".")
                host = info
                for part in parts[:-1]:
                    # `module A.B { }` declares B inside A (A is created if needed)
                    nxt = host.modules.get(part)
                    if not isinstance(nxt, ModuleInfo):
                        shell = ast.ModuleDecl(part, [], span=d.span)
                        nxt = ModuleInfo(shell, host)
                        self.modules[id(shell)] = nxt
                        host.modules[part] = nxt
                    host = nxt
                sub = self.collect_module(d, host)
                # (an earlier `import opened M` of this sibling M does not shadow it)
                host.modules[parts[-1]] = sub
            elif isinstance(d, ast.ImportDecl):
                name = d.name or (d.target[-1] if d.target else "")
                if not (isinstance(info.modules.get(name), ModuleInfo)
                        and d.target == [name]):
                    info.modules[name] = d   # (else the sibling module it imports stays)
                self.import_home[id(d)] = info
            elif isinstance(d, TYPE_DECLS):
                if d.name in info.types:
                    self.error(d.span, f"Duplicate name of top-level declaration: {d.name}")
                info.types[d.name] = d
                self.collect_type(d, info)
            elif isinstance(d, MEMBER_DECLS):
                if d.name in info.members:
                    self.error(d.span, f"Duplicate member name: {d.name}")
                info.members[d.name] = d
                d.owner = mdecl
        return info

    def collect_type(self, d: ast.Decl, info: ModuleInfo) -> None:
        tab = MemberTable(d)
        self.tables[id(d)] = tab
        for m in getattr(d, "members", []) or []:
            if isinstance(m, MEMBER_DECLS):
                if m.name in tab.members:
                    self.error(m.span, f"Duplicate member name: {m.name}")
                tab.members[m.name] = m
                m.owner = d
        if isinstance(d, ast.IteratorDecl):
            self.iterator_members(d, tab)
        if isinstance(d, ast.DatatypeDecl):
            for c in d.ctors:
                c.owner = d
                tab.ctors[c.name] = c
                prev = info.ctors.get(c.name)
                info.ctors[c.name] = c if prev is None else AMBIGUOUS
                for f in c.formals:
                    if f.name and not f.name.startswith("#"):
                        tab.destructors.setdefault(f.name, f)

    def iterator_members(self, d: ast.IteratorDecl, tab: MemberTable) -> None:
        """The implicit members of an iterator object: a const field per in-parameter, a
        field per yield-parameter with its ghost history `xs`, the ghost frame fields
        `_new`, `_reads`, `_modifies`, `Valid()` and `MoveNext()`. (The types of the
        parameter fields are the formals' type objects, resolved in phase 3.)"""
        def add(m: ast.Decl) -> None:
            m.owner = d  # type: ignore[attr-defined]
            tab.members.setdefault(m.name, m)  # type: ignore[attr-defined]
        objs = ast.SetType(ast.ObjectType(nullable=True))
        for f in d.ins:
            add(_FormalField(f, is_const=True))
        for f in d.outs:
            add(_FormalField(f, is_const=False))
            add(_FormalField(f, is_const=False, history=True))
        for name in ("_new", "_reads", "_modifies"):
            add(ast.Field(name, objs, is_ghost=True, span=d.span))
        add(ast.Function("predicate", "Valid", [], [], ast.BoolType(), is_ghost=True,
                         span=d.span))
        add(ast.Method("method", "MoveNext", [], [],
                       [ast.Formal("more", ast.BoolType(), span=d.span)], span=d.span))

    # ------------------------------------------------------------------ phase 2
    def link_module(self, m: ModuleInfo) -> None:
        self.cur_module = m
        if m.decl.refines:
            base = self.resolve_module_path(m.decl.refines, m.decl.span, report=True,
                                            start=m.parent)
            if base is not None and base is not m:
                m.refines = base
                for name, d in m.types.items():
                    bd = base.own(name)
                    if isinstance(bd, ast.Decl) and id(bd) in self.tables and id(d) in self.tables:
                        self.tables[id(d)].parents.append(self.tables[id(bd)])
                        self.refined_decls.add(id(bd))
                        for tp in list(getattr(bd, "type_params", [])) + list(
                                getattr(d, "type_params", [])):
                            self.refined_tps.add(id(tp))
        for d in m.decl.decls:
            if isinstance(d, ast.ImportDecl):
                target = self.resolve_import(d)
                if target is not None and d.opened:
                    m.opened.append(target)

    def resolve_import(self, imp: ast.ImportDecl) -> ModuleInfo | None:
        if imp.decl is not None:
            return self.modules.get(id(imp.decl))
        if id(imp) in self._import_busy:
            return None
        home = self.import_home.get(id(imp))
        self._import_busy.add(id(imp))
        try:
            if not imp.target:
                return None
            first = imp.target[0]
            found: ModuleInfo | None = None
            m = home
            k = 0
            while m is not None and k < 30 and found is None:
                cand = m.modules.get(first)
                if cand is not None and cand is not imp:
                    found = self.module_of(cand)
                m = m.parent
                k += 1
            if found is None:
                self.error(imp.span, f"module {first} does not exist")
                return None
            for part in imp.target[1:]:
                nxt = found.modules.get(part) if found else None
                found = self.module_of(nxt) if nxt is not None else None
                if found is None:
                    self.error(imp.span, f"module {'.'.join(imp.target)} does not exist")
                    return None
            imp.decl = found.decl
            return found
        finally:
            self._import_busy.discard(id(imp))

    def resolve_module_path(self, path: list[str], span: Span, report: bool = True,
                            start: ModuleInfo | None = None) -> ModuleInfo | None:
        if not path:
            return None
        first: ModuleInfo | None = None
        m = start if start is not None else self.cur_module
        k = 0
        while m is not None and k < 30 and first is None:
            cand = m.modules.get(path[0])
            if cand is not None:
                first = self.module_of(cand)
            if first is None and m.refines is not None:
                cand = m.refines.modules.get(path[0])
                if cand is not None:
                    first = self.module_of(cand)
            m = m.parent
            k += 1
        cur = first
        for part in path[1:]:
            if cur is None:
                break
            nxt = cur.modules.get(part)
            cur = self.module_of(nxt) if nxt is not None else None
        if cur is None and report:
            self.error(span, f"module {'.'.join(path)} does not exist")
        return cur

    # ------------------------------------------------------------------ phase 3
    def enter_type(self, d: ast.Decl | None) -> None:
        self.cur_type = d
        self.type_scopes = []
        if d is not None:
            tps = getattr(d, "type_params", []) or []
            self.type_scopes.append({tp.name: tp for tp in tps})

    def push_type_params(self, tps: list[ast.TypeParam]) -> None:
        self.type_scopes.append({tp.name: tp for tp in tps})

    def signatures(self, m: ModuleInfo) -> None:
        self.cur_module = m
        for d in m.decl.decls:
            self.last_span = d.span
            if isinstance(d, MEMBER_DECLS):
                self.enter_type(None)
                self.member_signature(d)
            elif isinstance(d, TYPE_DECLS):
                self.enter_type(d)
                self.type_signature(d)
        self.enter_type(None)

    def type_signature(self, d: ast.Decl) -> None:
        if isinstance(d, (ast.ClassDecl, ast.DatatypeDecl)):
            tab = self.tables[id(d)]
            for p in d.extends:
                pt = self.resolve_type(p)
                pd = getattr(pt, "decl", None)
                if pd is not None and id(pd) in self.tables:
                    tab.parents.append(self.tables[id(pd)])
        if isinstance(d, ast.DatatypeDecl):
            self.prefix_extend = list(d.type_params)
            for c in d.ctors:
                for f in c.formals:
                    f.type = self.resolve_type(f.type)
            self.prefix_extend = None
        elif isinstance(d, (ast.NewtypeDecl, ast.SubsetTypeDecl)):
            d.base = self.resolve_type(d.base)
        elif isinstance(d, ast.TypeSynonymDecl):
            if d.rhs is not None:
                d.rhs = self.resolve_type(d.rhs)
        elif isinstance(d, ast.IteratorDecl):
            self.push_type_params(d.type_params)
            for f in d.ins + d.outs:
                f.type = self.resolve_type(f.type)
            self.type_scopes.pop()
        for mem in getattr(d, "members", []) or []:
            if isinstance(mem, MEMBER_DECLS):
                self.member_signature(mem)

    def member_signature(self, d: ast.Decl) -> None:
        if isinstance(d, ast.Field):
            if not isinstance(d.type, ast.InferredType):
                if self.cur_type is not None:
                    self.prefix_extend = list(getattr(self.cur_type, "type_params", []))
                d.type = self.resolve_type(d.type)
                self.prefix_extend = None
        elif isinstance(d, ast.Method):
            self.push_type_params(d.type_params)
            self.prefix_extend = d.type_params
            self.prefix_extend_own = True
            for f in d.ins + d.outs:
                f.type = self.resolve_type(f.type)
            self.prefix_extend = None
            self.prefix_extend_own = False
            self.type_scopes.pop()
        elif isinstance(d, ast.Function):
            self.push_type_params(d.type_params)
            self.prefix_extend = d.type_params
            self.prefix_extend_own = True
            for f in d.formals:
                f.type = self.resolve_type(f.type)
            d.result_type = self.resolve_type(d.result_type)
            if d.result is not None:
                d.result.type = d.result_type
            self.prefix_extend = None
            self.prefix_extend_own = False
            self.type_scopes.pop()

    # ------------------------------------------------------------------ phase 4
    def const_inits(self, m: ModuleInfo) -> None:
        self.cur_module = m
        for d in m.decl.decls:
            if isinstance(d, ast.Field):
                self.enter_type(None)
                self.const_init(d, None)
            elif isinstance(d, TYPE_DECLS):
                for mem in getattr(d, "members", []) or []:
                    if isinstance(mem, ast.Field):
                        self.enter_type(d)
                        self.const_init(mem, d)
        self.enter_type(None)

    def const_init(self, f: ast.Field, owner: ast.Decl | None) -> None:
        self.last_span = f.span
        self.cur_member = f
        self.is_static = f.is_static or owner is None
        if f.init is None:
            if isinstance(f.type, ast.InferredType):
                f.type = ast.IntType()
            return
        want = None if isinstance(f.type, ast.InferredType) else f.type
        t = self.expr(f.init, want)
        if want is not None:
            self.check_assignable(want, t, f.init.span,
                                  "type for constant '" + f.name + "' is '{dst}', but its "
                                  "initialization value type is '{src}'")
        self.finish_member()
        if isinstance(f.type, ast.InferredType):
            f.type.resolved = self.finalize(f.init.type)
            f.type = f.type.resolved or ast.IntType()

    # ------------------------------------------------------------------ phase 5
    def bodies(self, m: ModuleInfo) -> None:
        self.cur_module = m
        for d in m.decl.decls:
            if isinstance(d, (ast.Method, ast.Function)):
                self.enter_type(None)
                self.member_body(d, static=True)
            elif isinstance(d, TYPE_DECLS):
                self.enter_type(d)
                self.type_body(d)
        self.enter_type(None)

    def type_body(self, d: ast.Decl) -> None:
        self.last_span = d.span
        self.cur_member = d
        if isinstance(d, (ast.SubsetTypeDecl, ast.NewtypeDecl)):
            self.is_static = True
            if d.var is not None:
                self.locals.push()
                bv = ast.BoundVar(d.var, d.base, span=d.span)
                d.var_decl = bv
                self.locals.declare(d.var, bv)
                if d.constraint is not None:
                    self.expect_bool(d.constraint)
                if d.witness is not None:
                    t = self.expr(d.witness, d.base)
                    self.check_assignable(d.base, t, d.witness.span,
                                          "witness expression (of type {src}) is not "
                                          "assignable to {dst}")
                self.locals.pop()
            elif d.witness is not None:
                self.expr(d.witness, d.base)
            self.finish_member()
        if isinstance(d, ast.DatatypeDecl):
            self.ctor_defaults(d)
        for mem in getattr(d, "members", []) or []:
            if isinstance(mem, (ast.Method, ast.Function)):
                self.member_body(mem, static=mem.is_static)
        if isinstance(d, ast.IteratorDecl):
            self.resolve_iterator(d)

    def ctor_defaults(self, d: ast.DatatypeDecl) -> None:
        """Default values of constructor parameters (`Blue(x: int, y: int := x - 1)`):
        each sees the constructor's parameters (its NameExprs get the Formal as decl)."""
        for c in d.ctors:
            if not any(f.default is not None for f in c.formals):
                continue
            self.cur_member = None
            self.is_static = True
            self.locals = type(self.locals)()
            for f in c.formals:
                if f.name and not f.name.startswith("#"):
                    self.declare_var(f.name, f, f.span, dup_check=False)
            self.defaults(c.formals)
            self.finish_member()

    def member_body(self, d: ast.Method | ast.Function, static: bool) -> None:
        self.last_span = d.span
        self.cur_member = d
        self.is_static = static or self.cur_type is None
        self.push_type_params(d.type_params)
        self.locals = type(self.locals)()
        self.loop_depth = 0
        self.labels = ()
        try:
            if isinstance(d, ast.Method):
                self.resolve_method(d)
            else:
                self.resolve_function(d)
        finally:
            self.type_scopes.pop()
            self.finish_member()

    def refined(self, d: ast.Decl) -> ast.Decl | None:
        """The declaration that `d` refines (same name in the refined module/type)."""
        m = self.cur_module
        if m is None or m.refines is None:
            return None
        name = getattr(d, "name", None)
        if self.cur_type is not None:
            tab = self.tables.get(id(self.cur_type))
            for p in tab.parents if tab else []:
                bd = p.members.get(name or "")
                if bd is not None and bd is not d:
                    return bd
            return None
        bd = m.refines.own(name or "")
        return bd if isinstance(bd, ast.Decl) and bd is not d else None

    def resolve_function(self, f: ast.Function) -> None:
        self.declare_k(f)
        base = self.refined(f) if not f.formals else None
        if isinstance(base, ast.Function):
            for x in base.formals:
                self.declare_var(x.name, x, x.span)
            if f.result is None and base.result is not None:
                f.result = base.result
        for x in f.formals:
            self.declare_var(x.name, x, x.span)
        self.defaults(f.formals)
        for r in f.requires:
            self.spec(r)
        for fr in f.reads:
            self.frame(fr, "reads")
        if f.decreases is not None:
            self.decreases(f.decreases)
        if f.body is not None:
            t = self.expr(f.body, f.result_type)
            self.check_assignable(f.result_type, t, f.body.span,
                                  "Function body type mismatch (expected {dst}, got {src})")
        self.locals.push()
        if f.result is not None:
            self.declare_var(f.result.name, f.result, f.result.span)
        for e in f.ensures:
            self.spec(e)
        self.locals.pop()
        if f.by_method is not None:
            self.locals.push()
            self.in_by_method = True
            if f.result is not None:
                self.declare_var(f.result.name, f.result, f.result.span)
            self.block(f.by_method)
            self.in_by_method = False
            self.locals.pop()

    def defaults(self, formals: list[ast.Formal]) -> None:
        """Default values of parameters (`x: int := 3`), checked against their types."""
        for x in formals:
            if x.default is not None:
                t = self.expr(x.default, x.type)
                self.check_assignable(x.type, t, x.default.span,
                                      "default value (of type {src}) is not assignable to "
                                      "the parameter's type {dst}")

    def declare_k(self, d: ast.Decl) -> None:
        """Least/greatest lemmas and predicates see the implicit ORDINAL `_k`."""
        kind = getattr(d, "kind", "") + getattr(d, "extreme", "")
        if "least" in kind or "greatest" in kind:
            kt: ast.Type = (ast.UserType(["nat"], [], decl=B.NAT, span=d.span)
                            if getattr(d, "k_type", "") == "nat" else ast.OrdinalType())
            k = ast.Formal("_k", kt, is_ghost=True, span=d.span)
            self.declare_var("_k", k, d.span, dup_check=False)

    def resolve_method(self, m: ast.Method) -> None:
        self.declare_k(m)
        self.cur_refined = self.refined(m)
        base = self.cur_refined if not m.ins and not m.outs else None
        if isinstance(base, ast.Method):
            # a refining `method M...` keeps the signature of the method it refines
            self.type_scopes[-1].update({tp.name: tp for tp in base.type_params})
            m.ins, m.outs = list(base.ins), list(base.outs)
        for x in m.ins:
            self.declare_var(x.name, x, x.span)
        self.defaults(m.ins)
        for r in m.requires:
            self.spec(r)
        for fr in m.modifies:
            self.frame(fr, "modifies")
        for fr in m.reads:
            self.frame(fr, "reads")
        if m.decreases is not None:
            self.decreases(m.decreases)
        self.locals.push()
        for x in m.outs:
            self.declare_var(x.name, x, x.span)
        for e in m.ensures:
            self.spec(e)
        if m.body is not None:
            self.locals.push()
            self.block_stmts(m.body.stmts)
            self.locals.pop()
        self.locals.pop()
        if isinstance(base, ast.Method):
            self.inherit_spec(m, base)

    def inherit_spec(self, m: ast.Method, base: ast.Method) -> None:
        """A refining `method M...` has the refined method's specification (Dafny's
        refinement): its requires, modifies and reads as they are (adding to them is an
        error, as in Dafny), its ensures followed by the refining ones, and its decreases
        unless it gives one. The clauses are shared, already resolved (same formals)."""
        if m.requires:
            self.error(m.requires[0].expr.span,
                       "a refining method is not allowed to add preconditions")
        if m.modifies:
            self.error(m.modifies[0].span,
                       "a refining method is not allowed to extend the modifies clause")
        m.requires = list(base.requires)
        m.modifies = list(base.modifies)
        m.reads = list(base.reads) + list(m.reads)
        m.ensures = list(base.ensures) + list(m.ensures)
        if m.decreases is None:
            m.decreases = base.decreases

    def resolve_iterator(self, d: ast.IteratorDecl) -> None:
        self.cur_member = d
        self.is_static = True
        self.push_type_params(d.type_params)
        self.locals = type(self.locals)()
        try:
            for x in d.ins:
                self.declare_var(x.name, x, x.span)
            for x in d.outs:
                self.declare_var(x.name, x, x.span)
                # the implicit ghost field `xs` holding the values yielded so far
                hist = ast.Formal(x.name + "s", ast.SeqType(x.type), is_ghost=True,
                                  span=x.span)
                self.declare_var(hist.name, hist, x.span, dup_check=False)
            for s in d.requires + d.yield_requires + d.yield_ensures + d.ensures:
                self.spec(s)
            for fr in d.reads:
                self.frame(fr, "reads")
            for fr in d.modifies:
                self.frame(fr, "modifies")
            if d.body is not None:
                self.block(d.body)
        finally:
            self.type_scopes.pop()
            self.finish_member()


class _FormalField(ast.Field):
    """An iterator's implicit field for a parameter; its type follows the formal's."""
    __slots__ = ("formal", "history")

    def __init__(self, f: ast.Formal, is_const: bool, history: bool = False) -> None:
        super().__init__(f.name + ("s" if history else ""), f.type, is_const=is_const,
                         is_ghost=history or f.is_ghost, span=f.span)
        self.formal = f
        self.history = history

    def __getattribute__(self, name: str) -> Any:
        if name == "type":
            f = object.__getattribute__(self, "formal")
            if object.__getattribute__(self, "history"):
                return ast.SeqType(f.type)
            return f.type
        return object.__getattribute__(self, name)


__all__ = ["Resolver", "run_resolution"]
