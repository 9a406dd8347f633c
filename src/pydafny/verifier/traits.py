"""Traits: members called through dynamic dispatch, and the checks that make that sound.

Takes: the resolved declarations of a program (`(decl, owner)` pairs of `translator.all_decls`).
Guarantees:
  * `plan_traits(decls)` returns a `TraitPlan`: the override pairs `(class member, trait
    member)` (a member of a class or trait named like a member of one of its ancestor traits),
    the trait members each one overrides, and the members the verifier cannot handle soundly
    (`bad`: id -> what is unsupported).
    Supported: non-generic traits whose body-less methods/lemmas are overridden by methods/lemmas
    of the same kind and signature. Unsupported (both sides): overriding functions, overriding a
    member that has a body, different signatures, type parameters, generic traits.
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
  The verifier models no dynamic types: an object of a trait type is any allocated object, so
  facts are never derived from an object's class (`is`/downcasting `as` stay unsupported).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator

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
                    plan.dispatch.setdefault(id(y), []).append(mem)
                    continue
                what = ("overriding trait functions"
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
    for x, y in plan.overrides:
        if id(x) in plan.bad:
            plan.bad[id(y)] = plan.bad[id(x)]
    plan.overrides = [(x, y) for x, y in plan.overrides
                      if id(x) not in plan.bad and id(y) not in plan.bad]
    plan.dispatch = {}
    for x, y in plan.overrides:
        plan.dispatch.setdefault(id(y), []).append(x)
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
    if sup is B.OBJECT:
        return True
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
            if formals is not None and not getattr(d, "type_params", None):
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
