"""Traits: members called through dynamic dispatch, and the checks that make that sound.

Takes: the resolved declarations of a program (`(decl, owner)` pairs of `translator.all_decls`).
Guarantees:
  * `plan_traits(decls)` returns a `TraitPlan`: the override pairs `(class member, trait
    member)` (a member of a class or trait named like a member of one of its ancestor traits),
    the trait members each one overrides, and the members the verifier cannot handle soundly
    (`bad`: id -> what is unsupported).
    Supported: non-generic traits whose body-less methods/lemmas/functions are overridden by
    members of the same kind and signature. Unsupported (both sides): overriding a member that
    has a body, different signatures, type parameters, twostate/extreme functions, generic
    traits.
  * A call names the member its receiver's static type selects (the resolver's choice), so a
    call through a trait-typed receiver uses the trait member's procedure, i.e. its
    specification. That is sound because every override is checked against it:
    `override_check` builds, for a pair (C.M, T.M), an implementation whose specification is
    T.M's (with T.M's parameters; `this` any allocated non-null object) and whose body calls
    C.M with the same arguments. It thus proves: T.M's precondition implies C.M's (the call's
    precondition check), C.M's modifies frame is within T.M's (the call's frame check), and
    C.M's postconditions imply T.M's (the postcondition checks).
  * The call graph gets an edge from each trait method to its overrides (`dispatch`), so heap
    writes propagate to the trait member; a trait member in a recursive group with one of its
    overrides (recursion through dispatch, whose termination would need Dafny's decreases
    comparison of overrides) is reported unsupported by the translator.
  * Function overrides (`fn_overrides`): a class function overriding a body-less trait
    function of the same signature is checked by `function_override_check`; the trait
    function stays an uninterpreted function known only by its specification (and reads
    frame), with an edge to each override in the call graph (recursion through it:
    unsupported).
  The verifier models no dynamic types: an object of a trait type is any allocated object, so
  facts are never derived from an object's class (`is`/downcasting `as` stay unsupported),
  and a trait function applied to an object of a known class is not known to equal the
  class's function (incomplete, never wrong).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator, Optional

from ..ivl import ast as I
from ..semantics import builtins as B
from ..semantics import types as T
from ..syntax import ast as D
from .context import MethodInfo, ProgramCtx

_BODYLESS_KINDS = ("method", "lemma")


@dataclass(slots=True)
class TraitPlan:
    overrides: list[tuple[D.Method, D.Method]] = field(default_factory=list)
    dispatch: dict[int, list[D.Method]] = field(default_factory=dict)
    fn_overrides: list[tuple[D.Function, D.Function]] = field(default_factory=list)
    fn_dispatch: dict[int, list[D.Function]] = field(default_factory=dict)
    bad: dict[int, str] = field(default_factory=dict)


def is_trait_type_decl(d: Any) -> bool:
    return isinstance(d, D.ClassDecl) and d.is_trait and d is not B.OBJECT


def _parents(d: D.ClassDecl) -> Iterator[D.Type]:
    for t in d.extends:
        if isinstance(t, D.ObjectType):
            continue
        n = T.normalize(t)
        if isinstance(n, D.UserType) and n.decl is B.OBJECT:
            continue
        yield n


def _ancestors(d: D.ClassDecl, bad_why: list[str]) -> list[D.ClassDecl]:
    """The traits d extends, transitively (not `object`); a generic one is noted in bad_why."""
    out: list[D.ClassDecl] = []
    todo = [d]
    while todo and len(out) < 100:
        c = todo.pop()
        for t in _parents(c):
            p = getattr(t, "decl", None)
            if not is_trait_type_decl(p):
                bad_why.append("extending this type")
                continue
            if getattr(t, "args", None) or p.type_params:
                bad_why.append("generic traits")
            if p not in out:
                out.append(p)
                todo.append(p)
    return out


def _same_signature(x: D.Method, y: D.Method) -> bool:
    if x.kind != y.kind or x.kind not in _BODYLESS_KINDS or x.is_static or y.is_static:
        return False
    if x.type_params or y.type_params or x.is_ghost != y.is_ghost:
        return False
    if len(x.ins) != len(y.ins) or len(x.outs) != len(y.outs):
        return False
    for a, b in zip(list(x.ins) + list(x.outs), list(y.ins) + list(y.outs)):
        if T.type_to_str(a.type) != T.type_to_str(b.type) or a.is_ghost != b.is_ghost:
            return False
        if a.default is not None or b.default is not None:
            return False
    return True


def _same_fn_signature(x: D.Function, y: D.Function) -> bool:
    if x.kind != y.kind or x.is_static or y.is_static or x.type_params or y.type_params:
        return False
    if x.is_twostate or y.is_twostate or x.extreme or y.extreme or x.is_ghost != y.is_ghost:
        return False
    if len(x.formals) != len(y.formals):
        return False
    if T.type_to_str(x.result_type) != T.type_to_str(y.result_type):
        return False
    if any(fr.field_name is not None for fr in list(x.reads) + list(y.reads)):
        return False
    return all(T.type_to_str(a.type) == T.type_to_str(b.type) and a.default is None
               and b.default is None for a, b in zip(x.formals, y.formals))


def plan_traits(decls: list[tuple[D.Decl, Any]]) -> TraitPlan:
    plan = TraitPlan()
    classes = [d for d, _ in decls if isinstance(d, D.ClassDecl) and d is not B.OBJECT]
    for c in classes:
        why: list[str] = []
        if c.is_trait and c.type_params:
            why.append("generic traits")
        anc = _ancestors(c, why)
        if why:
            for mem in c.members:
                plan.bad[id(mem)] = why[0]
            continue
        for mem in c.members:
            if not isinstance(mem, (D.Method, D.Function, D.Field)):
                continue
            for a in anc:
                y = next((t for t in a.members if getattr(t, "name", None) == mem.name), None)
                if y is None:
                    continue
                if isinstance(mem, D.Method) and isinstance(y, D.Method) and y.body is None \
                        and _same_signature(mem, y):
                    plan.overrides.append((mem, y))
                    continue
                if isinstance(mem, D.Function) and isinstance(y, D.Function) \
                        and y.body is None and _same_fn_signature(mem, y):
                    plan.fn_overrides.append((mem, y))
                    continue
                what = ("overriding trait functions in this way"
                        if isinstance(mem, D.Function) or isinstance(y, D.Function)
                        else "overriding a trait member with a body"
                        if getattr(y, "body", None) is not None
                        else "overriding a trait member with a different signature or kind")
                plan.bad[id(mem)] = what
                plan.bad[id(y)] = what
        # a class must implement every body-less method of its traits (Dafny rejects the
        # program otherwise); without an implementation calls through the trait are unchecked
        if not c.is_trait:
            own = {getattr(mem, "name", None) for mem in c.members}
            for a in anc:
                for y in a.members:
                    if isinstance(y, (D.Method, D.Function)) and y.body is None \
                            and y.name not in own and not y.is_static:
                        plan.bad[id(y)] = f"trait member not implemented by class '{c.name}'"
    # a trait member whose override is unsupported has an unchecked specification
    for x, y in plan.overrides + plan.fn_overrides:  # type: ignore[operator]
        if id(x) in plan.bad:
            plan.bad[id(y)] = plan.bad[id(x)]
    plan.overrides = [(x, y) for x, y in plan.overrides
                      if id(x) not in plan.bad and id(y) not in plan.bad]
    plan.fn_overrides = [(x, y) for x, y in plan.fn_overrides
                         if id(x) not in plan.bad and id(y) not in plan.bad]
    plan.dispatch = {}
    for x, y in plan.overrides:
        plan.dispatch.setdefault(id(y), []).append(x)
    for fx, fy in plan.fn_overrides:
        plan.fn_dispatch.setdefault(id(fy), []).append(fx)
    return plan


def override_check(ctx: ProgramCtx, x: D.Method, y: D.Method, k: int
                   ) -> list[I.Decl]:
    """The procedure and implementation checking that class member x satisfies the
    specification of trait member y (see the module docstring); both are declared."""
    from .framing import method_env
    from .methods import declare_procedure, mod_frame
    from .stmts import StmtTranslator
    yinfo = ctx.methods[id(y)]
    entry: list[I.Stmt] = [I.Assume(I.Binary("==", I.Ident("$Height"),
                                             I.IntLit(ctx.max_height + 1)))]
    env, ins, outs = method_env(ctx, y, y.ins, y.outs, entry)
    owner = getattr(x.owner, "name", "?")
    name = ctx.names.fresh(f"Override${owner}.{x.name}")
    # its own recursive group (-1 - k): the call of x is not a recursive call
    cinfo = MethodInfo(y, name, -1 - k, yinfo.writes_heap, True)
    env.cur_method = cinfo
    mark = len(ctx.decls)
    declare_procedure(ctx, cinfo, env, ins, outs)
    proc = ctx.decls[mark:]
    del ctx.decls[mark:]

    def ref(f: D.Formal) -> D.NameExpr:
        e = D.NameExpr(f.name, span=x.span)
        e.decl = f
        e.type = f.type
        return e
    callee = D.NameExpr(x.name, span=x.span)
    callee.decl = x
    call = D.ApplyExpr(callee, [D.Binding(ref(f), span=x.span) for f in y.ins], span=x.span)
    call.kind = "method"
    call.decl = x
    call.inst = []
    st = StmtTranslator(ctx, cinfo, env, mod_frame(ctx, y, env))
    st.out = list(entry)
    st.call(call, [ref(f) for f in y.outs], receiver=env.this)
    body = list(st.out)
    body.append(I.Return(span=x.span))
    impl = I.ImplementationDecl(name, tuple(ins), tuple(outs),
                                I.Body(tuple(st.locals), (I.Block("start", tuple(body)),)),
                                span=x.span)
    return list(proc) + [impl]



def _ref_decl(t: Any) -> Any:
    """The class/trait declaration of a reference type (`object` included), else None."""
    if t is None:
        return None
    n = T.normalize(t)
    if isinstance(n, D.ObjectType):
        return B.OBJECT
    d = T.class_decl(t)
    return d if isinstance(d, D.ClassDecl) else None


def _extends(sub: Any, sup: Any) -> bool:
    """sub is sup or (transitively) extends it; every class extends `object`."""
    return sup is B.OBJECT or declared_ancestor(sub, sup)


def declared_ancestor(sub: Any, sup: Any) -> bool:
    """sub is sup or reaches it through its `extends` clauses."""
    todo = [sub]
    seen: list[object] = []
    while todo and len(seen) < 100:
        c = todo.pop()
        if c is sup:
            return True
        seen.append(c)
        for t in getattr(c, "extends", []) or []:
            n = T.normalize(t)
            if isinstance(n, D.UserType) and n.decl not in seen:
                todo.append(n.decl)
    return False


def narrows(dst: Any, src: Any, depth: int = 0) -> bool:
    """A value of type src stored at type dst needs a downcast (dst's class or trait is not
    src's or one of its ancestors), also inside type arguments of the same type shape."""
    if dst is None or src is None or depth > 6:
        return False
    a, b = _ref_decl(dst), _ref_decl(src)
    if a is not None and b is not None and not B.array_dims(a) and not B.array_dims(b):
        return not _extends(b, a)
    nd, ns = T.normalize(dst), T.normalize(src)
    if type(nd) is not type(ns):
        return False
    pairs: list[tuple[Any, Any]] = []
    if isinstance(nd, (D.SeqType, D.SetType, D.MultisetType)):
        pairs = [(nd.elem, ns.elem)]  # type: ignore[union-attr]
    elif isinstance(nd, D.MapType):
        pairs = [(nd.key, ns.key), (nd.value, ns.value)]  # type: ignore[union-attr]
    elif isinstance(nd, D.UserType) and isinstance(ns, D.UserType) and nd.decl is ns.decl:
        pairs = list(zip(nd.args, ns.args))
    return any(narrows(x, y, depth + 1) for x, y in pairs)


def implicit_downcasts(module: D.ModuleDecl) -> list[Any]:
    """Spans where the resolved program stores a value at a narrower class or trait type than
    its own (the resolver unifies related classes leniently): assignments and variable
    initializations, returns, arguments of calls, function results, collection displays.
    The verifier models no dynamic types, so each is reported unsupported."""
    found: list[Any] = []
    outs: list[list[D.Formal]] = []

    def flow(dst: Any, e: Any) -> None:
        if isinstance(e, D.Expr) and narrows(dst, e.type):
            found.append(e.span)

    class _V(D.Traverser):
        def visit_AssignStmt(self, s: D.AssignStmt) -> None:
            if len(s.lhss) == len(s.rhss):
                for lhs, r in zip(s.lhss, s.rhss):
                    if isinstance(r, D.ExprRhs):
                        flow(lhs.type, r.expr)
            self.generic_visit(s)

        def visit_ApplyExpr(self, e: D.ApplyExpr) -> None:
            d = e.decl
            formals = d.ins if isinstance(d, D.Method) else getattr(d, "formals", None)
            # (a formal of a type parameter's type never narrows: `narrows` is False there)
            if formals is not None:
                for f, b in zip(formals, e.args):
                    flow(f.type, b.expr)
            self.generic_visit(e)

        def visit_Method(self, m: D.Method) -> None:
            outs.append(m.outs)
            self.generic_visit(m)
            outs.pop()

        def visit_ReturnStmt(self, s: D.ReturnStmt) -> None:
            if s.rhss and outs and len(s.rhss) == len(outs[-1]):
                for f, r in zip(outs[-1], s.rhss):
                    if isinstance(r, D.ExprRhs):
                        flow(f.type, r.expr)
            self.generic_visit(s)

        def visit_Function(self, f: D.Function) -> None:
            if f.body is not None:
                flow(f.result_type, f.body)
            self.generic_visit(f)

        def visit_SeqDisplay(self, e: D.SeqDisplay) -> None:
            if isinstance(T.normalize(e.type), D.SeqType):
                for x in e.elems:
                    flow(T.normalize(e.type).elem, x)  # type: ignore[union-attr]
            self.generic_visit(e)

        def visit_SetDisplay(self, e: D.SetDisplay) -> None:
            if isinstance(T.normalize(e.type), D.SetType):
                for x in e.elems:
                    flow(T.normalize(e.type).elem, x)  # type: ignore[union-attr]
            self.generic_visit(e)
    _V().visit(module)
    return found


def function_override_check(ctx: ProgramCtx, x: D.Function, y: D.Function, k: int
                            ) -> list[I.Decl]:
    """The procedure and implementation checking that class function x satisfies trait
    function y's specification, for any `this` and arguments (with y's names):
    y's precondition implies x's, x's reads frame is within y's, and x's value satisfies
    y's result type and postconditions (where y applied to `this` and the same arguments
    stands for x's value: at run time, a call of y on an object of x's class is x).
    The trait function itself stays uninterpreted: only its specification is known."""
    from .encoding import REF, conj, implies
    from .exprs import ExprTranslator
    from .context import WF
    from .framing import frame_contains, method_env
    from .functions import postcondition_of
    from .obligations import Kind, Obligation
    from .unsupported import Unsupported
    xi, yi = ctx.funcs[id(x)], ctx.funcs[id(y)]
    if xi.reads_heap != yi.reads_heap \
            or xi.formal_types != yi.formal_types or xi.result_type != yi.result_type:
        raise Unsupported(x.span, "an override of a trait function with another encoding")
    stmts: list[I.Stmt] = [I.Assume(I.Binary("==", I.Ident("$Height"),
                                             I.IntLit(ctx.max_height + 1)))]
    env, ins, locals_ = method_env(ctx, y, y.formals, [], stmts, is_function=True)
    args = [env.vars[id(f)] for f in y.formals]
    xenv = env.copy()
    for fx, fy in zip(x.formals, y.formals):
        xenv.vars[id(fx)] = env.vars[id(fy)]
    ytr = ExprTranslator(ctx, env, WF(None))
    xtr = ExprTranslator(ctx, xenv, WF(None))
    for r in y.requires:
        stmts.append(I.Assume(ytr.tr(r.expr)))
    for r in x.requires:
        stmts.append(I.Assert(xtr.tr(r.expr), info=Obligation(
            Kind.OVERRIDE, x.span, "the function must provide an equal or more permissive "
            "precondition than in its parent trait", ((r.expr.span, "this precondition"),)),
            span=x.span))
    if xi.reads_heap:
        o = I.Ident("o#ov")
        inner = implies(frame_contains(ctx, xenv, list(x.reads), o),
                        frame_contains(ctx, env, list(y.reads), o))
        stmts.append(I.Assert(I.Quantifier("forall", (I.Formal("o#ov", REF),), inner),
                              info=Obligation(Kind.OVERRIDE, x.span,
                                              "the function may read only what its parent "
                                              "trait's function reads"), span=x.span))
    heap = [env.heap[hv.name] for hv in ctx.heap_list()] if xi.reads_heap else []
    this = env.this
    assert this is not None
    # any fuel layer: all layers of a recursive function denote the same function
    layer = [I.FunApp("$LS", (I.Ident("$LZ"),))] if xi.recursive else []
    xcall = I.FunApp(xi.name, tuple(layer + heap + [this] + args))
    post = postcondition_of(ctx, yi, env, this, args, xcall)
    # y applied to this object (any arguments) is x's value there
    post = _rename_on(post, yi.name, xi.name, (1 if yi.recursive else 0) + len(heap), this,
                      1 if yi.recursive else 0, layer)
    if _applies(post, yi.name):
        raise Unsupported(x.span, "a trait function specification about other objects")
    stmts.append(I.Assert(post, info=Obligation(
        Kind.OVERRIDE, x.span, "the function must provide an equal or more detailed "
        "postcondition than in its parent trait"), span=x.span))
    name = ctx.names.fresh(f"Override${getattr(x.owner, 'name', '?')}.{x.name}")
    proc = I.ProcedureDecl(name, tuple(ins), (), (), (), ())
    impl = I.ImplementationDecl(name, tuple(ins), (),
                                I.Body(tuple(locals_), (I.Block("start", tuple(stmts)),)),
                                span=x.span)
    return [proc, impl]


def _rename_on(e: Any, old: str, new: str, k: int, this: I.Expr, drop: int = 0,
               layer: list[I.Expr] | None = None) -> Any:
    """e with every application old(ly?, h..., this, args) (receiver at position k) made an
    application of new: its first `drop` arguments (a fuel layer) replaced by `layer`."""
    import dataclasses

    def go(x: Any) -> Any:
        return _rename_on(x, old, new, k, this, drop, layer)
    if isinstance(e, I.FunApp):
        args = tuple(go(a) for a in e.args)
        if e.name == old and len(args) > k and args[k] == this:
            return dataclasses.replace(e, name=new, args=tuple(layer or []) + args[drop:])
        return dataclasses.replace(e, args=args)
    return I.map_children(e, go)


def _applies(e: Any, name: str) -> bool:
    import dataclasses
    if isinstance(e, I.FunApp) and e.name == name:
        return True
    if not dataclasses.is_dataclass(e) or not isinstance(e, I.Node):
        return False
    for f in dataclasses.fields(e):
        v = getattr(e, f.name)
        if isinstance(v, I.Node) and _applies(v, name):
            return True
        if isinstance(v, tuple) and any(isinstance(t, I.Node) and _applies(t, name)
                                        for t in v):
            return True
    return False


# ---------------------------------------------------------------------- dynamic types
DTYPE = "$dtype"


def enable_dynamic_types(ctx: ProgramCtx, decls: list[tuple[D.Decl, Any]],
                         root: D.ModuleDecl) -> None:
    """Give every class (not trait, not array) a distinct integer tag and declare
    `$dtype(o)`, an object's class. Used only to link trait functions to their overrides."""
    if ctx.class_tags:
        return
    # a refining module's class and the class it refines are distinct classes that the
    # resolver relates leniently: no tags there (trait functions are then not linked)
    mods = [root]
    while mods:
        m = mods.pop()
        if m.refines:
            return
        mods.extend(d for d in m.decls if isinstance(d, D.ModuleDecl))
    k = 0
    for d, _ in decls:
        if isinstance(d, D.ClassDecl) and not d.is_trait and d is not B.OBJECT \
                and not B.array_dims(d):
            k += 1
            ctx.class_tags[id(d)] = k
    ctx.global_decls.append(I.FunctionDecl(DTYPE, (I.Formal("o", I.CtorType("Ref")),),
                                           I.INT))


def class_fact(ctx: ProgramCtx, cls: Any, v: I.Expr) -> Optional[I.Expr]:
    """v != null ==> $dtype(v) == tag(cls), for a class (None when not tracked). True of
    every value of class type cls: Dafny classes cannot be extended (only traits can), so an
    object whose static type is a class has exactly that class."""
    tag = ctx.class_tags.get(id(cls))
    if tag is None:
        return None
    return I.Binary("==>", I.Binary("!=", v, I.Ident("null")),
                    I.Binary("==", I.FunApp(DTYPE, (v,)), I.IntLit(tag)))


def type_fact(ctx: ProgramCtx, t: Any, v: I.Expr) -> Optional[I.Expr]:
    """`class_fact` for a value of Dafny type t (None unless t is a tracked class type)."""
    if not ctx.class_tags or t is None:
        return None
    return class_fact(ctx, T.class_decl(t), v)


def link_axiom(ctx: ProgramCtx, x: D.Function, y: D.Function) -> Optional[I.Decl]:
    """On an object of x's class, trait function y is x (Dafny's dynamic dispatch):
        h_y < $Height ==> forall ly?, heap, this, args :: {y(ly?, heap, this, args)}
            $dtype(this) == tag(x's class) && pre_y ==> y(...) == x(ly'?, heap, this, args)
    Guarded by y's precondition: there x satisfies y's specification and reads within y's
    reads frame (checked by `function_override_check`), so y's axioms stay consistent."""
    from .context import WF
    from .encoding import conj
    from .exprs import ExprTranslator
    from .functions import signature
    xi, yi = ctx.funcs[id(x)], ctx.funcs[id(y)]
    formals, env, ly = signature(ctx, yi)
    this = env.this
    fact = class_fact(ctx, x.owner, this) if this is not None else None
    if fact is None or this is None:
        return None  # classes not tracked: the trait function stays unlinked
    names = [I.Ident(f.name) for f in formals]
    rest = names[1:] if yi.recursive else names
    layer: list[I.Expr] = []
    if xi.recursive:
        layer = [ly] if ly is not None else [I.FunApp("$LS", (I.Ident("$LZ"),))]
    yapp = I.FunApp(yi.name, tuple(names))
    xapp = I.FunApp(xi.name, tuple(layer + rest))
    cenv = env.copy()
    cenv.cur_func = yi
    cenv.scc_layer = ly
    pre = conj([ExprTranslator(ctx, cenv, WF(None)).tr(r.expr) for r in y.requires])
    body = I.Binary("==>", conj([I.Binary("==", I.FunApp(DTYPE, (this,)),
                                          I.IntLit(ctx.class_tags[id(x.owner)])), pre]),
                    I.Binary("==", yapp, xapp))
    return I.AxiomDecl(I.Binary("==>", I.Binary("<", I.IntLit(yi.height), I.Ident("$Height")),
                                I.Quantifier("forall", tuple(formals), body,
                                             (I.Trigger((yapp,)),))))
