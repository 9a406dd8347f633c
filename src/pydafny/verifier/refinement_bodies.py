"""Bodies of refining methods: the refined method's body with the refining one merged in.

Takes: the resolved program (its module tree).
Guarantees: `merged_bodies(root)` maps id(M) of each method/constructor M with a body in a
module `X refines B` whose refined method (the member of the same name in B, or in B's
class of the same name) also has a body, to either the merged body (a `BlockStmt`) or an
`Unsupported` error. That merged body is what Dafny runs and verifies for M (Dafny's
refinement merges the two statement lists):
  * `...;` stands for the refined statements not yet used, up to the next refining statement
    that could match one of them; here only refining statements that never match a refined
    one are supported (assignments, calls, `assert`/`expect`/`print`, `var` next to a
    non-`var` statement), so `...;` takes all the refined statements left;
  * any other refining statement is inserted where it stands;
  * the refined statements left at the end are appended (an implicit `...;`);
  * in constructors divided by `new;`, the parts before and after it are merged separately
    (a constructor body without `new;` is all initialization).
Refining statements that Dafny could match with a refined statement (if/while/blocks and the
like, `assert ...;`-style skeletons with `...` expressions) raise Unsupported, as does a
body with `...;` whose refined method cannot be found. The statements are shared (not
copied): the resolver resolved the refining body in the scope of the refined one's
parameters and top-level locals, so names agree.
"""

from __future__ import annotations

from typing import Any, Optional, Union

from ..syntax import ast as D
from .unsupported import Unsupported

Merged = Union[D.BlockStmt, Unsupported]


def _modules(root: D.ModuleDecl) -> list[D.ModuleDecl]:
    out = [root]
    k = 0
    while k < len(out):
        out.extend(d for d in out[k].decls if isinstance(d, D.ModuleDecl))
        k += 1
    return out


def _has_ellipsis(s: Any) -> bool:
    found = [False]

    class _V(D.Traverser):
        def visit_EllipsisExpr(self, e: D.EllipsisExpr) -> None:
            found[0] = True

        def visit_SkeletonStmt(self, e: D.SkeletonStmt) -> None:
            found[0] = True
    _V().visit(s)
    return found[0]


def _has_skeleton(b: Optional[D.BlockStmt]) -> bool:
    return b is not None and _has_ellipsis(b)


def _insertable(s: D.Stmt, next_old: Optional[D.Stmt]) -> bool:
    """s is a refining statement that Dafny inserts (never matches a refined statement)."""
    if _has_ellipsis(s):
        return False
    if isinstance(s, (D.AssignStmt, D.AssertStmt, D.ExpectStmt, D.PrintStmt)):
        return True
    if isinstance(s, D.VarDeclStmt):
        return not isinstance(next_old, D.VarDeclStmt)
    return False


def _merge_list(skel: list[D.Stmt], old: list[D.Stmt]) -> list[D.Stmt]:
    out: list[D.Stmt] = []
    j = 0
    for cur in skel:
        if isinstance(cur, D.SkeletonStmt):
            out.extend(old[j:])
            j = len(old)
            continue
        if j < len(old) and not _insertable(cur, old[j]):
            raise Unsupported(cur.span, "this statement in a refining method body")
        if j == len(old) and _has_ellipsis(cur):
            raise Unsupported(cur.span, "this skeleton statement")
        out.append(cur)
    out.extend(old[j:])
    return out


def _split(stmts: list[D.Stmt]) -> tuple[list[D.Stmt], Optional[D.Stmt], list[D.Stmt]]:
    for k, s in enumerate(stmts):
        if isinstance(s, D.NewPhaseStmt):
            return stmts[:k], s, stmts[k + 1:]
    return stmts, None, []


def merge_bodies(skel: D.BlockStmt, old: D.BlockStmt) -> D.BlockStmt:
    """The body Dafny gives a refining method with body skel refining one with body old."""
    si, snew, sp = _split(skel.stmts)
    oi, onew, op = _split(old.stmts)
    if snew is None and onew is None:
        return D.BlockStmt(_merge_list(skel.stmts, old.stmts), span=skel.span)
    # a constructor body without `new;` is all initialization phase
    sep = snew if snew is not None else onew
    assert sep is not None
    return D.BlockStmt(_merge_list(si, oi) + [sep] + _merge_list(sp, op), span=skel.span)


def _member(container: list[D.Decl], name: str, kind: type) -> Any:
    hits = [d for d in container if isinstance(d, kind) and getattr(d, "name", None) == name]
    return hits[0] if len(hits) == 1 else None


def merged_bodies(root: D.ModuleDecl) -> dict[int, Merged]:
    mods = _modules(root)
    by_name: dict[str, list[D.ModuleDecl]] = {}
    for m in mods:
        by_name.setdefault(m.name, []).append(m)
    # (refining method, refined method or None) pairs
    pairs: list[tuple[D.Method, Optional[D.Method]]] = []
    for m in mods:
        base_mod: Optional[D.ModuleDecl] = None
        if m.refines:
            cands = by_name.get(m.refines[-1], [])
            base_mod = cands[0] if len(cands) == 1 else None
        for d in m.decls:
            if isinstance(d, D.Method) and d.body is not None:
                b = _member(base_mod.decls, d.name, D.Method) if base_mod else None
                if b is not None or _has_skeleton(d.body):
                    pairs.append((d, b))
            elif isinstance(d, D.ClassDecl):
                bc = _member(base_mod.decls, d.name, D.ClassDecl) if base_mod else None
                for x in d.members:
                    if isinstance(x, D.Method) and x.body is not None:
                        b = _member(bc.members, x.name, D.Method) if bc else None
                        if b is not None or _has_skeleton(x.body):
                            pairs.append((x, b))
    base_of = {id(x): b for x, b in pairs}
    out: dict[int, Merged] = {}

    def body_of(x: D.Method, depth: int = 0) -> Optional[D.BlockStmt]:
        """x's effective body (merged when x refines a method with a body)."""
        if id(x) not in base_of:
            return x.body
        r = out.get(id(x))
        if r is None:
            b = base_of[id(x)]
            try:
                if b is None:
                    raise Unsupported(x.span, "'...;' without a refined method body")
                if depth > 20:
                    raise Unsupported(x.span, "refinement chain")
                ob = body_of(b, depth + 1)
                if ob is None:
                    if _has_skeleton(x.body):
                        raise Unsupported(x.span, "'...;' without a refined method body")
                    r = x.body
                else:
                    assert x.body is not None
                    r = merge_bodies(x.body, ob)
            except Unsupported as e:
                r = e
            out[id(x)] = r
        if isinstance(r, Unsupported):
            raise r
        return r
    for x, _ in pairs:
        try:
            body_of(x)
        except Unsupported:
            pass
    return out
