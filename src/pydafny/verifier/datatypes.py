"""Datatypes: one IVL sort per Dafny datatype, with constructors, tags, destructors and ranks.

Takes: a resolved `DatatypeDecl` (type arguments are erased: a field whose type mentions a
type parameter is stored boxed, or as its own erased representation).
Guarantees: `datatype_info(ctx, d)` declares, once per datatype, in `ctx.decls`:
  * `Ctor(fields): DT` per constructor, `DT#tag(d): int`, destructors `Ctor.f(d)`;
  * axioms: the tag of a constructed value is its constructor's index; destructors invert
    the constructor (so constructors are injective); every value carries one of the
    constructors' tags and is that constructor applied to its own destructors; the rank of a
    datatype-typed argument is below the rank of the value built from it.
All are true in the model where the sort holds finite constructor trees (inductive datatypes;
codatatypes are rejected by the encoding), tags are constructor indices and ranks are heights.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..ivl import ast as I
from ..semantics import types as T
from ..syntax import ast as D
from ..syntax.source import Span
from .context import ProgramCtx
from .encoding import BOX, conj, disj, equal, implies, is_map, is_multiset, is_seq, is_set


@dataclass(slots=True)
class DatatypeInfo:
    decl: D.DatatypeDecl
    sort: I.CtorType
    ctor_names: dict[int, str]
    ctor_index: dict[int, int]
    field_types: dict[tuple[int, int], I.Type]
    field_fns: dict[tuple[int, int], str]
    equal_fn: str = ""      # `{sort}#Equal` when a field is a collection (extensional)

    def index_of(self, c: D.DatatypeCtor, fname: str) -> int:
        for j, f in enumerate(c.formals):
            if f.name == fname:
                return j
        raise KeyError(fname)

    def tag(self, v: I.Expr) -> I.Expr:
        return I.FunApp(f"{self.sort.name}#tag", (v,))

    def rank(self, v: I.Expr) -> I.Expr:
        return I.FunApp(f"{self.sort.name}#rank", (v,))

    def is_ctor(self, c: D.DatatypeCtor, v: I.Expr) -> I.Expr:
        return I.Binary("==", self.tag(v), I.IntLit(self.ctor_index[id(c)]))

    def equal(self, a: I.Expr, b: I.Expr) -> I.Expr:
        """Dafny equality of two values of this datatype."""
        if self.equal_fn:
            return I.FunApp(self.equal_fn, (a, b))
        return I.Binary("==", a, b)

    def construct(self, c: D.DatatypeCtor, args: list[I.Expr]) -> I.Expr:
        """C(args); marked as a literal (Lit.<sort>) when every argument is one, so that
        recursive functions evaluate on it (inductive datatypes only)."""
        name = self.ctor_names[id(c)]
        v: I.Expr = I.Ident(name) if not c.formals else I.FunApp(name, tuple(args))
        if not self.decl.is_co:
            from .literals import is_literal, mark
            if all(is_literal(a) for a in args):
                return mark(v, self.sort)
        return v

    def select(self, c: D.DatatypeCtor, fname: "str | int", v: I.Expr) -> I.Expr:
        j = fname if isinstance(fname, int) else self.index_of(c, fname)
        return I.FunApp(self.field_fns[(id(c), j)], (v,))

    def field_type(self, c: D.DatatypeCtor, fname: "str | int") -> I.Type:
        j = fname if isinstance(fname, int) else self.index_of(c, fname)
        return self.field_types[(id(c), j)]


def datatype_info(ctx: ProgramCtx, d: D.DatatypeDecl) -> DatatypeInfo:
    cache = ctx.__dict__ if hasattr(ctx, "__dict__") else None  # slots: use ctx.keep map
    del cache
    for item in ctx.keep:
        if isinstance(item, DatatypeInfo) and item.decl is d:
            return item
    sort = ctx.enc.datatype_sort(d)
    s = sort.name
    info = DatatypeInfo(d, sort, {}, {}, {}, {})
    ctx.keep.append(info)
    decls: list[I.Decl] = [I.TypeCtorDecl(s)]
    decls.append(I.FunctionDecl(f"{s}#tag", (I.Formal("d", sort),), I.INT))
    decls.append(I.FunctionDecl(f"{s}#rank", (I.Formal("d", sort),), I.INT))
    # Lit.<sort>(x) is x: a mark of values built from literals (see `literals`)
    lit = f"Lit.{s}"
    decls.append(I.FunctionDecl(lit, (I.Formal("x", sort),), sort))
    decls.append(I.AxiomDecl(I.Quantifier("forall", (I.Formal("x", sort),), I.Binary(
        "==", I.FunApp(lit, (I.Ident("x"),)), I.Ident("x")),
        (I.Trigger((I.FunApp(lit, (I.Ident("x"),)),)),))))
    dv = I.Ident("d#")
    tags = []
    for k, c in enumerate(d.ctors):
        cname = ctx.names.of(c, f"{s}.{c.name}")
        info.ctor_names[id(c)] = cname
        info.ctor_index[id(c)] = k
        ftys = []
        for j, f in enumerate(c.formals):
            ft = ctx.enc.ivl_type(f.type)
            info.field_types[(id(c), j)] = ft
            info.field_fns[(id(c), j)] = ctx.names.fresh(f"{cname}.{f.name or j}")
            ftys.append(ft)
        tags.append(I.Binary("==", info.tag(dv), I.IntLit(k)))
    for k, c in enumerate(d.ctors):
        cname = info.ctor_names[id(c)]
        formals = tuple(I.Formal(f"a#{j}", info.field_types[(id(c), j)])
                        for j, f in enumerate(c.formals))
        args = tuple(I.Ident(x.name) for x in formals)
        if not c.formals:
            decls.append(I.ConstDecl(cname, sort))
            val: I.Expr = I.Ident(cname)
            # The constructor's tag is its index.
            decls.append(I.AxiomDecl(I.Binary("==", info.tag(val), I.IntLit(k))))
        else:
            decls.append(I.FunctionDecl(cname, tuple(I.Formal(f"a{j}", x.type)
                                                      for j, x in enumerate(formals)), sort))
            val = I.FunApp(cname, args)
            facts = [I.Binary("==", info.tag(val), I.IntLit(k))]
            for j, f in enumerate(c.formals):
                fn = info.field_fns[(id(c), j)]
                decls.append(I.FunctionDecl(fn, (I.Formal("d", sort),), formals[j].type))
                # Destructors invert the constructor.
                facts.append(I.Binary("==", I.FunApp(fn, (val,)), args[j]))
                # A datatype argument is a proper subtree: smaller height.
                ft = T.normalize(f.type)
                if isinstance(ft, D.UserType) and isinstance(ft.decl, D.DatatypeDecl) \
                        and not ft.decl.is_co:
                    other = datatype_info(ctx, ft.decl) if ft.decl is not d else info
                    facts.append(I.Binary("<", other.rank(args[j]), info.rank(val)))
                elif formals[j].type == BOX and not d.is_co:
                    # (codatatype values have no rank facts: they may be infinite)
                    facts.append(I.Binary("<", I.FunApp("$BoxRank", (args[j],)),
                                          info.rank(val)))
            decls.append(I.AxiomDecl(I.Quantifier("forall", formals, conj(facts),
                                                  (I.Trigger((val,)),))))
            # A constructor applied to literals is a literal: C(Lit(a)..) == Lit(C(a..))
            # (both sides are C(a..), as Lit is the identity), so a variable holding a
            # literal makes the values built from it literals too (as Dafny's Lit axioms).
            from .literals import lit_name
            marks = [lit_name(x.type) for x in formals]
            if not d.is_co and all(m is not None for m in marks):
                lit_args = tuple(I.FunApp(m, (a,)) for m, a in zip(marks, args))  # type: ignore[arg-type]
                lhs = I.FunApp(cname, lit_args)
                decls.append(I.AxiomDecl(I.Quantifier("forall", formals, I.Binary(
                    "==", lhs, I.FunApp(f"Lit.{s}", (val,))), (I.Trigger((lhs,)),))))
        # Every value with this tag is this constructor applied to its destructors.
        rebuilt = info.construct(c, [info.select(c, j, dv) for j in range(len(c.formals))])
        decls.append(I.AxiomDecl(I.Quantifier(
            "forall", (I.Formal(dv.name, sort),),
            I.Binary("==>", tags[k], I.Binary("==", dv, rebuilt)),
            (I.Trigger((info.tag(dv),)),))))
        # The same, triggered by a destructor use: then two values whose fields are equal
        # (`v'.h == v.h`) are equal, as Dafny's datatype equality says. (True by the axiom
        # above; the trigger only makes it available. No matching loop: the new term
        # C(sel(d)) is equal to d, so its destructors are already known terms.)
        if c.formals:
            decls.append(I.AxiomDecl(I.Quantifier(
                "forall", (I.Formal(dv.name, sort),),
                I.Binary("==>", tags[k], I.Binary("==", dv, rebuilt)),
                tuple(I.Trigger((info.select(c, j, dv),)) for j in range(len(c.formals))))))
    # Extensional equality when a field is a collection (as Dafny's DT#Equal): two values
    # are equal iff they have the same constructor and their fields are equal (by the
    # collections' extensional equality). True: every value is its constructor applied to
    # its destructors (axioms above) and the collections' Equal coincides with `==`.
    # A field of another datatype with such an Equal is compared by that Equal (true: it
    # coincides with `==` there too), so `a == b` reaches collections nested in fields.
    nested: dict[tuple[int, int], DatatypeInfo] = {}
    for c in d.ctors:
        for j, f in enumerate(c.formals):
            nt = T.normalize(f.type)
            if isinstance(nt, D.UserType) and isinstance(nt.decl, D.DatatypeDecl) \
                    and nt.decl is not d and not nt.decl.is_co \
                    and info.field_types[(id(c), j)] == ctx.enc.datatype_sort(nt.decl):
                other = datatype_info(ctx, nt.decl)
                if other.equal_fn:
                    nested[(id(c), j)] = other
    if d.is_co:
        from .codatatypes import declare_coequality
        declare_coequality(ctx, info, decls)
    elif nested or any(is_seq(t) or is_set(t) or is_multiset(t) or is_map(t)
                       for t in info.field_types.values()):
        info.equal_fn = f"{s}#Equal"
        decls.append(I.FunctionDecl(info.equal_fn, (I.Formal("a", sort), I.Formal("b", sort)),
                                    I.BOOL))
        ea, eb = I.Ident("a#e"), I.Ident("b#e")
        eqapp = I.FunApp(info.equal_fn, (ea, eb))
        per_ctor = []
        for k, c in enumerate(d.ctors):
            fields = [nested[(id(c), j)].equal(info.select(c, j, ea), info.select(c, j, eb))
                      if (id(c), j) in nested else
                      equal(info.field_types[(id(c), j)], info.select(c, j, ea),
                            info.select(c, j, eb)) for j in range(len(c.formals))]
            per_ctor.append(implies(info.is_ctor(c, ea), conj(fields)))
        fieldwise = conj([I.Binary("==", info.tag(ea), info.tag(eb))] + per_ctor)
        ab = (I.Formal(ea.name, sort), I.Formal(eb.name, sort))
        decls.append(I.AxiomDecl(I.Quantifier("forall", ab, I.Binary("<==>", eqapp, fieldwise),
                                              (I.Trigger((eqapp,)),))))
        decls.append(I.AxiomDecl(I.Quantifier("forall", ab,
                                              I.Binary("<==>", eqapp, I.Binary("==", ea, eb)),
                                              (I.Trigger((eqapp,)),))))
    # Every value carries the tag of one of the constructors.
    decls.append(I.AxiomDecl(I.Quantifier("forall", (I.Formal(dv.name, sort),), disj(tags),
                                          (I.Trigger((info.tag(dv),)),))))
    # A boxed value of this datatype has (at least) its rank as box rank.
    tg = ctx.enc.use("box", sort)
    bv = I.Ident("b#r")
    unb = I.FunApp(f"{s}#rank", (I.FunApp(f"$Unbox.{tg}", (bv,)),))
    decls.append(I.AxiomDecl(I.Quantifier("forall", (I.Formal("b#r", BOX),), I.Binary(
        "<=", unb, I.FunApp("$BoxRank", (bv,))), (I.Trigger((unb,)),))))
    # Ranks are non-negative (heights).
    decls.append(I.AxiomDecl(I.Quantifier("forall", (I.Formal(dv.name, sort),),
                                          I.Binary("<=", I.IntLit(0), info.rank(dv)),
                                          (I.Trigger((info.rank(dv),)),))))
    ctx.global_decls.extend(decls)
    if not d.is_co:
        from .literals import register_data_fns
        register_data_fns(list(info.ctor_names.values()) + list(info.field_fns.values()))
    return info


_TUPLES: dict[int, D.DatatypeDecl] = {}


def tuple_decl(n: int) -> D.DatatypeDecl:
    """A synthetic datatype `_tuple#n<T0..Tn-1> = _#Make(_0: T0, ...)` for tuples of arity n
    (the same object per arity; its fields are boxed like any type-parameter field)."""
    d = _TUPLES.get(n)
    if d is None:
        tps = [D.TypeParam(f"T{k}") for k in range(n)]
        formals = []
        for k, tp in enumerate(tps):
            ut = D.UserType([tp.name], [])
            ut.decl = tp
            formals.append(D.Formal(f"_{k}", ut))
        ctor = D.DatatypeCtor(f"_#Make{n}", formals)
        d = D.DatatypeDecl(f"_tuple#{n}", tps, [ctor])
        ctor.owner = d
        _TUPLES[n] = d
    return d


def rank_less(ctx: ProgramCtx, ta: D.Type | None, tb: D.Type | None,
              a: I.Expr, b: I.Expr, span: Span) -> I.Expr:
    """Dafny's `a < b` on datatype values (its RankLt): a's rank is below b's. Ranks of all
    datatypes are heights of constructor trees on one integer scale (the axioms of
    `datatype_info` hold in that model), so values of different datatypes compare too.
    Raises Unsupported for operands that are not inductive datatype values."""
    from .unsupported import Unsupported

    def info_of(t: D.Type | None) -> DatatypeInfo:
        n = T.normalize(t) if t is not None else None
        if not (isinstance(n, D.UserType) and isinstance(n.decl, D.DatatypeDecl)
                and not n.decl.is_co):
            raise Unsupported(span, "operator < on this type")
        return datatype_info(ctx, n.decl)

    return I.Binary("<", info_of(ta).rank(a), info_of(tb).rank(b))
