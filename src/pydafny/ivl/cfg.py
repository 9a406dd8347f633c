"""Lowering of an implementation to a control-flow graph of basic blocks.

Takes: a type-checked `ImplInfo` and its `ProgramInfo`.
Guarantees: a `Cfg` whose blocks hold only the simple commands `LAssert`, `LAssume`, `LHavoc`,
`LAssign` (over whole variables: `m[i][j] := v` becomes `m := m[i := m[i][j := v]]`), joined by
successor edges; the first block is the entry. Specifically:
  * entry:     assume the where clauses of globals, formals and locals, and every requires
               (free or not) of the procedure; (vcgen assumes a variable's where clause again
               after each havoc of it, as Boogie does);
  * return:    assert every non-free ensures (kind postcondition, at the return / the body's
               closing brace), then the path ends;
  * call P:    in_k := arg_k; assert P's non-free requires (kind precondition; all requires for
               a `free call` are assumed); old_g := g for g in P's modifies; havoc P's modifies
               and fresh out temps; assume P's ensures, where old(g) reads old_g; outs := temps;
  * if/while:  blocks with `assume cond` / `assume !cond` at the branch targets; a while loop
               gets a head block starting with its invariants (`LAssert` of kind "invariant",
               free invariants as `LAssume(..., invariant=True)`) whose back edge comes from the
               end of the body. Loops are cut afterwards (loops.py).
Expressions keep referring to procedure formals; a `Scope` attached to a command renames
formals to implementation/temporary variables and says what `old` means there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..syntax.source import NO_SPAN, Span
from . import ast as A
from .results import FailureKind
from .typecheck import ImplInfo, ProgramInfo


@dataclass(slots=True)
class Check:
    """What a failing assert means; copied into `Failure`s."""

    kind: str
    span: Span
    clause_span: Span = NO_SPAN
    info: object = None
    site_info: object = None


@dataclass(slots=True)
class Scope:
    """rename: procedure formal -> variable of the caller/implementation.
    old: None for the implementation's own pre-state; otherwise, for a call site, the global
    variables the callee modifies -> the temporaries holding their values before the call
    (other globals read their current value inside old)."""

    rename: dict[str, str]
    old: dict[str, str] | None = None


@dataclass(slots=True)
class LAssert:
    expr: A.Expr
    check: Check
    scope: Scope | None = None


@dataclass(slots=True)
class LAssume:
    expr: A.Expr
    scope: Scope | None = None
    invariant: bool = False


@dataclass(slots=True)
class LHavoc:
    names: tuple[str, ...]
    span: Span = NO_SPAN


@dataclass(slots=True)
class LAssign:
    """names are internal variable names; rhss are read in `scope` (the body when None)."""

    names: tuple[str, ...]
    rhss: tuple[A.Expr, ...]
    span: Span = NO_SPAN
    scope: Scope | None = None


LCmd = LAssert | LAssume | LHavoc | LAssign


@dataclass(eq=False, slots=True)
class BBlock:
    label: str
    cmds: list[LCmd] = field(default_factory=list)
    succs: list[BBlock] = field(default_factory=list)
    span: Span = NO_SPAN
    user: bool = False  # a block written in the source (its leading asserts may be invariants)


@dataclass(slots=True)
class Cfg:
    entry: BBlock
    blocks: list[BBlock]
    var_types: dict[str, A.Type]  # every local, formal and temporary (internal names)
    # where clauses by variable, with the scope their names are read in
    wheres: dict[str, tuple[A.Expr, Scope | None]] = field(default_factory=dict)
    # source name -> internal name, for formals and locals that shadow a global variable
    internal: dict[str, str] = field(default_factory=dict)


class LoweringError(Exception):
    def __init__(self, span: Span, message: str) -> None:
        super().__init__(message)
        self.span = span
        self.message = message


class _Lowerer:
    def __init__(self, info: ProgramInfo, impl: ImplInfo) -> None:
        self.info = info
        self.impl = impl
        self.proc = impl.proc
        self.blocks: list[BBlock] = []
        self.var_types: dict[str, A.Type] = {}
        # a formal or local named like a global variable gets an internal name ('@' cannot
        # occur in source names), so that the two never share incarnations
        self.internal: dict[str, str] = {
            f.name: f"{f.name}@local" for f in impl.ins + impl.outs + impl.body.locals
            if f.name in info.globals}
        self.own = Scope({p.name: self.iname(f.name)
                          for p, f in zip(self.proc.ins + self.proc.outs, impl.ins + impl.outs)})
        self.wheres: dict[str, tuple[A.Expr, Scope | None]] = {}
        for g in info.globals.values():
            if g.where is not None:  # read among globals, whatever the locals are called
                self.wheres[g.name] = (g.where, Scope({}))
        for f in impl.ins + impl.outs + impl.body.locals:
            self.var_types[self.iname(f.name)] = info.resolve_type(f.type)
            if f.where is not None:
                self.wheres[self.iname(f.name)] = (f.where, None)
        # the procedure's where clauses on its formals, renamed to the implementation's
        for p, f in zip(self.proc.ins + self.proc.outs, impl.ins + impl.outs):
            if p.where is not None and f.where is None:
                self.wheres[self.iname(f.name)] = (p.where, self.own)
        self.cur: BBlock | None = None
        self.breaks: list[BBlock] = []
        self.exits: dict[str, BBlock] = {}  # label of an enclosing if/while -> after it
        self.ncalls = 0
        self.labels: dict[str, BBlock] = {}
        end = impl.body.span
        self.end_span = Span(end.file, max(end.start, end.end - 1), end.end) if end.file else \
            impl.span

    def new_block(self, label: str, span: Span = NO_SPAN) -> BBlock:
        b = BBlock(label, span=span)
        self.blocks.append(b)
        return b

    def jump(self, target: BBlock) -> None:
        if self.cur is not None:
            self.cur.succs.append(target)
        self.cur = None

    def lower(self) -> Cfg:
        entry = self.new_block("$entry", self.impl.span)
        for w, scope in self.wheres.values():  # Boogie: where clauses hold initially
            entry.cmds.append(LAssume(w, scope))
        for r in self.proc.requires:
            entry.cmds.append(LAssume(r.expr, self.own))
        user = self.impl.body.blocks
        targets: list[BBlock] = []
        for i, b in enumerate(user):
            blk = BBlock(b.label or f"$start{i}", span=b.span, user=True)
            self.labels[blk.label] = blk
            targets.append(blk)
        for name, lspan in _nested_labels(user):
            self.labels[name] = BBlock(name, span=lspan, user=True)
        self.cur = entry
        self.jump(targets[0])
        for i, b in enumerate(user):
            blk = targets[i]
            self.blocks.append(blk)
            self.cur = blk
            self.stmts(b.stmts, b.label or None)
            if self.cur is not None:
                if i + 1 < len(user):
                    self.jump(targets[i + 1])
                else:
                    self.ret(self.end_span)
        return Cfg(entry, self.blocks, self.var_types, self.wheres, self.internal)

    def iname(self, name: str) -> str:
        """The internal name of a variable named `name` in the body."""
        return self.internal.get(name, name)

    def ret(self, span: Span) -> None:
        if self.cur is None:
            return
        for en in self.proc.ensures:
            if not en.free:
                self.cur.cmds.append(LAssert(en.expr, Check(FailureKind.POSTCONDITION, span,
                                                            en.span, en.info), self.own))
        self.cur = None

    def emit(self, c: LCmd) -> None:
        if self.cur is not None:
            self.cur.cmds.append(c)

    def stmts(self, stmts: tuple[A.Stmt, ...], label: str | None = None) -> None:
        """Lower a statement list; `label` labels its first statement (a block's label)."""
        for s in stmts:
            if isinstance(s, A.Label):  # a goto target inside a structured statement
                target = self.labels[s.name]
                self.jump(target)
                self.blocks.append(target)
                self.cur = target
                label = s.name
                continue
            if self.cur is None:
                # unreachable code after a transfer: still lowered (into a block without
                # predecessors, which is dropped), so it cannot hide anything reachable
                self.cur = self.new_block("$dead")
            self.stmt(s, label)
            label = None

    def stmt(self, s: A.Stmt, label: str | None = None) -> None:
        if isinstance(s, A.Assert):
            self.emit(LAssert(s.expr, Check(FailureKind.ASSERTION, s.span, NO_SPAN, s.info)))
        elif isinstance(s, A.Assume):
            self.emit(LAssume(s.expr))
        elif isinstance(s, A.Havoc):
            self.emit(LHavoc(tuple(self.iname(n) for n in s.names), s.span))
        elif isinstance(s, A.Assign):
            names: list[str] = []
            rhss: list[A.Expr] = []
            for lhs, rhs in zip(s.lhss, s.rhss):
                n, r = _desugar_lhs(lhs, rhs)
                names.append(self.iname(n))
                rhss.append(r)
            self.emit(LAssign(tuple(names), tuple(rhss), s.span))
        elif isinstance(s, A.Call):
            self.call(s)
        elif isinstance(s, A.Goto):
            self.jump_many([self.labels[lab] for lab in s.labels])
        elif isinstance(s, A.Return):
            self.ret(s.span)
        elif isinstance(s, A.Break):
            if s.label is not None:
                if s.label not in self.exits:
                    raise LoweringError(s.span, f"break label {s.label} does not label an "
                                                f"enclosing if or while statement")
                self.jump(self.exits[s.label])
            elif not self.breaks:
                raise LoweringError(s.span, "break statement is not inside a loop")
            else:
                self.jump(self.breaks[-1])
        elif isinstance(s, A.If):
            self.if_(s, label)
        elif isinstance(s, A.While):
            self.while_(s, label)
        else:
            raise LoweringError(s.span, f"unsupported: statement {type(s).__name__}")

    def jump_many(self, targets: list[BBlock]) -> None:
        if self.cur is not None:
            self.cur.succs.extend(targets)
        self.cur = None

    def if_(self, s: A.If, label: str | None = None) -> None:
        then_b = self.new_block("$then", s.span)
        else_b = self.new_block("$else", s.span)
        join = BBlock("$join", span=s.span)
        if label is not None:  # `break label` inside goes to the join
            self.exits[label] = join
        self.jump_many([then_b, else_b])
        if s.cond is not None:
            then_b.cmds.append(LAssume(s.cond))
            else_b.cmds.append(LAssume(A.Unary("!", s.cond, span=s.cond.span)))
        self.cur = then_b
        self.stmts(s.then)
        self.jump(join)
        self.cur = else_b
        if s.else_ is not None:
            self.stmts(s.else_)
        self.jump(join)
        self.blocks.append(join)
        self.cur = join
        if label is not None:
            del self.exits[label]

    def while_(self, s: A.While, label: str | None = None) -> None:
        head = self.new_block("$loophead", s.span)
        body = self.new_block("$loopbody", s.span)
        exit_ = BBlock("$loopexit", span=s.span)
        self.jump(head)
        for inv in s.invariants:
            if inv.free:
                head.cmds.append(LAssume(inv.expr, None, True))
            else:
                head.cmds.append(LAssert(inv.expr, Check("invariant", inv.span, inv.span,
                                                         inv.info)))
        head.succs.extend([body, exit_])
        if s.cond is not None:
            body.cmds.append(LAssume(s.cond))
            exit_.cmds.append(LAssume(A.Unary("!", s.cond, span=s.cond.span)))
        after = BBlock("$afterloop", span=s.span)  # where `break` goes: no guard assumed
        if label is not None:
            self.exits[label] = after
        self.cur = body
        self.breaks.append(after)
        self.stmts(s.body)
        self.breaks.pop()
        self.jump(head)
        self.blocks.append(exit_)
        exit_.succs.append(after)
        self.blocks.append(after)
        self.cur = after
        if label is not None:
            del self.exits[label]

    def temp(self, name: str, t: A.Type) -> str:
        self.var_types[name] = self.info.resolve_type(t)
        return name

    def call(self, s: A.Call) -> None:
        p = self.info.procedures[s.proc]
        self.ncalls += 1
        k = self.ncalls
        rename: dict[str, str] = {}
        ins: list[str] = []
        for f, a in zip(p.ins, s.args):
            t = self.temp(f"call@{k}@in@{f.name}", f.type)
            rename[f.name] = t
            ins.append(t)
        if ins:
            self.emit(LAssign(tuple(ins), s.args, s.span))
        pre_scope = Scope(rename)
        for r in p.requires:
            if r.free:
                continue  # free requires are neither checked nor assumed at call sites
            if s.free:
                self.emit(LAssume(r.expr, pre_scope))
            else:
                self.emit(LAssert(r.expr, Check(FailureKind.PRECONDITION, s.span, r.span,
                                                r.info, s.info), pre_scope))
        olds: dict[str, str] = {}
        for g in p.modifies:
            olds[g] = self.temp(f"call@{k}@old@{g}", self.info.globals[g].type)
        if olds:  # read among globals (Scope({})), even where a local shadows one
            self.emit(LAssign(tuple(olds.values()), tuple(A.Ident(g) for g in olds), s.span,
                              Scope({})))
        outs: list[str] = []
        for f in p.outs:
            t = self.temp(f"call@{k}@out@{f.name}", f.type)
            rename[f.name] = t
            outs.append(t)
        if p.modifies or outs:
            self.emit(LHavoc(tuple(p.modifies) + tuple(outs), s.span))
        post_scope = Scope(dict(rename), olds)
        for f in p.outs:  # Boogie: the callee's where clauses on results hold after the call
            if f.where is not None:
                self.emit(LAssume(f.where, post_scope))
        for en in p.ensures:
            self.emit(LAssume(en.expr, post_scope))
        if outs:  # the temporaries are read by their (internal) names
            self.emit(LAssign(tuple(self.iname(o) for o in s.outs),
                              tuple(A.Ident(t) for t in outs), s.span,
                              Scope({t: t for t in outs})))


def _nested_labels(blocks: tuple[A.Block, ...]) -> list[tuple[str, Span]]:
    """Labels inside structured statements (the type checker made them unique)."""
    out: list[tuple[str, Span]] = []
    stack: list[A.Stmt] = [s for b in blocks for s in b.stmts]
    while stack:
        s = stack.pop()
        if isinstance(s, A.Label):
            out.append((s.name, s.span))
        elif isinstance(s, A.If):
            stack.extend(s.then)
            stack.extend(s.else_ or ())
        elif isinstance(s, A.While):
            stack.extend(s.body)
    return out


def _desugar_lhs(lhs: A.Expr, rhs: A.Expr) -> tuple[str, A.Expr]:
    """`m[i][j] := v`  ~>  `m := m[i := m[i][j := v]]`."""
    while isinstance(lhs, A.MapSelect):
        rhs = A.MapStore(lhs.map, lhs.indexes, rhs, span=lhs.span)
        lhs = lhs.map
    assert isinstance(lhs, A.Ident)
    return lhs.name, rhs


def lower_implementation(info: ProgramInfo, impl: ImplInfo) -> Cfg:
    """Lower `impl` to basic blocks (see the module docstring); loops are not yet cut."""
    return _Lowerer(info, impl).lower()
