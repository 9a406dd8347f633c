"""The Dafny-to-IVL translator: a resolved program in, an IVL program and its units out.

Takes: a resolved `ast.Program` (see `semantics.resolver` for the annotations it relies on).
Guarantees: `translate(program)` returns a `Translation`:
  * `program`: the IVL program (prelude, used theory instances, heap globals, then per Dafny
    declaration its functions/axioms/procedures/implementations);
  * `units`: one per Dafny declaration that Dafny verifies (methods/lemmas with a body or a
    specification to check, functions), each naming its IVL implementations; a unit is
    verified iff all of its implementations are;
  * `errors`: one `unsupported: <what>` diagnostic per declaration the translator could not
    translate; such a declaration has no unit (so it is never counted as verified) and the
    caller must report a non-verified outcome.
Order of work: collect declarations; create heap variables (fields, array element types);
compute the call graph's strongly connected components (heights for functions, recursive
groups for termination); decide which methods may write the heap (fixed point over calls);
declare functions (with axioms), then build method and function implementations.
"""

from __future__ import annotations

import dataclasses

from dataclasses import dataclass, field
from typing import Any, Iterator

from ..diagnostics import Diagnostic
from ..ivl import ast as I
from ..semantics import builtins as B
from ..semantics import types as T
from ..syntax import ast as D
from ..syntax.source import Span
from . import prelude
from .context import FuncInfo, HeapVar, MethodInfo, ProgramCtx
from .encoding import Encoding, Names, REF
from .unsupported import Unsupported


@dataclass(slots=True)
class Unit:
    name: str
    span: Span
    impls: list[str]


@dataclass(slots=True)
class Translation:
    program: I.Program
    units: list[Unit] = field(default_factory=list)
    errors: list[Diagnostic] = field(default_factory=list)


def all_decls(m: D.ModuleDecl) -> Iterator[tuple[D.Decl, Any]]:
    for d in m.decls:
        if isinstance(d, D.ModuleDecl):
            yield from all_decls(d)
        elif isinstance(d, (D.ClassDecl, D.DatatypeDecl, D.NewtypeDecl, D.TypeSynonymDecl)):
            yield d, m
            for mem in getattr(d, "members", []):
                yield mem, d
        else:
            yield d, m


class _Calls(D.Traverser):
    def __init__(self) -> None:
        self.funcs: list[D.Function] = []
        self.methods: list[D.Method] = []
        self.writes = False

    def visit_ApplyExpr(self, e: D.ApplyExpr) -> None:
        if isinstance(e.decl, D.Function):
            self.funcs.append(e.decl)
        elif isinstance(e.decl, D.Method):
            self.methods.append(e.decl)
        self.generic_visit(e)

    def visit_NewObjectRhs(self, r: D.NewObjectRhs) -> None:
        self.writes = True
        if isinstance(r.ctor_decl, D.Method):
            self.methods.append(r.ctor_decl)
        self.generic_visit(r)

    def visit_NewArrayRhs(self, r: D.NewArrayRhs) -> None:
        self.writes = True
        self.generic_visit(r)

    def visit_AssignStmt(self, s: D.AssignStmt) -> None:
        for lhs in s.lhss:
            if isinstance(lhs, (D.MemberSelect, D.IndexExpr, D.MultiIndexExpr)):
                self.writes = True
            if isinstance(lhs, D.NameExpr) and isinstance(lhs.decl, D.Field):
                self.writes = True
        self.generic_visit(s)

    def visit_ModifyStmt(self, s: D.ModifyStmt) -> None:
        self.writes = True
        self.generic_visit(s)


class _Types(D.Traverser):
    """Collects every array type mentioned anywhere (for the array heaps)."""

    def __init__(self) -> None:
        self.types: list[D.Type] = []
        self.slices = []

    slices: list[D.Type]

    def visit_SliceExpr(self, e: D.SliceExpr) -> None:
        if e.seq.type is not None:
            self.slices.append(e.seq.type)
        self.generic_visit(e)

    def generic_visit(self, node: D.Node) -> None:
        t = getattr(node, "type", None)
        if isinstance(t, D.Type):
            self.types.append(t)
        super().generic_visit(node)


