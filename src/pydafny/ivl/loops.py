"""Cutting loops: from a control-flow graph with cycles to an acyclic one.

Takes: a `Cfg` from `cfg.lower_implementation` (blocks may form cycles).
Guarantees: the returned `Cfg` has only blocks reachable from the entry, listed in a
topological order (entry first), and no cycles. For every loop head h (the target of a back
edge u -> h of a depth-first search; h must dominate u, otherwise the graph is irreducible and
`LoweringError` is raised), with invariants I = the leading assert/assume commands of h (up
to a literal `assert false`, which Boogie never takes as an invariant) and M = the variables
assigned or havocked anywhere in h's natural loop:
    forward edges p -> h   become   p -> E -> h,  E = { assert I (kind: invariant on entry) }
    back edges    u -> h   become   u -> B,       B = { assert I (kind: maintained) }, no exit
    h                      becomes  { havoc M; assume I; rest of h }
so every path through the loop is checked once per iteration shape, and the loop body is
verified for an arbitrary state satisfying I (Boogie's loop cutting).
"""

from __future__ import annotations

from . import ast as A
from .cfg import BBlock, Cfg, Check, LAssert, LAssign, LAssume, LHavoc, LoweringError
from .results import FailureKind


def _dfs(entry: BBlock) -> tuple[list[BBlock], list[tuple[BBlock, BBlock]]]:
    """Postorder of the blocks reachable from entry, and the back edges (iteratively)."""
    post: list[BBlock] = []
    back: list[tuple[BBlock, BBlock]] = []
    state: dict[int, int] = {id(entry): 1}  # 1 on stack, 2 done
    stack: list[tuple[BBlock, int]] = [(entry, 0)]
    while stack:
        b, i = stack[-1]
        if i < len(b.succs):
            stack[-1] = (b, i + 1)
            s = b.succs[i]
            st = state.get(id(s), 0)
            if st == 0:
                state[id(s)] = 1
                stack.append((s, 0))
            elif st == 1:
                back.append((b, s))
        else:
            stack.pop()
            state[id(b)] = 2
            post.append(b)
    return post, back


def _dominators(rpo: list[BBlock], preds: dict[int, list[BBlock]]) -> dict[int, int]:
    """Immediate dominators by RPO index (Cooper, Harvey and Kennedy's iteration)."""
    index = {id(b): i for i, b in enumerate(rpo)}
    idom: dict[int, int] = {0: 0}
    changed = True
    while changed:
        changed = False
        for i in range(1, len(rpo)):
            new = -1
            for p in preds[id(rpo[i])]:
                j = index.get(id(p))
                if j is None or j not in idom:
                    continue
                if new < 0:
                    new = j
                else:
                    a, c = new, j
                    while a != c:
                        while a > c:
                            a = idom[a]
                        while c > a:
                            c = idom[c]
                    new = a
            if new >= 0 and idom.get(i) != new:
                idom[i] = new
                changed = True
    return idom


def _preds(blocks: list[BBlock]) -> dict[int, list[BBlock]]:
    preds: dict[int, list[BBlock]] = {id(b): [] for b in blocks}
    for b in blocks:
        for s in b.succs:
            if id(s) in preds:
                preds[id(s)].append(b)
    return preds


def cut_loops(cfg: Cfg) -> Cfg:
    post, back = _dfs(cfg.entry)
    rpo = post[::-1]
    if back:
        preds = _preds(rpo)
        index = {id(b): i for i, b in enumerate(rpo)}
        idom = _dominators(rpo, preds)
        heads: dict[int, tuple[BBlock, list[BBlock]]] = {}
        for u, h in back:
            hi, ui = index[id(h)], index[id(u)]
            x = ui
            while x != hi and x != 0:
                x = idom[x]
            if x != hi:
                raise LoweringError(h.span, "unsupported: irreducible control flow (a loop "
                                            "entered other than through its head)")
            heads.setdefault(id(h), (h, []))[1].append(u)
        for h, sources in heads.values():
            _cut(h, sources, preds, cfg)
    post, back = _dfs(cfg.entry)
    assert not back
    return Cfg(cfg.entry, post[::-1], cfg.var_types, cfg.wheres, cfg.internal)


def _cut(h: BBlock, sources: list[BBlock], preds: dict[int, list[BBlock]], cfg: Cfg) -> None:
    # natural loop: h plus every block reaching a back-edge source without passing h
    body: dict[int, BBlock] = {id(h): h}
    work = [u for u in sources]
    while work:
        b = work.pop()
        if id(b) in body:
            continue
        body[id(b)] = b
        work.extend(preds[id(b)])
    modified: dict[str, None] = {}
    for b in body.values():
        for c in b.cmds:
            if isinstance(c, (LHavoc, LAssign)):
                for n in c.names:
                    modified[n] = None
    ninv = 0
    while ninv < len(h.cmds) and isinstance(h.cmds[ninv], (LAssert, LAssume)):
        c0 = h.cmds[ninv]
        if isinstance(c0, LAssert) and c0.check.kind == FailureKind.ASSERTION and \
                c0.expr == A.BoolLit(False):
            break  # as in Boogie, a written `assert false` is never taken as an invariant
        ninv += 1
    invs = h.cmds[:ninv]

    def checks(kind: str) -> list[LAssert | LAssume | LHavoc | LAssign]:
        out: list[LAssert | LAssume | LHavoc | LAssign] = []
        for c in invs:
            if isinstance(c, LAssert):
                ck = c.check
                where = ck.clause_span if ck.clause_span.file is not None else ck.span
                out.append(LAssert(c.expr, Check(kind, where, where, ck.info, ck.site_info),
                                   c.scope))
        return out

    entry = BBlock(f"{h.label}$entry", checks(FailureKind.INVARIANT_ENTRY), [h], h.span)
    cfg.blocks.append(entry)
    source_ids = {id(u) for u in sources}
    for p in preds[id(h)]:
        if id(p) in source_ids:
            continue
        p.succs = [entry if s is h else s for s in p.succs]
    for u in sources:
        m = BBlock(f"{h.label}$maintained", checks(FailureKind.INVARIANT_MAINTAINED), [],
                   h.span)
        cfg.blocks.append(m)
        u.succs = [m if s is h else s for s in u.succs]
    new_head: list[LAssert | LAssume | LHavoc | LAssign] = []
    if modified:
        new_head.append(LHavoc(tuple(modified), h.span))
    for c in invs:
        assert isinstance(c, (LAssert, LAssume))
        new_head.append(LAssume(c.expr, c.scope, True))
    h.cmds = new_head + h.cmds[ninv:]
