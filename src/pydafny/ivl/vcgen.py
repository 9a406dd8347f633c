"""Verification-condition generation: passive form and linear-size weakest preconditions.

Takes: an acyclic `Cfg` (from `loops.cut_loops`), the program's `Encoder`.
Guarantees: `generate_vc` returns a `Vc` whose `defs` and `goal` are satisfiable together with
the background axioms iff some execution of the implementation violates an enabled assertion.

Passive form (one incarnation per assignment). Each block b has an incarnation map
sigma_b : variable -> term. For b with a single predecessor p, sigma_b starts as sigma_p. At a
join of predecessors p1..pn, for every variable x with sigma_pi(x) not all the same term, a fresh
incarnation x@k is made and the edge pi -> b carries the fix-up  x@k = sigma_pi(x):
    sigma_b(x) = x@k,   fix(pi, b) = AND_x (x@k = sigma_pi(x)).
`x := e` becomes `assume x@k = e[sigma]` (or, when e[sigma] is a constant or literal, just
sigma(x) := e[sigma]); `havoc x` becomes sigma(x) := x@k (fresh); assert/assume encode their
expression under sigma. old(g) reads the entry incarnation g@0 of a global g.

Weakest precondition (Barnett and Leino): each block gets a Boolean constant ok_b with
    ok_b  =  wp(cmds_b, AND_{s in succ(b)} (fix(b, s) ==> ok_s))
    wp(assume P, Q) = P ==> Q
    wp(assert_i P, Q) = (A_i || D_i) && (A_i ==> Q),   with  A_i = P  as a definition
where A_i is the assertion's label and D_i ("disabled") is asserted once assertion i has been
reported, so that later checks look for other failures while still assuming P_i afterwards.
Long blocks are cut every CHUNK commands by a fresh constant W = Q, keeping term depth bounded.
A block with a single predecessor whose formula is free of binders gets no constant: its
formula replaces ok_b in its predecessor's (still linear: it is used once), as long as the
nesting so built stays under INLINE_DEPTH commands. Fewer block constants make z3 markedly
faster on long VCs (3x at 3,000 statements in benchmarks/ivl_vcgen.py); binder-free formulas
keep the model walk exact, since a model (even a candidate one) evaluates ground formulas.
Every definition is linear in the size of its block, so the VC is linear in the program size.
The query is  background /\\ defs /\\ not ok_entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..smt import terms as T
from ..smt.terms import Term
from . import ast as A
from .cfg import BBlock, Cfg, Check, LAssert, LAssign, LAssume, LHavoc, Scope
from .encode import Encoder, Env

CHUNK = 64
INLINE_DEPTH = 64


@dataclass(slots=True)
class VcAssert:
    check: Check
    label: Term       # A_i
    disable: Term     # D_i
    cex: list[tuple[str, Term]]  # source names and their incarnations at the assertion


@dataclass(slots=True)
class PBlock:
    ok: Term
    asserts: list[int] = field(default_factory=list)        # indices into Vc.asserts, in order
    edges: list[tuple[Term, int]] = field(default_factory=list)  # (fix-up, successor index)


@dataclass(slots=True)
class Vc:
    defs: list[Term]
    goal: Term
    asserts: list[VcAssert]
    blocks: list[PBlock]   # blocks[0] is the entry
    size: int = 0          # number of passive commands (for benchmarks)


class _Passifier:
    def __init__(self, cfg: Cfg, enc: Encoder) -> None:
        self.cfg = cfg
        self.enc = enc
        self.info = enc.info
        self.counter: dict[str, int] = {}
        self.inits: dict[str, Term] = {}
        self.sorts: dict[str, T.Sort] = {}
        self.asserts: list[VcAssert] = []
        self.defs: list[Term] = []
        self.nlabels = 0

    # --------------------------------------------------------------- variables
    def sort_of(self, name: str) -> T.Sort:
        s = self.sorts.get(name)
        if s is None:
            t = self.cfg.var_types.get(name)
            if t is None:
                t = self.info.resolve_type(self.info.globals[name].type)
            s = self.enc.sort(t)
            self.sorts[name] = s
        return s

    def is_var(self, name: str) -> bool:
        return name in self.cfg.var_types or name in self.info.globals

    def init(self, name: str) -> Term:
        t = self.inits.get(name)
        if t is None:
            t = T.const(f"{name}@0", self.sort_of(name))
            self.inits[name] = t
        return t

    def fresh(self, name: str) -> Term:
        k = self.counter.get(name, 0) + 1
        self.counter[name] = k
        return T.const(f"{name}@{k}", self.sort_of(name))

    def env(self, sigma: dict[str, Term], scope: Scope | None) -> Env:
        """Identifiers in the body (scope None) name locals first (through `cfg.internal` for
        locals shadowing globals), then globals; in a specification scope they name renamed
        formals, then globals. Keys of sigma are internal names, so a local and a global of
        the same name never share an incarnation."""
        globals_ = self.info.globals
        var_types = self.cfg.var_types
        internal = self.cfg.internal

        def var(key: str) -> Term:
            t = sigma.get(key)
            return t if t is not None else self.init(key)

        def body_cur(n: str) -> Term | None:
            key = internal.get(n, n)
            if key in var_types or key in globals_:
                return var(key)
            return None

        def body_old(n: str) -> Term | None:
            key = internal.get(n, n)
            if key in var_types:
                return var(key)
            if key in globals_:
                return self.init(key)
            return None

        if scope is None:
            return Env(body_cur, body_old)
        rename = scope.rename
        olds = scope.old

        def spec_cur(n: str) -> Term | None:
            r = rename.get(n)
            if r is not None:
                return var(r)
            return var(n) if n in globals_ else None

        def spec_old(n: str) -> Term | None:
            r = rename.get(n)
            if r is not None:
                return var(r)
            if n not in globals_:
                return None
            if olds is None:
                return self.init(n)
            o = olds.get(n)
            return var(o) if o is not None else var(n)

        return Env(spec_cur, spec_old)

    # --------------------------------------------------------------- passification
    def run(self) -> Vc:
        blocks = self.cfg.blocks
        index = {id(b): i for i, b in enumerate(blocks)}
        preds: list[list[int]] = [[] for _ in blocks]
        for i, b in enumerate(blocks):
            for s in b.succs:
                preds[index[id(s)]].append(i)
        sigmas: list[dict[str, Term] | None] = [None] * len(blocks)
        remaining = [len(b.succs) for b in blocks]
        fixes: dict[tuple[int, int], list[Term]] = {}
        items: list[list[tuple[str, object]]] = []
        oks = [T.const(f"%ok@{i}", T.BOOL) for i in range(len(blocks))]
        pblocks = [PBlock(oks[i]) for i in range(len(blocks))]
        size = 0
        for i, b in enumerate(blocks):
            ps = preds[i]
            if not ps:
                sigma: dict[str, Term] = {}
            elif len(ps) == 1:
                p = ps[0]
                src = sigmas[p]
                assert src is not None
                remaining[p] -= 1
                if remaining[p] == 0:
                    sigma = src          # last user of p's map: take it over
                    sigmas[p] = None
                else:
                    sigma = dict(src)
            else:
                sigma = self.merge(i, ps, sigmas, fixes)
                for p in ps:
                    remaining[p] -= 1
                    if remaining[p] == 0:
                        sigmas[p] = None
            its = self.block(b, sigma, pblocks[i])
            size += len(b.cmds)
            items.append(its)
            sigmas[i] = sigma
        refs: list[Term] = list(oks)
        depth = [0] * len(blocks)
        for i in range(len(blocks) - 1, -1, -1):
            b = blocks[i]
            pb = pblocks[i]
            d = 0
            for s in b.succs:
                j = index[id(s)]
                fix = T.and_(*fixes.get((i, j), []))
                pb.edges.append((fix, j))
                d = max(d, depth[j])
            q = self.wp(pb, items[i], refs)
            d += 1 + len(items[i])
            if len(preds[i]) == 1 and d <= INLINE_DEPTH and not q.binders:
                refs[i] = q
                pb.ok = q
                depth[i] = d
            else:
                self.defs.append(T.eq(pb.ok, q))
        return Vc(self.defs, T.not_(refs[0]), self.asserts, pblocks, size)

    def merge(self, i: int, ps: list[int], sigmas: list[dict[str, Term] | None],
              fixes: dict[tuple[int, int], list[Term]]) -> dict[str, Term]:
        maps = [sigmas[p] for p in ps]
        names: dict[str, None] = {}
        for m in maps:
            assert m is not None
            for n in m:
                names[n] = None
        sigma: dict[str, Term] = {}
        for n in names:
            vals = [m.get(n) or self.init(n) for m in maps]  # type: ignore[union-attr]
            first = vals[0]
            if all(v is first for v in vals):
                sigma[n] = first
                continue
            x = self.fresh(n)
            sigma[n] = x
            for p, v in zip(ps, vals):
                fixes.setdefault((p, i), []).append(T.eq(x, v))
        return sigma

    def block(self, b: BBlock, sigma: dict[str, Term], pb: PBlock) -> list[tuple[str, object]]:
        """Passify b's commands in place of sigma; returns ("assume", term) / ("assert", i)."""
        out: list[tuple[str, object]] = []
        enc = self.enc
        for c in b.cmds:
            if isinstance(c, LAssign):
                env = self.env(sigma, c.scope)
                vals = [enc.expr(r, env) for r in c.rhss]
                for n, v in zip(c.names, vals):
                    if v.op in ("const", "int", "bool", "bv", "real"):
                        sigma[n] = v
                    else:
                        x = self.fresh(n)
                        sigma[n] = x
                        out.append(("assume", T.eq(x, v)))
            elif isinstance(c, LAssume):
                t = enc.expr(c.expr, self.env(sigma, c.scope))
                if not T.is_true(t):
                    out.append(("assume", t))
            elif isinstance(c, LAssert):
                env = self.env(sigma, c.scope)
                t = enc.expr(c.expr, env)
                k = len(self.asserts)
                label = T.const(f"%assert@{k}", T.BOOL)
                disable = T.const(f"%off@{k}", T.BOOL)
                self.defs.append(T.eq(label, t))
                self.asserts.append(VcAssert(c.check, label, disable,
                                             _cex_vars(c.expr, env)))
                pb.asserts.append(k)
                out.append(("assert", k))
            elif isinstance(c, LHavoc):
                for n in c.names:
                    sigma[n] = self.fresh(n)
                for n in c.names:
                    w = self.cfg.wheres.get(n)
                    if w is not None:
                        out.append(("assume", enc.expr(w[0], self.env(sigma, w[1]))))
        return out

    def wp(self, pb: PBlock, items: list[tuple[str, object]], oks: list[Term]) -> Term:
        q = T.and_(*[T.implies(fix, oks[j]) for fix, j in pb.edges])
        for n, (kind, x) in enumerate(reversed(items), 1):
            if kind == "assume":
                assert isinstance(x, Term)
                q = T.implies(x, q)
            else:
                assert isinstance(x, int)
                a = self.asserts[x]
                q = T.and_(T.or_(a.label, a.disable), T.implies(a.label, q))
            if n % CHUNK == 0:
                self.nlabels += 1
                w = T.const(f"%wp@{self.nlabels}", T.BOOL)
                self.defs.append(T.eq(w, q))
                q = w
        return q