def _sccs(nodes: list[Any], edges: dict[int, list[Any]]) -> dict[int, int]:
    """Tarjan: id(node) -> SCC index; SCC indices are in reverse topological order
    (callees first)."""
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    on: set[int] = set()
    stack: list[Any] = []
    comp: dict[int, int] = {}
    counter = [0, 0]

    def visit(v: Any) -> None:
        work = [(v, iter(edges.get(id(v), [])))]
        index[id(v)] = low[id(v)] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(id(v))
        while work:
            node, it = work[-1]
            advanced = False
            for w in it:
                if id(w) not in index:
                    index[id(w)] = low[id(w)] = counter[0]
                    counter[0] += 1
                    stack.append(w)
                    on.add(id(w))
                    work.append((w, iter(edges.get(id(w), []))))
                    advanced = True
                    break
                if id(w) in on:
                    low[id(node)] = min(low[id(node)], index[id(w)])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[id(parent)] = min(low[id(parent)], low[id(node)])
            if low[id(node)] == index[id(node)]:
                while True:
                    w = stack.pop()
                    on.discard(id(w))
                    comp[id(w)] = counter[1]
                    if w is node:
                        break
                counter[1] += 1

    for n in nodes:
        if id(n) not in index:
            visit(n)
    return comp


def translate(program: D.Program) -> Translation:
    names = Names()
    ctx = ProgramCtx(names, Encoding(names))
    tr = Translation(I.Program(()))
    decls = list(all_decls(program.module))
    funcs = [d for d, _ in decls if isinstance(d, D.Function)]
    methods = [d for d, _ in decls if isinstance(d, D.Method)]

    def unsupported(e: Unsupported, what: D.Decl) -> None:
        tr.errors.append(Diagnostic(e.span if e.span.file is not None else what.span,
                                    f"unsupported: {e.what}"))

    # Traits: calls through a trait use the trait member's specification; each override is
    # checked against it (`traits`); what that cannot check is unsupported. Iterators: not
    # translated. {:autocontracts} classes were rewritten by the resolver
    # (semantics.autocontracts), except a refining module's class of the same name as one
    # (Dafny would add contracts to its new members). Their members are reported
    # unsupported (never silently skipped).
    from ..semantics.autocontracts import is_autocontracts
    auto = {d.name for d, _ in decls if isinstance(d, D.ClassDecl)
            and is_autocontracts(d.attributes)}
    why: dict[int, str] = {}
    for d, owner in decls:
        if isinstance(d, D.ClassDecl) and d is not B.OBJECT:
            if d.name in auto and not is_autocontracts(d.attributes) and \
                    isinstance(owner, D.ModuleDecl) and owner.refines:
                why[id(d)] = "refinement of {:autocontracts} classes"
        if isinstance(d, D.IteratorDecl):
            unsupported(Unsupported(d.span, "iterators"), d)
    from .traits import enable_dynamic_types, implicit_downcasts, plan_traits
    traits = plan_traits(decls)
    if traits.fn_overrides:
        enable_dynamic_types(ctx, decls, program.module)
    for sp in implicit_downcasts(program.module):
        tr.errors.append(Diagnostic(sp, "unsupported: implicit downcast of an object"))
    if why or traits.bad:
        bad: dict[int, str] = dict(traits.bad)
        for d, _ in decls:
            if isinstance(d, D.ClassDecl) and id(d) in why:
                for m in d.members:
                    bad[id(m)] = why[id(d)]
        for d, _ in decls:
            if id(d) in bad and isinstance(d, (D.Function, D.Method)):
                unsupported(Unsupported(d.span, bad[id(d)]), d)
        decls = [(d, o) for d, o in decls if id(d) not in bad]
        funcs = [d for d, _ in decls if isinstance(d, D.Function)]
        methods = [d for d, _ in decls if isinstance(d, D.Method)]
    # refining methods: their bodies merged with the refined ones (`refinement_bodies`)
    from .refinement_bodies import merged_bodies
    merged = merged_bodies(program.module)
    for m in list(methods):
        r = merged.get(id(m))
        if isinstance(r, Unsupported):
            unsupported(r, m)
            methods = [g for g in methods if g is not m]
    # extreme predicates and lemmas: prefix predicates and prefix lemmas (see `extreme`)
    from .extreme import prepare
    plan = prepare(funcs, methods, ctx.cocalls)
    ctx.keep.append(plan)
    for e, d in plan.errors:
        unsupported(e, d)
    funcs = [f for f in funcs if id(f) not in plan.bad] + list(plan.prefix_fn.values())
    methods = [m for m in methods if id(m) not in plan.bad] + list(plan.prefix_lemma.values())
    # heap variables
    for d, owner in decls:
        if isinstance(d, D.Field) and isinstance(owner, D.ClassDecl) and not d.is_const \
                and not d.is_static:
            try:
                from .witnesses import reject_possibly_empty
                reject_possibly_empty(d.type, d.span, "a field")
                t = ctx.enc.ivl_type(d.type)
            except Unsupported as e:
                unsupported(e, d)
                continue
            name = names.fresh(f"$F.{owner.name}.{d.name}")
            ctx.heaps[name] = HeapVar(name, I.MapType((), (REF,), t))
            ctx.field_heap[id(d)] = name
            ctx.field_types[name] = d.type
    tv = _Types()
    tv.visit(program.module)
    from .encoding import mentions_generic_array
    ctx.unified_arrays = any(mentions_generic_array(t) for t in tv.types)
    for t in tv.types:
        try:
            _register_arrays(ctx, t, 0)
        except Unsupported:
            pass
    for t in tv.slices:
        n = T.normalize(t)
        if isinstance(n, D.UserType) and B.array_dims(n.decl) == 1 and n.args:
            try:
                ctx.array_slices.add(ctx.array_heap(ctx.enc.ivl_type(n.args[0]), 1, n.args[0]))
            except Unsupported:
                pass
    # call graphs
    fedges: dict[int, list[Any]] = {}
    medges: dict[int, list[Any]] = {}
    direct_writes: dict[int, bool] = {}
    for f in funcs:
        c = _Calls()
        c.visit(f)
        fedges[id(f)] = c.funcs
    for m in methods:
        c = _Calls()
        c.visit(m)
        if isinstance(merged.get(id(m)), D.BlockStmt):
            c.visit(merged[id(m)])  # the refined statements merged into m's body
        medges[id(m)] = c.methods
        # a class constructor allocates `this`
        from .framing import is_constructor
        direct_writes[id(m)] = c.writes or bool(m.modifies) or is_constructor(m)
        if id(m) in plan.prefix_lemma:
            # an extreme lemma's proof is its prefix lemma at every depth
            medges[id(m)] = [plan.prefix_lemma[id(m)]]
    # dynamic dispatch: a call of a trait member may run any of its overrides
    for m in methods:
        medges[id(m)] = medges[id(m)] + traits.dispatch.get(id(m), [])
    for f in funcs:
        fedges[id(f)] = fedges[id(f)] + traits.fn_dispatch.get(id(f), [])
    fcomp = _sccs(funcs, fedges)
    for f in list(funcs):
        if any(fcomp.get(id(x)) == fcomp[id(f)] for x in traits.fn_dispatch.get(id(f), [])):
            unsupported(Unsupported(f.span, "recursion through a trait function's dispatch"), f)
            funcs = [g for g in funcs if g is not f]
            traits.fn_overrides = [(x, y) for x, y in traits.fn_overrides if y is not f]
    mcomp = _sccs(methods, medges)
    for m in list(methods):
        if any(mcomp.get(id(x)) == mcomp[id(m)] for x in traits.dispatch.get(id(m), [])):
            unsupported(Unsupported(m.span, "recursion through a trait method's dispatch"), m)
            methods = [g for g in methods if g is not m]
            traits.overrides = [(x, y) for x, y in traits.overrides if y is not m]
    for mid, pl in list(plan.prefix_lemma.items()):
        if mcomp[mid] == mcomp[id(pl)]:
            m0 = next(m for m in methods if id(m) == mid)
            unsupported(Unsupported(m0.span, "an extreme lemma whose prefix lemma calls it "
                                             "back"), m0)
            methods = [m for m in methods if id(m) not in (mid, id(pl))]
            del plan.prefix_lemma[mid]
    # co-recursive calls (guarded by codatatype constructors) need no termination proof
    from .codatatypes import cocalls
    for f in funcs:
        ctx.cocalls |= cocalls(f, {id(g) for g in funcs if fcomp[id(g)] == fcomp[id(f)]})
    # heights: SCC index order is callees first
    ctx.max_height = (max(fcomp.values()) + 1) if fcomp else 0
    for f in funcs:
        rec = any(fcomp.get(id(g)) == fcomp[id(f)] for g in fedges[id(f)])
        try:
            formal_types = [ctx.enc.ivl_type(x.type) for x in f.formals]
            rt = ctx.enc.ivl_type(f.result_type)
        except Unsupported as e:
            unsupported(e, f)
            continue
        if f.is_twostate and f.extreme:
            unsupported(Unsupported(f.span, "twostate extreme predicates"), f)
            continue
        # a twostate function takes the previous heap besides the current one (see
        # `functions.signature`)
        reads_heap = f.is_twostate or bool(f.reads) and not all(
            fr.expr is not None and isinstance(fr.expr, D.SetDisplay) and not fr.expr.elems
            for fr in f.reads)
        name = names.of(f, f"{_owner_prefix(f)}{f.name}")
        ctx.funcs[id(f)] = FuncInfo(f, name, rec, fcomp[id(f)], fcomp[id(f)], reads_heap,
                                    formal_types, rt)
    writes: dict[int, bool] = dict(direct_writes)
    changed = True
    while changed:
        changed = False
        for m in methods:
            if not writes[id(m)] and any(writes.get(id(g), False) for g in medges[id(m)]):
                writes[id(m)] = True
                changed = True
    for m in methods:
        name = names.of(m, f"{_owner_prefix(m)}{m.name}")
        ctx.methods[id(m)] = MethodInfo(m, name, mcomp[id(m)] + 1_000_000, writes[id(m)],
                                        not m.is_static and isinstance(m.owner, D.ClassDecl))
    # functions: declarations and axioms
    from .functions import declare_function, function_wf_impl
    from .methods import build_method, declare_method
    bodies: list[I.Decl] = []
    for f in funcs:
        info = ctx.funcs.get(id(f))
        if info is None:
            continue
        mark = len(ctx.decls)
        try:
            declare_function(ctx, info)
        except Unsupported as e:
            del ctx.decls[mark:]
            del ctx.funcs[id(f)]
            unsupported(e, f)
    from .extreme import predicate_axioms
    predicate_axioms(ctx, plan)
    for f in funcs:
        info = ctx.funcs.get(id(f))
        if info is None:
            continue
        mark = len(ctx.decls)
        try:
            impl = function_wf_impl(ctx, info)
        except Unsupported as e:
            del ctx.decls[mark:]
            unsupported(e, f)
            continue
        impl = _with_dafny_attrs(impl, f)
        bodies.append(impl)
        tr.units.append(Unit(f.name, f.span, [impl.name]))
    # subset types and newtypes: the constraint is well formed and the type is inhabited
    from .witnesses import witness_impl
    for d, _ in decls:
        if isinstance(d, (D.SubsetTypeDecl, D.NewtypeDecl)):
            mark = len(ctx.decls)
            try:
                wimpl = witness_impl(ctx, d)
            except Unsupported as e:
                del ctx.decls[mark:]
                unsupported(e, d)
                continue
            if wimpl is not None:
                bodies.append(wimpl)
                tr.units.append(Unit(d.name, d.span, [wimpl.name]))
    declared: dict[int, Any] = {}
    for m in methods:
        info_m = ctx.methods[id(m)]
        mark = len(ctx.decls)
        try:
            declared[id(m)] = declare_method(ctx, info_m)
        except Unsupported as e:
            del ctx.decls[mark:]
            del ctx.methods[id(m)]
            unsupported(e, m)
    for m in methods:
        info_m = ctx.methods.get(id(m))
        if info_m is None or _verify_false(m):
            continue
        mark = len(ctx.decls)
        try:
            if id(m) in plan.prefix_lemma:
                from .extreme import main_impl
                impls = main_impl(ctx, info_m, declared[id(m)], plan.prefix_lemma[id(m)])
            else:
                body = merged.get(id(m))
                impls = build_method(ctx, info_m, declared[id(m)],
                                     body if isinstance(body, D.BlockStmt) else None)
        except Unsupported as e:
            del ctx.decls[mark:]
            unsupported(e, m)
            continue
        if impls:
            impls = [_with_dafny_attrs(i, m) for i in impls]
            bodies.extend(impls)
            tr.units.append(Unit(m.name, m.span, [i.name for i in impls]))
    # each override satisfies the specification of the trait member it overrides
    from .traits import function_override_check, override_check
    for k, (fx, fy) in enumerate(traits.fn_overrides):
        if id(fx) not in ctx.funcs or id(fy) not in ctx.funcs:
            if id(fy) in ctx.funcs:
                unsupported(Unsupported(fx.span, "an override whose check cannot be built"),
                            fy)
            continue
        mark = len(ctx.decls)
        try:
            checks = function_override_check(ctx, fx, fy, k)
            from .traits import link_axiom
            link = link_axiom(ctx, fx, fy)
            if link is not None:
                ctx.decls.append(link)
        except Unsupported as e:
            del ctx.decls[mark:]
            unsupported(e, fx)
            continue
        bodies.extend(checks)
        tr.units.append(Unit(fx.name, fx.span, [c.name for c in checks
                                                if isinstance(c, I.ImplementationDecl)]))
    for k, (x, y) in enumerate(traits.overrides):
        if id(x) not in ctx.methods or id(y) not in ctx.methods:
            if id(y) in ctx.methods:
                unsupported(Unsupported(x.span, "an override whose check cannot be built"), y)
            continue
        mark = len(ctx.decls)
        try:
            checks = override_check(ctx, x, y, k)
        except Unsupported as e:
            del ctx.decls[mark:]
            unsupported(e, x)
            continue
        bodies.extend(checks)
        tr.units.append(Unit(x.name, x.span, [c.name for c in checks
                                              if isinstance(c, I.ImplementationDecl)]))
    # every datatype sort in use is declared (a sort may be used only as an element type)
    from .datatypes import datatype_info
    k = 0
    while k < len(ctx.enc.datatypes):
        try:
            datatype_info(ctx, ctx.enc.datatypes[k])
        except Unsupported as e:
            unsupported(e, ctx.enc.datatypes[k])
        k += 1
    out: list[I.Decl] = list(prelude.base_decls())
    out.extend(ctx.enc.theory_decls())
    for hv in ctx.heap_list():
        out.append(I.GlobalVarDecl(hv.name, hv.type))
    out.extend(ctx.global_decls)
    out.extend(ctx.decls)
    out.extend(bodies)
    tr.program = I.Program(tuple(out))
    return tr


