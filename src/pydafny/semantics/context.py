"""Shared state of one resolution run, and type resolution and unification.

`ResolverBase` holds the module and member tables built by `driver`, the current context
(module, enclosing type, member, static-ness, type parameters in scope, locals), and
provides:
* `resolve_type(t)`: set `UserType.decl` throughout a syntactic type and return the
  semantic type (a `UserType` with omitted type arguments gets fresh inference variables);
* `unify(a, b)`: first-order unification modulo subset types (`nat` ~ `int`), with
  subtyping between classes and the traits they extend (and `object`) accepted leniently;
  inference variables of literals only take types of their kind (int literals: int-based,
  bitvector or ORDINAL types; real literals: real-based types); an unbound variable
  unified with a subset type becomes that subset type (as Dafny infers `var x := n`);
* `unify_weak(a, b)`: the same for operands that are compared or combined, where an
  unbound variable takes the other side's type without subset types;
* `fresh(default)`: a new inference variable; `finalize(t)`: the type with every inference
  variable replaced, unconstrained ones getting their default (int when none).
"""

from __future__ import annotations

from typing import Any

from ..diagnostics import Reporter
from ..syntax import ast
from ..syntax.source import NO_SPAN, Span
from . import builtins as B
from .scopes import LocalScope, MemberTable, ModuleInfo
from .types import TypeVar, prune, strip_subset, subst_map, substitute, type_to_str

Type = ast.Type