def _cex_vars(e: A.Expr, env: Env) -> list[tuple[str, Term]]:
    """Free variables of e (outside binders), with their terms under env, in first-use order."""
    out: dict[str, Term] = {}
    stack: list[tuple[A.Expr, bool, frozenset[str]]] = [(e, False, frozenset())]
    while stack:
        x, in_old, bound = stack.pop()
        if isinstance(x, A.Ident):
            if x.name in bound:
                continue
            t = (env.old if in_old and env.old is not None else env.cur)(x.name)
            if t is None:
                continue
            # old(x) is shown apart only when it is not x's current value (a changed global)
            key = f"old({x.name})" if in_old and t is not env.cur(x.name) else x.name
            if key not in out:
                out[key] = t
        elif isinstance(x, A.Old):
            stack.append((x.expr, True, bound))
        elif isinstance(x, (A.Quantifier, A.Lambda)):
            stack.append((x.body, in_old, bound | {v.name for v in x.vars}))
        else:
            kids: list[A.Expr] = []
            if isinstance(x, A.Binary):
                kids = [x.right, x.left]
            elif isinstance(x, A.Unary):
                kids = [x.arg]
            elif isinstance(x, A.FunApp):
                kids = list(reversed(x.args))
            elif isinstance(x, A.MapSelect):
                kids = list(reversed(x.indexes)) + [x.map]
            elif isinstance(x, A.MapStore):
                kids = [x.value] + list(reversed(x.indexes)) + [x.map]
            elif isinstance(x, A.IfThenElse):
                kids = [x.else_, x.then, x.cond]
            elif isinstance(x, A.BvExtract):
                kids = [x.expr]
            stack.extend((k, in_old, bound) for k in kids)
    return list(out.items())


def generate_vc(cfg: Cfg, enc: Encoder) -> Vc:
    """The VC of an acyclic, topologically ordered `cfg` (see the module docstring)."""
    return _Passifier(cfg, enc).run()