def _verify_false(d: Any) -> bool:
    """`{:verify false}`: Dafny does not verify the body of this method or lemma (callers
    still use its specification, which is declared); no implementation and no unit."""
    return any(a.name == "verify" and len(a.args) == 1 and isinstance(a.args[0], D.BoolLit)
               and not a.args[0].value for a in getattr(d, "attributes", []))


# Dafny attributes that are verification settings of the IVL implementations of a declaration
_PASSED_ATTRS = ("isolate_assertions", "vcs_split_on_every_assert")


def _with_dafny_attrs(impl: I.ImplementationDecl, d: Any) -> I.ImplementationDecl:
    """impl with the verification-setting attributes of Dafny declaration d."""
    extra = tuple(I.Attribute(a.name) for a in getattr(d, "attributes", [])
                  if a.name in _PASSED_ATTRS and not a.args)
    return dataclasses.replace(impl, attrs=impl.attrs + extra) if extra else impl


def _owner_prefix(d: Any) -> str:
    o = getattr(d, "owner", None)
    if isinstance(o, (D.ClassDecl, D.DatatypeDecl, D.NewtypeDecl)):
        return o.name + "."
    if isinstance(o, D.ModuleDecl) and o.name != "_default":
        return o.name + "."
    return ""


def _register_arrays(ctx: ProgramCtx, t: D.Type, depth: int) -> None:
    if depth > 5:
        return
    n = T.normalize(t)
    if isinstance(n, D.UserType):
        dims = B.array_dims(n.decl)
        if dims is not None and n.args:
            ctx.array_heap(ctx.enc.ivl_type(n.args[0]), dims, n.args[0])
        for a in n.args:
            _register_arrays(ctx, a, depth + 1)
    elif isinstance(n, (D.SeqType, D.SetType, D.MultisetType)):
        _register_arrays(ctx, n.elem, depth + 1)