class ResolverBase:
    def __init__(self, reporter: Reporter) -> None:
        self.reporter = reporter
        self.errors = 0
        self.modules: dict[int, ModuleInfo] = {}
        self.tables: dict[int, MemberTable] = {}
        self.root: ModuleInfo | None = None
        self.cur_module: ModuleInfo | None = None
        self.cur_type: ast.Decl | None = None
        self.cur_member: ast.Decl | None = None
        self.is_static = False
        self.type_scopes: list[dict[str, ast.TypeParam]] = []
        self.locals = LocalScope()
        self.pending_vars: list[Any] = []   # nodes whose .type must be finalized
        self.pending_exprs: list[ast.Expr] = []
        self.deferred: list[tuple[Any, Type, Type]] = []   # (MemberSelect, receiver, result)
        # inference variables of `var x := e` locals (by id) -> the LocalVar
        self.inferred_locals: dict[int, ast.LocalVar] = {}
        self.declared_bounds: set[int] = set()   # BoundVars (by id) with a written type
        # literal inference variables (by id) that became a subset type only because the
        # value was *used* as one (`var i := 0; var r: nat := i;`): Dafny widens such a
        # local back to the base type on `i := i - 1` or `i := -1`
        self.soft_subsets: set[int] = set()
        self._seen_errors: set[tuple[int, int, str]] = set()
        self.allow_method_call = False   # the next expression may be a method call
        self.cur_allow = False           # ... as seen by the expression being resolved
        self.in_by_method = False
        self.last_span = Span()
        # the type-parameter list of the member whose signature is being resolved
        self.prefix_extend: list[ast.TypeParam] | None = None
        # ... and it is the member's own list (a method's or function's), so omitted
        # collection type arguments may add type parameters to it
        self.prefix_extend_own = False
        self.refined_decls: set[int] = set()   # declarations a refining module redeclares
        self.refined_tps: set[int] = set()     # type parameters of those and their refiners

    # ------------------------------------------------------------------ subclass hooks
    def expr(self, e: ast.Expr, expected: Type | None = None) -> Type:
        """Resolve an expression (implemented by `exprs.ExprResolver`)."""
        raise NotImplementedError

    def declare_var(self, name: str, decl: Any, span: Span, dup_check: bool = True) -> None:
        if name == "_" or not name:
            return
        if not self.locals.declare(name, decl) and dup_check:
            what = "parameter" if isinstance(decl, ast.Formal) else "local-variable"
            self.error(span, f"Duplicate {what} name: {name}")


    # ------------------------------------------------------------------ errors
    def error(self, span: Span, msg: str) -> None:
        key = (id(span.file), span.start, msg)
        if key in self._seen_errors:
            return
        self._seen_errors.add(key)
        self.errors += 1
        self.reporter.error(span, msg)

    # ------------------------------------------------------------------ inference vars
    def fresh(self, default: Type | None = None) -> Type:
        return TypeVar(default=default)

    def finalize(self, t: Type | None) -> Type | None:
        if t is None:
            return None
        return self._final(t, 0)

    def _final(self, t: Type, depth: int) -> Type:
        t = prune(t)
        if depth > 60:
            return t
        if isinstance(t, ast.InferredType):
            d = t.default if isinstance(t, TypeVar) else None
            if d is None:
                d = ast.IntType()
            t.resolved = d
            return self._final(d, depth + 1)
        if isinstance(t, ast.UserType):
            if not t.args:
                return t
            return ast.UserType(t.path, [self._final(a, depth + 1) for a in t.args],
                                decl=t.decl, span=t.span)
        if isinstance(t, ast.SeqType):
            return ast.SeqType(self._final(t.elem, depth + 1))
        if isinstance(t, ast.SetType):
            return ast.SetType(self._final(t.elem, depth + 1), t.finite)
        if isinstance(t, ast.MultisetType):
            return ast.MultisetType(self._final(t.elem, depth + 1))
        if isinstance(t, ast.MapType):
            return ast.MapType(self._final(t.key, depth + 1),
                               self._final(t.value, depth + 1), t.finite)
        if isinstance(t, ast.TupleType):
            return ast.TupleType([self._final(a, depth + 1) for a in t.elems], t.ghost)
        if isinstance(t, ast.ArrowType):
            return ast.ArrowType([self._final(a, depth + 1) for a in t.args],
                                 self._final(t.result, depth + 1), t.arrow)
        return t

    def finish_member(self) -> None:
        """Finalize the types of every expression and variable of the current member."""
        for _ in range(4):   # member selections whose receiver type came later
            todo, self.deferred = self.deferred, []
            progress = False
            for e, recv, result in todo:
                if isinstance(strip_subset(recv), ast.InferredType):
                    self.deferred.append((e, recv, result))
                    continue
                progress = True
                self.unify(result, self.select_on_value(e, recv, None))
            if not self.deferred or not progress:
                break
        for e, recv, result in self.deferred:
            self.error(e.span, f"the type of the receiver of '.{e.name}' is not determined; "
                               f"add a type annotation")
        self.deferred = []
        for e in self.pending_exprs:
            if e.type is not None:
                e.type = self._final(e.type, 0)
        for e in self.pending_exprs:
            if isinstance(e, ast.BinaryExpr) and (e.resolved_op or "").endswith(":?"):
                # the operand types were still unknown when the operator was resolved
                from .types import family
                side = e.right if e.op in ("in", "!in") else e.left
                fam = family(side.type) if side.type is not None else "?"
                e.resolved_op = f"{e.op}:{fam}"
        for v in self.pending_vars:
            t = getattr(v, "type", None)
            if t is not None:
                orig = t
                v.type = self._final(t, 0)
                if isinstance(orig, ast.InferredType) and not isinstance(orig, TypeVar):
                    orig.resolved = v.type
        self.pending_exprs = []
        self.pending_vars = []
        self.inferred_locals = {}

    # ------------------------------------------------------------------ unification
    def occurs(self, v: ast.InferredType, t: Type, depth: int = 0) -> bool:
        t = prune(t)
        if t is v:
            return True
        if depth > 40:
            return True
        if isinstance(t, ast.UserType):
            return any(self.occurs(v, a, depth + 1) for a in t.args)
        if isinstance(t, (ast.SeqType, ast.MultisetType, ast.SetType)):
            return self.occurs(v, t.elem, depth + 1)
        if isinstance(t, ast.MapType):
            return self.occurs(v, t.key, depth + 1) or self.occurs(v, t.value, depth + 1)
        if isinstance(t, ast.TupleType):
            return any(self.occurs(v, a, depth + 1) for a in t.elems)
        if isinstance(t, ast.ArrowType):
            return (any(self.occurs(v, a, depth + 1) for a in t.args)
                    or self.occurs(v, t.result, depth + 1))
        return False

    def unify(self, a: Type, b: Type, depth: int = 0) -> bool:
        """Make a and b the same type (modulo subset types); False if they clash."""
        a = prune(a)
        b = prune(b)
        if a is b or depth > 50:
            return True
        if isinstance(b, ast.InferredType) and not isinstance(a, ast.InferredType):
            a, b = b, a
        if isinstance(a, ast.InferredType):
            da = a.default if isinstance(a, TypeVar) else None
            if isinstance(b, ast.InferredType):
                db = b.default if isinstance(b, TypeVar) else None
                if da is not None and db is None:
                    b.resolved = a
                    return True
                if da is not None and db is not None and type(da) is not type(db):
                    return False
                a.resolved = b
                return True
            if self.occurs(a, b):
                return True
            if da is not None and not self.default_compatible(da, b):
                return False
            a.resolved = b
            return True
        a = strip_subset(a)
        b = strip_subset(b)
        if isinstance(a, ast.InferredType) or isinstance(b, ast.InferredType):
            return self.unify(a, b, depth + 1)
        if isinstance(a, ast.UserType) and isinstance(b, ast.UserType):
            if a.decl is b.decl:
                if a.decl is None:
                    return True
                for x, y in zip(a.args, b.args):
                    self.unify(x, y, depth + 1)
                return True
            return self.related_classes(a, b)
        if isinstance(a, ast.UserType) or isinstance(b, ast.UserType):
            u = a if isinstance(a, ast.UserType) else b
            o = b if u is a else a
            assert isinstance(u, ast.UserType)
            if isinstance(o, ast.ObjectType):
                return isinstance(u.decl, (ast.ClassDecl, ast.TypeParam)) or u.decl is None
            if u.decl is None:
                return True
            # an opaque type given a definition by a refining module
            return id(u.decl) in self.refined_decls
        if type(a) is not type(b):
            return False
        if isinstance(a, (ast.SeqType, ast.MultisetType)):
            return self.unify(a.elem, b.elem, depth + 1)  # type: ignore[attr-defined]
        if isinstance(a, ast.SetType):
            assert isinstance(b, ast.SetType)
            return a.finite == b.finite and self.unify(a.elem, b.elem, depth + 1)
        if isinstance(a, ast.MapType):
            assert isinstance(b, ast.MapType)
            ok1 = self.unify(a.key, b.key, depth + 1)
            ok2 = self.unify(a.value, b.value, depth + 1)
            return a.finite == b.finite and ok1 and ok2
        if isinstance(a, ast.TupleType):
            assert isinstance(b, ast.TupleType)
            if len(a.elems) != len(b.elems):
                return False
            # a list, not a generator: every component is unified even after a clash
            return all([self.unify(x, y, depth + 1) for x, y in zip(a.elems, b.elems)])  # noqa: C419
        if isinstance(a, ast.ArrowType):
            assert isinstance(b, ast.ArrowType)
            if len(a.args) != len(b.args):
                return False
            ok = all([self.unify(x, y, depth + 1) for x, y in zip(a.args, b.args)])  # noqa: C419
            return self.unify(a.result, b.result, depth + 1) and ok
        if isinstance(a, ast.BitvectorType):
            assert isinstance(b, ast.BitvectorType)
            return a.width == b.width
        return True

    def is_subset_type(self, t: Type) -> bool:
        from .types import normalize
        n = normalize(prune(t))
        return isinstance(n, ast.UserType) and isinstance(n.decl, ast.SubsetTypeDecl)

    def softly_narrowed(self, t: Type) -> bool:
        """Is t (an inferred local's own variable) a subset type only through a use of the
        local as one (recorded by `check_assignable`)?"""
        return id(t) in self.soft_subsets

    def unify_weak(self, a: Type, b: Type) -> bool:
        """Unify two types that are compared or combined, not assigned: an unbound
        inference variable takes the other side's type *without* its subset types, so
        `var i := 0; ... i < n` (n: nat) leaves i an int while `var i := n` makes it a nat."""
        from .types import strip_subsets_deep
        pa, pb = prune(a), prune(b)
        if isinstance(pa, ast.InferredType) and not isinstance(pb, ast.InferredType):
            return self.unify(pa, strip_subsets_deep(pb))
        if isinstance(pb, ast.InferredType) and not isinstance(pa, ast.InferredType):
            return self.unify(strip_subsets_deep(pa), pb)
        return self.unify(a, b)

    def default_compatible(self, default: Type, t: Type) -> bool:
        """May a literal's inference variable (default int/real/object?) become t?"""
        from .types import family
        f = family(t)
        if f in ("?", "typeparam", "opaque"):
            return True
        if isinstance(default, ast.IntType):
            return f in ("int", "bv", "ordinal")
        if isinstance(default, ast.RealType):
            return f == "real"
        if isinstance(default, ast.ObjectType):
            return f == "ref"
        return True

    def related_classes(self, a: ast.UserType, b: ast.UserType) -> bool:
        """Leniently: is one of two named types a class/trait that extends the other?"""
        da, db = a.decl, b.decl
        if da is None or db is None:
            return True
        if isinstance(da, ast.TypeParam) or isinstance(db, ast.TypeParam):
            # the same type parameter of a type declared again by a refining module
            return (isinstance(da, ast.TypeParam) and isinstance(db, ast.TypeParam)
                    and da.name == db.name and id(da) in self.refined_tps
                    and id(db) in self.refined_tps)
        return self.extends(da, db) or self.extends(db, da)

    def extends(self, sub: Any, sup: Any, depth: int = 0) -> bool:
        if sub is sup:
            return True
        if sup is B.OBJECT:
            return isinstance(sub, ast.ClassDecl)
        if depth > 30:
            return False
        for p in getattr(sub, "extends", []) or []:
            pd = getattr(prune(p), "decl", None)
            if pd is not None and self.extends(pd, sup, depth + 1):
                return True
        tab = self.tables.get(id(sub))
        if tab is not None:
            for parent in tab.parents:
                if self.extends(parent.decl, sup, depth + 1):
                    return True
        return False

    def check_assignable(self, target: Type, source: Type, span: Span, what: str) -> bool:
        """Unify, reporting `what` (a format with {src} and {dst}) on a clash."""
        src = prune(source)
        chain: list[int] = []
        if isinstance(src, TypeVar) and isinstance(src.default, ast.IntType) and \
                self.is_subset_type(target):
            t: Type | None = source    # every variable on the way (a local's own included)
            while isinstance(t, ast.InferredType) and len(chain) < 60:
                chain.append(id(t))
                t = t.resolved
        if self.unify(target, source):
            self.soft_subsets.update(chain)
            return True
        self.error(span, what.format(src=type_to_str(source), dst=type_to_str(target)))
        return False

    # ------------------------------------------------------------------ type resolution
    def lookup_type_param(self, name: str) -> ast.TypeParam | None:
        for scope in reversed(self.type_scopes):
            tp = scope.get(name)
            if tp is not None:
                return tp
        return None

    def resolve_type(self, t: Type | None, allow_infer: bool = True) -> Type:
        """Resolve names in a syntactic type; returns the semantic type."""
        if t is None:
            return self.fresh()
        if isinstance(t, ast.InferredType):
            if t.resolved is not None:
                return prune(t)
            v = self.fresh()
            t.resolved = v
            return v
        if isinstance(t, ast.UserType):
            return self.resolve_user_type(t)
        if isinstance(t, (ast.SeqType, ast.SetType, ast.MultisetType, ast.MapType)) and \
                self.prefix_extend is not None and self.prefix_extend_own:
            t = self.complete_collection(t)
        if isinstance(t, ast.SeqType):
            e = self.resolve_type(t.elem)
            return t if e is t.elem else ast.SeqType(e, span=t.span)
        if isinstance(t, ast.SetType):
            e = self.resolve_type(t.elem)
            return t if e is t.elem else ast.SetType(e, t.finite, span=t.span)
        if isinstance(t, ast.MultisetType):
            e = self.resolve_type(t.elem)
            return t if e is t.elem else ast.MultisetType(e, span=t.span)
        if isinstance(t, ast.MapType):
            k = self.resolve_type(t.key)
            val = self.resolve_type(t.value)
            return t if (k is t.key and val is t.value) else ast.MapType(k, val, t.finite,
                                                                          span=t.span)
        if isinstance(t, ast.TupleType):
            es = [self.resolve_type(x) for x in t.elems]
            if all(x is y for x, y in zip(es, t.elems)):
                return t
            return ast.TupleType(es, t.ghost, span=t.span)
        if isinstance(t, ast.ArrowType):
            args = [self.resolve_type(x) for x in t.args]
            r = self.resolve_type(t.result)
            if r is t.result and all(x is y for x, y in zip(args, t.args)):
                return t
            return ast.ArrowType(args, r, t.arrow, span=t.span)
        return t

    def complete_collection(self, t: Type) -> Type:
        """`s: seq` / `m: map` in a method or function signature: the omitted type
        arguments are completed like a generic type's (the member's type parameters in
        order, adding `_Ti` ones as needed), so `method P(s: seq)` is generic."""
        elems = [t.key, t.value] if isinstance(t, ast.MapType) else [t.elem]  # type: ignore
        if not all(isinstance(x, ast.InferredType) and x.resolved is None for x in elems):
            return t
        args = self.prefix_args(len(elems), t.span)
        if isinstance(t, ast.MapType):
            return ast.MapType(args[0], args[1], t.finite, span=t.span)
        if isinstance(t, ast.SetType):
            return ast.SetType(args[0], t.finite, span=t.span)
        return type(t)(args[0], span=t.span)  # type: ignore[call-arg]

    def prefix_args(self, n: int, span: Span) -> list[Type]:
        """The first n type parameters of the member whose signature is resolved, adding
        `_Ti` ones as needed (Dafny's prefix-extend rule for omitted type arguments)."""
        own = self.prefix_extend
        assert own is not None
        while len(own) < n:
            tp = ast.TypeParam(f"_T{len(own)}", span=span)
            own.append(tp)
            self.type_scopes[-1][tp.name] = tp
        from .types import tp_type
        return [tp_type(tp) for tp in own[:n]]

    def resolve_user_type(self, t: ast.UserType) -> Type:
        args = [self.resolve_type(a) for a in t.args]
        decl = t.decl
        if decl is None:
            decl = self.find_type_decl(t.path, t.span)
            if decl is None:
                if t.path == ["ORDINAL"]:
                    return ast.OrdinalType(span=t.span)
                self.error(t.span, f"Type or type parameter is not declared in this scope: "
                                   f"{t.name} (did you forget to qualify a name or declare "
                                   f"a module import 'opened'?)")
                return self.fresh()
            t.decl = decl
        if decl is B.OBJECT:
            return ast.ObjectType(nullable=t.path[-1].endswith("?"), span=t.span)
        if isinstance(decl, ast.ModuleDecl):
            self.error(t.span, f"module {t.name} used as a type")
            return self.fresh()
        tps = [] if isinstance(decl, ast.TypeParam) else getattr(decl, "type_params", [])
        if len(args) != len(tps):
            if not args and self.prefix_extend is not None:
                # Dafny's "prefix-extend" rule in signatures: omitted type arguments are
                # the member's type parameters in order, adding `_Ti` ones as needed.
                args = self.prefix_args(len(tps), t.span)
            elif not args:
                args = [self.fresh() for _ in tps]
            else:
                self.error(t.span, f"Wrong number of type arguments ({len(args)} instead of "
                                   f"{len(tps)}) passed to {self.kind_name(decl)}: {t.name}")
                args = (args + [self.fresh() for _ in tps])[:len(tps)]
        if all(x is y for x, y in zip(args, t.args)) and len(args) == len(t.args):
            return t
        return ast.UserType(t.path, args, decl=decl, span=t.span)

    def kind_name(self, decl: Any) -> str:
        if isinstance(decl, ast.ClassDecl):
            return "trait" if decl.is_trait else "class"
        if isinstance(decl, ast.DatatypeDecl):
            return "datatype"
        if isinstance(decl, ast.NewtypeDecl):
            return "newtype"
        if isinstance(decl, ast.SubsetTypeDecl):
            return "subset type"
        if isinstance(decl, ast.TypeSynonymDecl):
            return "type synonym" if decl.rhs is not None else "opaque type"
        return "type"

    def find_type_decl(self, path: list[str], span: Span) -> Any:
        if len(path) == 1:
            name = path[0]
            base = name.removesuffix("?")
            tp = self.lookup_type_param(base)
            if tp is not None:
                return tp
            d = self.lookup_module_name(base, want="type")
            if d is not None:
                return d
            return B.builtin_type_decl(name, 0)
        mod = self.resolve_module_path(path[:-1], span, report=False)
        if mod is None:
            # maybe Type.Inner? not Dafny; give up
            return None
        name = path[-1]
        base = name.removesuffix("?")
        d = mod.own(base)
        if d is not None and isinstance(d, ast.Decl) and not isinstance(
                d, (ast.Field, ast.Method, ast.Function)):
            return d
        for o in mod.opened:
            d = o.own(base)
            if isinstance(d, ast.Decl):
                return d
        return None

    # ------------------------------------------------------------------ module lookups
    def module_of(self, x: Any) -> ModuleInfo | None:
        """ModuleInfo for a ModuleInfo or (pending) ImportDecl."""
        if isinstance(x, ModuleInfo):
            return x
        if isinstance(x, ast.ImportDecl):
            return self.resolve_import(x)
        if isinstance(x, ast.ModuleDecl):
            return self.modules.get(id(x))
        return None

    def resolve_import(self, imp: ast.ImportDecl) -> ModuleInfo | None:
        raise NotImplementedError

    def select_on_value(self, e: Any, recv: Type, exp: Type | None) -> Type:
        raise NotImplementedError

    def resolve_module_path(self, path: list[str], span: Span,
                            report: bool = True) -> ModuleInfo | None:
        raise NotImplementedError

    def lookup_module_name(self, name: str, want: str = "any") -> Any:
        """Look `name` up in the current module, its refinement base, its opened imports
        and (leniently) its enclosing modules. want: 'type', 'module' or 'any'."""
        m = self.cur_module
        depth = 0
        while m is not None and depth < 30:
            r = self._lookup_in(m, name, want, set())
            if r is not None:
                return r
            m = m.parent
            depth += 1
        return None

    def _lookup_in(self, m: ModuleInfo, name: str, want: str, seen: set[int]) -> Any:
        if id(m) in seen:
            return None
        seen.add(id(m))
        mm: ModuleInfo | None = m
        k = 0
        while mm is not None and k < 20:
            if want == "any":
                d = mm.members.get(name)
                if d is not None:
                    return d
                d = mm.ctors.get(name)
                if d is not None:
                    return d
            if want in ("any", "type"):
                d = mm.types.get(name)
                if d is not None:
                    return d
            if want in ("any", "module"):
                d = mm.modules.get(name)
                if d is not None:
                    return self.module_of(d)
            mm = mm.refines
            k += 1
        for o in list(m.opened):
            r = self._lookup_in(o, name, want, seen)
            if r is not None:
                return r
        return None

    def this_type(self) -> Type | None:
        d = self.cur_type
        if d is None:
            return None
        from .types import decl_type
        return decl_type(d)

    def member_type_subst(self, owner: Any, recv: Type | None) -> dict[int, Type]:
        """Type-parameter substitution for members of `owner` seen through a receiver."""
        if recv is None:
            return {}
        r = strip_subset(recv)
        tps = getattr(owner, "type_params", [])
        if isinstance(r, ast.UserType) and r.decl is owner and tps:
            return subst_map(tps, r.args)
        if (isinstance(r, ast.UserType) and tps and id(owner) in self.refined_decls
                and len(r.args) == len(tps)):
            return subst_map(tps, r.args)   # a member inherited from the refined type
        return {}

    def subst(self, t: Type, m: dict[int, Type]) -> Type:
        return substitute(t, m) if m else t


def span_of(node: Any) -> Span:
    return getattr(node, "span", NO_SPAN) or NO_SPAN
