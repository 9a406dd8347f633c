"""Name resolution and type checking of IVL programs.

Takes: a `Program` (parsed or built in memory).
Guarantees: `check_program` returns a `ProgramInfo` (symbol tables: type constructors and
synonyms, constants, global variables, functions, procedures, and the list of implementations to
verify, each paired with its procedure) together with a list of `Diagnostic`s. When the list has
no errors, every identifier resolves, every expression is well typed, every assignment targets a
mutable variable (a local, an out-parameter, or a global in the enclosing procedure's
`modifies`), `old` occurs only in two-state contexts (postconditions and bodies), every goto
label exists and every `break` is inside a loop. Later stages rely on these facts and on type
synonyms being expanded by `ProgramInfo.resolve_type`.

Type parameters: type constructors may take arguments (`type Field _;`), functions and maps may
be polymorphic (`function f<T>(x: T): int`, `<a>[Ref, Field a]a`); uses are instantiated by
first-order unification. A polymorphic quantifier (`forall<T> ...`) is accepted only as a
top-level conjunct of an axiom (the encoder instantiates it); elsewhere, and polymorphic
procedures, are reported as unsupported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..diagnostics import Diagnostic
from ..syntax.source import Span
from . import ast as A

_ARITH = ("+", "-", "*")
_RESERVED_CHARS = ("@", "%", "!")
_REL = ("<", "<=", ">", ">=")
_LOGIC = ("&&", "||", "==>", "<==", "<==>")


@dataclass(slots=True)
class ProcInfo:
    decl: A.ProcedureDecl


@dataclass(slots=True)
class ImplInfo:
    """An implementation to verify: its formals (renamed per the implementation) and body."""

    name: str
    proc: A.ProcedureDecl
    ins: tuple[A.Formal, ...]
    outs: tuple[A.Formal, ...]
    body: A.Body
    span: Span
    attrs: A.Attrs


@dataclass(slots=True)
class ProgramInfo:
    types: dict[str, A.TypeCtorDecl] = field(default_factory=dict)
    consts: dict[str, A.ConstDecl] = field(default_factory=dict)
    globals: dict[str, A.GlobalVarDecl] = field(default_factory=dict)
    functions: dict[str, A.FunctionDecl] = field(default_factory=dict)
    procedures: dict[str, A.ProcedureDecl] = field(default_factory=dict)
    axioms: list[A.AxiomDecl] = field(default_factory=list)
    impls: list[ImplInfo] = field(default_factory=list)

    def resolve_type(self, t: A.Type, tvars: frozenset[str] = frozenset()) -> A.Type:
        """Expand synonyms and turn names of bound type parameters into TypeVars (no checks)."""
        if isinstance(t, A.CtorType):
            if t.name in tvars and not t.args:
                return A.TypeVar(t.name)
            args = tuple(self.resolve_type(a, tvars) for a in t.args)
            d = self.types.get(t.name)
            if d is not None and d.synonym is not None:
                sub = dict(zip(d.params, args))
                return _subst(self.resolve_type(d.synonym, tvars | frozenset(d.params)), sub)
            return A.CtorType(t.name, args)
        if isinstance(t, A.MapType):
            inner = tvars | frozenset(t.tparams)
            return A.MapType(t.tparams, tuple(self.resolve_type(d, inner) for d in t.domain),
                             self.resolve_type(t.range, inner))
        if isinstance(t, A.BasicType):
            return A.BasicType(t.name)
        if isinstance(t, A.BvType):
            return A.BvType(t.width)
        if isinstance(t, A.TypeVar):
            return A.TypeVar(t.name)
        return t


def _subst(t: A.Type, sub: dict[str, A.Type]) -> A.Type:
    if not sub:
        return t
    if isinstance(t, A.TypeVar):
        return sub.get(t.name, t)
    if isinstance(t, A.CtorType):
        return A.CtorType(t.name, tuple(_subst(a, sub) for a in t.args))
    if isinstance(t, A.MapType):
        inner = {k: v for k, v in sub.items() if k not in t.tparams}
        return A.MapType(t.tparams, tuple(_subst(d, inner) for d in t.domain),
                         _subst(t.range, inner))
    return t


def subst_type(t: A.Type, sub: dict[str, A.Type]) -> A.Type:
    """Replace type variables by types (used by the term translator for polymorphic maps)."""
    return _subst(t, sub)


def unify(pattern: A.Type, actual: A.Type, params: frozenset[str],
          sub: dict[str, A.Type]) -> bool:
    """Extend `sub` (for type variables named in `params`) so pattern[sub] == actual."""
    if isinstance(pattern, A.TypeVar) and pattern.name in params:
        bound = sub.get(pattern.name)
        if bound is None:
            sub[pattern.name] = actual
            return True
        return bound == actual
    if isinstance(pattern, A.CtorType):
        return (isinstance(actual, A.CtorType) and actual.name == pattern.name
                and len(actual.args) == len(pattern.args)
                and all(unify(p, a, params, sub) for p, a in zip(pattern.args, actual.args)))
    if isinstance(pattern, A.MapType):
        if not (isinstance(actual, A.MapType) and len(actual.domain) == len(pattern.domain)
                and len(actual.tparams) == len(pattern.tparams)):
            return False
        ren: dict[str, A.Type] = {b: A.TypeVar(a)
                                  for a, b in zip(pattern.tparams, actual.tparams)}
        inner = params - frozenset(pattern.tparams)
        return (all(unify(p, _subst(a, ren), inner, sub)
                    for p, a in zip(pattern.domain, actual.domain))
                and unify(pattern.range, _subst(actual.range, ren), inner, sub))
    return pattern == actual


@dataclass(slots=True)
class _Var:
    type: A.Type
    kind: str  # "const", "global", "in", "out", "local", "bound", "formal"


class _Ctx:
    """Where an expression occurs: which names are visible and what is allowed."""

    __slots__ = ("break_labels", "in_loop", "modifies", "old_ok", "scopes", "tvars")

    def __init__(self, scopes: list[dict[str, _Var]], old_ok: bool,
                 tvars: frozenset[str] = frozenset(), modifies: frozenset[str] = frozenset()):
        self.scopes = scopes
        self.old_ok = old_ok
        self.tvars = tvars
        self.modifies = modifies
        self.in_loop = 0
        self.break_labels: list[str] = []  # labels of the enclosing labelled if/while

    def lookup(self, name: str) -> _Var | None:
        for s in reversed(self.scopes):
            v = s.get(name)
            if v is not None:
                return v
        return None


class _TypeError(Exception):
    pass


class Checker:
    def __init__(self, program: A.Program) -> None:
        self.program = program
        self.info = ProgramInfo()
        self.diags: list[Diagnostic] = []
        self.globals_scope: dict[str, _Var] = {}

    # ----------------------------------------------------------------- reporting
    def err(self, span: Span, msg: str, code: str = "type") -> None:
        self.diags.append(Diagnostic(span, msg, code=code))

    # ----------------------------------------------------------------- driver
    def run(self) -> tuple[ProgramInfo, list[Diagnostic]]:
        info = self.info
        # pass 1: collect names
        for d in self.program.decls:
            if isinstance(d, A.TypeCtorDecl):
                self._declare(info.types, d.name, d, d.span, "type")
            elif isinstance(d, A.ConstDecl):
                self._declare_value(d.name, d, d.span)
                info.consts[d.name] = d
            elif isinstance(d, A.GlobalVarDecl):
                self._declare_value(d.name, d, d.span)
                info.globals[d.name] = d
            elif isinstance(d, A.FunctionDecl):
                self._declare(info.functions, d.name, d, d.span, "function")
            elif isinstance(d, A.ProcedureDecl):
                self._declare(info.procedures, d.name, d, d.span, "procedure")
            elif isinstance(d, A.AxiomDecl):
                info.axioms.append(d)
        if self.diags:
            return info, self.diags
        # pass 2: types of declarations
        for d in self.program.decls:
            if isinstance(d, A.TypeCtorDecl) and d.synonym is not None:
                self.check_type(d.synonym, frozenset(d.params))
        for name, d in list(info.consts.items()):
            self.check_type(d.type, frozenset())
            self.globals_scope[name] = _Var(info.resolve_type(d.type), "const")
        for name, g in list(info.globals.items()):
            self.check_type(g.type, frozenset())
            self.globals_scope[name] = _Var(info.resolve_type(g.type), "global")
        for f in info.functions.values():
            tv = frozenset(f.tparams)
            for p in f.params:
                self.check_type(p.type, tv)
            self.check_type(f.result, tv)
        if self.diags:
            return info, self.diags
        # pass 3: bodies
        for d in self.program.decls:
            try:
                if isinstance(d, A.GlobalVarDecl) and d.where is not None:
                    self.expect_bool(d.where, _Ctx([self.globals_scope], False))
                elif isinstance(d, A.FunctionDecl):
                    self.check_function(d)
                elif isinstance(d, A.AxiomDecl):
                    self.axiom(d.expr, _Ctx([self.globals_scope], False))
                elif isinstance(d, A.ProcedureDecl):
                    self.check_procedure(d)
                elif isinstance(d, A.ImplementationDecl):
                    self.check_implementation(d)
            except _TypeError:
                pass
        return info, self.diags

    def axiom(self, e: A.Expr, ctx: _Ctx) -> None:
        """An axiom; its top-level conjuncts may be polymorphic quantifiers (`forall<T> ...`),
        which the encoder instantiates for the types in use: assuming fewer instances of an
        axiom is sound, which is why they are allowed only here."""
        if isinstance(e, A.Binary) and e.op == "&&":
            self.axiom(e.left, ctx)
            self.axiom(e.right, ctx)
        elif isinstance(e, A.Quantifier) and e.tparams and e.kind == "forall":
            inner = _Ctx(ctx.scopes, False, ctx.tvars | frozenset(e.tparams))
            self.expect_bool(A.Quantifier(e.kind, e.vars, e.body, e.triggers, e.attrs,
                                          span=e.span), inner)
        else:
            self.expect_bool(e, ctx)

    def check_name(self, name: str, span: Span) -> None:
        """Names built in memory could contain what the text form cannot; '@', '%' and '!'
        are reserved for incarnations, labels and bound variables in the VC."""
        if any(c in name for c in _RESERVED_CHARS):
            self.err(span, f"unsupported: identifier '{name}' contains one of the characters "
                           f"'@', '%', '!' (reserved for the verifier)", "resolution")

    def _declare(self, table: dict[str, Any], name: str, d: A.Node, span: Span, what: str) -> None:
        self.check_name(name, span)
        if name in table:
            self.err(span, f"more than one declaration of {what} name: {name}", "resolution")
        else:
            table[name] = d

    def _declare_value(self, name: str, d: A.Node, span: Span) -> None:
        self.check_name(name, span)
        if name in self.info.consts or name in self.info.globals:
            self.err(span, f"more than one declaration of variable name: {name}", "resolution")

    # ----------------------------------------------------------------- types
    def check_type(self, t: A.Type, tvars: frozenset[str]) -> None:
        if isinstance(t, A.CtorType):
            if t.name in tvars and not t.args:
                return
            d = self.info.types.get(t.name)
            if d is None:
                self.err(t.span, f"undeclared type: {t.name}", "resolution")
                return
            if len(d.params) != len(t.args):
                self.err(t.span, f"type constructor received wrong number of arguments: "
                                 f"{t.name}", "type")
            for a in t.args:
                self.check_type(a, tvars)
        elif isinstance(t, A.MapType):
            inner = tvars | frozenset(t.tparams)
            for dt in t.domain:
                self.check_type(dt, inner)
            self.check_type(t.range, inner)
            for tp in t.tparams:
                if not any(_mentions(dt, tp) for dt in t.domain):
                    self.err(t.span, f"type variable must occur in map arguments: {tp}")
        elif isinstance(t, A.BvType) and t.width <= 0:
            self.err(t.span, "unsupported: bit-vector type of width 0")

    def rtype(self, t: A.Type, ctx: _Ctx) -> A.Type:
        self.check_type(t, ctx.tvars)
        return self.info.resolve_type(t, ctx.tvars)

    # ----------------------------------------------------------------- declarations
    def check_function(self, f: A.FunctionDecl) -> None:
        tv = frozenset(f.tparams)
        scope: dict[str, _Var] = {}
        for p in f.params:
            if p.name in scope:
                self.err(p.span, f"more than one declaration of variable name: {p.name}")
            scope[p.name] = _Var(self.info.resolve_type(p.type, tv), "formal")
        if f.body is not None:
            ctx = _Ctx([self.globals_scope, scope], False, tv)
            t = self.expr(f.body, ctx)
            self.expect_type(t, self.info.resolve_type(f.result, tv), f.body.span,
                             "function body")

    def _formals_scope(self, formals: tuple[A.Formal, ...], kind: str, tv: frozenset[str],
                       scope: dict[str, _Var], check: bool = True) -> None:
        for p in formals:
            self.check_name(p.name, p.span)
            if p.name in scope:
                self.err(p.span, f"more than one declaration of variable name: {p.name}",
                         "resolution")
            if check:
                self.check_type(p.type, tv)
            scope[p.name] = _Var(self.info.resolve_type(p.type, tv), kind)

    def check_procedure(self, p: A.ProcedureDecl) -> None:
        if p.tparams:
            self.err(p.span, "unsupported: polymorphic procedures")
            return
        ins: dict[str, _Var] = {}
        self._formals_scope(p.ins, "in", frozenset(), ins)
        outs = dict(ins)
        self._formals_scope(p.outs, "out", frozenset(), outs)
        for m in p.modifies:
            if m not in self.info.globals:
                self.err(p.span, f"undeclared global variable in modifies clause: {m}",
                         "resolution")
        for r in p.requires:
            self.bool_guarded(r.expr, _Ctx([self.globals_scope, ins], False))
        for e in p.ensures:
            self.bool_guarded(e.expr, _Ctx([self.globals_scope, outs], True))
        for f in p.ins + p.outs:
            if f.where is not None:
                self.bool_guarded(f.where, _Ctx([self.globals_scope, outs], False))
        if p.body is not None:
            self._check_body(p.name, p, p.ins, p.outs, p.body, p.span, p.attrs)

    def check_implementation(self, d: A.ImplementationDecl) -> None:
        p = self.info.procedures.get(d.name)
        if p is None:
            self.err(d.span, f"implementation given for undeclared procedure: {d.name}",
                     "resolution")
            return
        if len(d.ins) != len(p.ins) or len(d.outs) != len(p.outs):
            self.err(d.span, f"mismatched number of parameters in implementation of {d.name}")
            return
        for a, b in zip(d.ins + d.outs, p.ins + p.outs):
            if self.info.resolve_type(a.type) != self.info.resolve_type(b.type):
                self.err(a.span, f"mismatched type of parameter {a.name} in implementation "
                                 f"{d.name}: {a.type} (expected {b.type})")
        self._check_body(d.name, p, d.ins, d.outs, d.body, d.span, d.attrs)

    def bool_guarded(self, e: A.Expr, ctx: _Ctx) -> None:
        """Check that e is boolean; an error in it is reported and checking goes on."""
        try:
            self.expect_bool(e, ctx)
        except _TypeError:
            pass

    def _check_body(self, name: str, p: A.ProcedureDecl, ins: tuple[A.Formal, ...],
                    outs: tuple[A.Formal, ...], body: A.Body, span: Span,
                    attrs: A.Attrs) -> None:
        scope: dict[str, _Var] = {}
        own = ins is p.ins  # the procedure's own formals were checked with its declaration
        self._formals_scope(ins, "in", frozenset(), scope, not own)
        self._formals_scope(outs, "out", frozenset(), scope, not own)
        self._formals_scope(body.locals, "local", frozenset(), scope)
        ctx = _Ctx([self.globals_scope, scope], True, frozenset(), frozenset(p.modifies))
        for f in body.locals:
            if f.where is not None:
                self.bool_guarded(f.where, ctx)
        labels: set[str] = set()
        for lab, lspan in _all_labels(body):
            if lab in labels:
                self.err(lspan, f"more than one declaration of label: {lab}", "resolution")
            labels.add(lab)
        n_before = len(self.diags)
        for b in body.blocks:
            self.stmts(b.stmts, ctx, labels, b.label or None)
        if len(self.diags) == n_before:
            self.info.impls.append(ImplInfo(name, p, ins, outs, body, span, attrs))

    # ----------------------------------------------------------------- statements
    def stmts(self, stmts: tuple[A.Stmt, ...], ctx: _Ctx, labels: set[str],
              label: str | None = None) -> None:
        """`label` labels the first statement (the label of the enclosing block)."""
        for i, s in enumerate(stmts):
            if isinstance(s, (A.Goto, A.Return)) and i != len(stmts) - 1 and \
                    not isinstance(stmts[i + 1], A.Label):
                self.err(stmts[i + 1].span, "unreachable statement after a goto or return",
                         "resolution")
            if isinstance(s, A.Label):
                label = s.name
                continue
            labelled = label is not None and isinstance(s, (A.If, A.While))
            if labelled:
                assert label is not None
                ctx.break_labels.append(label)
            try:
                self.stmt(s, ctx, labels)
            except _TypeError:
                pass
            finally:
                if labelled:
                    ctx.break_labels.pop()
            label = None

    def assignable(self, name: str, span: Span, ctx: _Ctx) -> A.Type:
        v = ctx.lookup(name)
        if v is None:
            self.err(span, f"undeclared identifier: {name}", "resolution")
            raise _TypeError
        if v.kind in ("in", "const", "bound", "formal"):
            self.err(span, f"command assigns to an immutable variable: {name}")
            raise _TypeError
        if v.kind == "global" and name not in ctx.modifies:
            self.err(span, f"command assigns to a global variable that is not in the enclosing "
                           f"procedure's modifies clause: {name}")
            raise _TypeError
        return v.type

    def stmt(self, s: A.Stmt, ctx: _Ctx, labels: set[str]) -> None:
        if isinstance(s, (A.Assert, A.Assume)):
            self.expect_bool(s.expr, ctx)
        elif isinstance(s, A.Havoc):
            for n in s.names:
                self.assignable(n, s.span, ctx)
        elif isinstance(s, A.Assign):
            if len(s.lhss) != len(s.rhss):
                self.err(s.span, "number of left-hand sides does not match number of "
                                 "right-hand sides")
                return
            seen: set[str] = set()
            for lhs, rhs in zip(s.lhss, s.rhss):
                t = self.lhs_type(lhs, ctx)
                root = _lhs_root(lhs)
                if root in seen:
                    self.err(lhs.span, f"variable {root} is assigned more than once in "
                                       f"parallel assignment")
                seen.add(root)
                self.expect_type(self.expr(rhs, ctx), t, rhs.span, "right-hand side")
        elif isinstance(s, A.Call):
            p = self.info.procedures.get(s.proc)
            if p is None:
                self.err(s.span, f"call to undeclared procedure: {s.proc}", "resolution")
                return
            if len(s.args) != len(p.ins):
                self.err(s.span, f"wrong number of arguments in call to {s.proc}: "
                                 f"{len(s.args)} (expected {len(p.ins)})")
                return
            if len(s.outs) != len(p.outs):
                self.err(s.span, f"wrong number of result variables in call to {s.proc}: "
                                 f"{len(s.outs)} (expected {len(p.outs)})")
                return
            for a, f in zip(s.args, p.ins):
                self.expect_type(self.expr(a, ctx), self.info.resolve_type(f.type), a.span,
                                 "argument")
            for o, f in zip(s.outs, p.outs):
                t = self.assignable(o, s.span, ctx)
                self.expect_type(t, self.info.resolve_type(f.type), s.span,
                                 f"result variable {o}")
            for m in p.modifies:
                if m not in ctx.modifies:
                    self.err(s.span, f"call to {s.proc} modifies global variable {m}, which is "
                                     f"not in the enclosing procedure's modifies clause")
            if len(set(s.outs)) != len(s.outs):
                self.err(s.span, "a variable is used more than once as a call result")
        elif isinstance(s, A.Goto):
            for lab in s.labels:
                if lab not in labels:
                    self.err(s.span, f"undeclared label: {lab}", "resolution")
        elif isinstance(s, A.Return):
            pass
        elif isinstance(s, A.Break):
            if s.label is not None:
                if s.label not in ctx.break_labels:
                    self.err(s.span, f"break label {s.label} does not label an enclosing "
                                     f"if or while statement", "resolution")
            elif not ctx.in_loop:
                self.err(s.span, "break statement is not inside a loop")
        elif isinstance(s, A.If):
            if s.cond is not None:
                self.expect_bool(s.cond, ctx)
            self.stmts(s.then, ctx, labels)
            if s.else_ is not None:
                self.stmts(s.else_, ctx, labels)
        elif isinstance(s, A.While):
            if s.cond is not None:
                self.expect_bool(s.cond, ctx)
            for inv in s.invariants:
                self.bool_guarded(inv.expr, ctx)
            ctx.in_loop += 1
            self.stmts(s.body, ctx, labels)
            ctx.in_loop -= 1
        else:
            self.err(s.span, f"unsupported: statement {type(s).__name__}")

    def lhs_type(self, lhs: A.Expr, ctx: _Ctx) -> A.Type:
        if isinstance(lhs, A.Ident):
            return self.assignable(lhs.name, lhs.span, ctx)
        if isinstance(lhs, A.MapSelect):
            mt = self.lhs_type(lhs.map, ctx)
            return self.select_type(mt, lhs.indexes, lhs.span, ctx)
        self.err(lhs.span, "the left-hand side of an assignment must be a variable or a map "
                           "element")
        raise _TypeError

    # ----------------------------------------------------------------- expressions
    def expect_type(self, actual: A.Type, expected: A.Type, span: Span, what: str) -> None:
        if actual != expected:
            self.err(span, f"mismatched types in {what}: {actual} (expected {expected})")
            raise _TypeError

    def expect_bool(self, e: A.Expr, ctx: _Ctx) -> None:
        t = self.expr(e, ctx)
        if t != A.BOOL:
            self.err(e.span, f"expected a boolean expression but found type {t}")
            raise _TypeError

    def select_type(self, mt: A.Type, indexes: tuple[A.Expr, ...], span: Span,
                    ctx: _Ctx) -> A.Type:
        if not isinstance(mt, A.MapType):
            self.err(span, f"selection is applied to a non-map of type {mt}")
            raise _TypeError
        if len(indexes) != len(mt.domain):
            self.err(span, f"wrong number of indexes: {len(indexes)} (expected "
                           f"{len(mt.domain)})")
            raise _TypeError
        sub: dict[str, A.Type] = {}
        params = frozenset(mt.tparams)
        for i, d in zip(indexes, mt.domain):
            it = self.expr(i, ctx)
            if not unify(d, it, params, sub):
                self.err(i.span, f"mismatched type of map index: {it} (expected {d})")
                raise _TypeError
        return _subst(mt.range, sub)

    def expr(self, e: A.Expr, ctx: _Ctx) -> A.Type:
        if isinstance(e, A.Ident):
            v = ctx.lookup(e.name)
            if v is None:
                self.err(e.span, f"undeclared identifier: {e.name}", "resolution")
                raise _TypeError
            return v.type
        if isinstance(e, A.IntLit):
            return A.INT
        if isinstance(e, A.BoolLit):
            return A.BOOL
        if isinstance(e, A.RealLit):
            return A.REAL
        if isinstance(e, A.BvLit):
            if e.width <= 0 or e.value < 0 or e.value >= (1 << e.width):
                self.err(e.span, f"bit-vector literal {e.value}bv{e.width} is out of range")
                raise _TypeError
            return A.BvType(e.width)
        if isinstance(e, A.Binary):
            return self.binary(e, ctx)
        if isinstance(e, A.Unary):
            t = self.expr(e.arg, ctx)
            if e.op == "!":
                if t != A.BOOL:
                    self.err(e.span, f"invalid argument type ({t}) to unary operator !")
                    raise _TypeError
                return t
            if t not in (A.INT, A.REAL):
                self.err(e.span, f"invalid argument type ({t}) to unary operator -")
                raise _TypeError
            return t
        if isinstance(e, A.Old):
            if not ctx.old_ok:
                self.err(e.span, "old expressions allowed only in two-state contexts")
                raise _TypeError
            saved = ctx.old_ok
            ctx.old_ok = False
            try:
                return self.expr(e.expr, ctx)
            finally:
                ctx.old_ok = saved
        if isinstance(e, A.FunApp):
            return self.funapp(e, ctx)
        if isinstance(e, A.MapSelect):
            return self.select_type(self.expr(e.map, ctx), e.indexes, e.span, ctx)
        if isinstance(e, A.MapStore):
            mt = self.expr(e.map, ctx)
            rt = self.select_type(mt, e.indexes, e.span, ctx)
            vt = self.expr(e.value, ctx)
            if isinstance(mt, A.MapType) and mt.tparams:
                if not unify(mt.range, vt, frozenset(mt.tparams), {}):
                    self.err(e.value.span, f"mismatched type of stored value: {vt}")
                    raise _TypeError
            else:
                self.expect_type(vt, rt, e.value.span, "map update")
            return mt
        if isinstance(e, A.BvExtract):
            t = self.expr(e.expr, ctx)
            if not isinstance(t, A.BvType):
                self.err(e.span, f"bit-vector extraction applied to a non-bit-vector of type {t}")
                raise _TypeError
            if not 0 <= e.lo < e.hi <= t.width:
                self.err(e.span, f"bit-vector extraction [{e.hi}:{e.lo}] out of range for "
                                 f"bv{t.width}")
                raise _TypeError
            return A.BvType(e.hi - e.lo)
        if isinstance(e, A.IfThenElse):
            self.expect_bool(e.cond, ctx)
            a = self.expr(e.then, ctx)
            b = self.expr(e.else_, ctx)
            self.expect_type(b, a, e.else_.span, "if-then-else branches")
            return a
        if isinstance(e, (A.Quantifier, A.Lambda)):
            if e.tparams:
                self.err(e.span, "unsupported: a polymorphic quantifier other than a top-level "
                                 "conjunct of an axiom")
                raise _TypeError
            scope: dict[str, _Var] = {}
            for bv in e.vars:
                self.check_name(bv.name, bv.span)
                if bv.name in scope:
                    self.err(bv.span, f"more than one declaration of variable name: {bv.name}")
                scope[bv.name] = _Var(self.rtype(bv.type, ctx), "bound")
            ctx.scopes.append(scope)
            try:
                if isinstance(e, A.Lambda):
                    bt = self.expr(e.body, ctx)
                    return A.MapType((), tuple(scope[v.name].type for v in e.vars), bt)
                self.expect_bool(e.body, ctx)
                triggers = [t.exprs for t in e.triggers] + [
                    tuple(x for x in a.args if isinstance(x, A.Expr))
                    for a in e.attrs if a.name == "trigger"]
                for trig in triggers:
                    for te in trig:
                        self.expr(te, ctx)
                        if not isinstance(te, (A.FunApp, A.MapSelect, A.MapStore)) or (
                                isinstance(te, A.FunApp) and te.name in ("int", "real")
                                and te.name not in self.info.functions):
                            self.err(te.span, "unsupported: a trigger term must be a function "
                                              "application or a map selection")
                    mentioned = set().union(*[_free_names(te) for te in trig]) if trig else set()
                    missing = [v.name for v in e.vars if v.name not in mentioned]
                    if missing and trig:
                        self.err(trig[0].span, f"trigger must mention all quantified "
                                               f"variables, but does not mention: "
                                               f"{', '.join(missing)}")
                return A.BOOL
            finally:
                ctx.scopes.pop()
        self.err(e.span, f"unsupported: expression {type(e).__name__}")
        raise _TypeError

    def binary(self, e: A.Binary, ctx: _Ctx) -> A.Type:
        op = e.op
        a = self.expr(e.left, ctx)
        b = self.expr(e.right, ctx)
        if op in _LOGIC:
            if a != A.BOOL or b != A.BOOL:
                self.err(e.span, f"invalid argument types ({a} and {b}) to binary operator {op}")
                raise _TypeError
            return A.BOOL
        if op in ("==", "!="):
            if a != b:
                self.err(e.span, f"invalid argument types ({a} and {b}) to binary operator {op}")
                raise _TypeError
            return A.BOOL
        if op in _REL:
            if a != b or a not in (A.INT, A.REAL):
                self.err(e.span, f"invalid argument types ({a} and {b}) to binary operator {op}")
                raise _TypeError
            return A.BOOL
        if op in _ARITH:
            if a != b or a not in (A.INT, A.REAL):
                self.err(e.span, f"invalid argument types ({a} and {b}) to binary operator {op}")
                raise _TypeError
            return a
        if op in ("div", "mod"):
            if a != A.INT or b != A.INT:
                self.err(e.span, f"invalid argument types ({a} and {b}) to binary operator {op}")
                raise _TypeError
            return A.INT
        if op == "/":
            if a != b or a not in (A.INT, A.REAL):
                self.err(e.span, f"invalid argument types ({a} and {b}) to binary operator /")
                raise _TypeError
            return A.REAL
        if op == "++":
            if not isinstance(a, A.BvType) or not isinstance(b, A.BvType):
                self.err(e.span, f"invalid argument types ({a} and {b}) to binary operator ++")
                raise _TypeError
            return A.BvType(a.width + b.width)
        self.err(e.span, f"unsupported: binary operator {op}")
        raise _TypeError

    def funapp(self, e: A.FunApp, ctx: _Ctx) -> A.Type:
        if e.name in ("int", "real") and e.name not in self.info.functions:
            if len(e.args) != 1:
                self.err(e.span, f"wrong number of arguments to {e.name}")
                raise _TypeError
            t = self.expr(e.args[0], ctx)
            if t not in (A.INT, A.REAL):
                self.err(e.span, f"invalid argument type ({t}) to {e.name}")
                raise _TypeError
            return A.INT if e.name == "int" else A.REAL
        f = self.info.functions.get(e.name)
        if f is None:
            self.err(e.span, f"undeclared function: {e.name}", "resolution")
            raise _TypeError
        if len(e.args) != len(f.params):
            self.err(e.span, f"wrong number of arguments in application of {e.name}: "
                             f"{len(e.args)} (expected {len(f.params)})")
            raise _TypeError
        tv = frozenset(f.tparams)
        sub: dict[str, A.Type] = {}
        for a, p in zip(e.args, f.params):
            at = self.expr(a, ctx)
            pt = self.info.resolve_type(p.type, tv)
            if not unify(pt, at, tv, sub):
                self.err(a.span, f"mismatched type of argument to {e.name}: {at} (expected "
                                 f"{pt})")
                raise _TypeError
        rt = self.info.resolve_type(f.result, tv)
        rt = _subst(rt, sub)
        if any(_mentions(self.info.resolve_type(f.result, tv), t) and t not in sub for t in tv):
            self.err(e.span, f"unsupported: cannot infer the type parameters of {e.name} from "
                             f"its arguments")
            raise _TypeError
        return rt


def _mentions(t: A.Type, name: str) -> bool:
    if isinstance(t, A.CtorType):
        return (t.name == name and not t.args) or any(_mentions(a, name) for a in t.args)
    if isinstance(t, A.TypeVar):
        return t.name == name
    if isinstance(t, A.MapType):
        if name in t.tparams:
            return False
        return any(_mentions(d, name) for d in t.domain) or _mentions(t.range, name)
    return False


def _all_labels(body: A.Body) -> list[tuple[str, Span]]:
    """Every label of a body: block labels and labels inside structured statements."""
    out: list[tuple[str, Span]] = []
    stack: list[A.Stmt] = []
    for b in body.blocks:
        if b.label:
            out.append((b.label, b.span))
        stack.extend(b.stmts)
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


def _free_names(e: A.Expr) -> set[str]:
    """Identifiers occurring free in e."""
    out: set[str] = set()
    stack: list[tuple[A.Expr, frozenset[str]]] = [(e, frozenset())]
    while stack:
        x, bound = stack.pop()
        if isinstance(x, A.Ident):
            if x.name not in bound:
                out.add(x.name)
        elif isinstance(x, (A.Quantifier, A.Lambda)):
            stack.append((x.body, bound | {v.name for v in x.vars}))
        elif isinstance(x, A.Binary):
            stack += [(x.left, bound), (x.right, bound)]
        elif isinstance(x, (A.Unary,)):
            stack.append((x.arg, bound))
        elif isinstance(x, A.Old):
            stack.append((x.expr, bound))
        elif isinstance(x, A.FunApp):
            stack += [(a, bound) for a in x.args]
        elif isinstance(x, A.MapSelect):
            stack += [(x.map, bound)] + [(a, bound) for a in x.indexes]
        elif isinstance(x, A.MapStore):
            stack += [(x.map, bound), (x.value, bound)] + [(a, bound) for a in x.indexes]
        elif isinstance(x, A.IfThenElse):
            stack += [(x.cond, bound), (x.then, bound), (x.else_, bound)]
        elif isinstance(x, A.BvExtract):
            stack.append((x.expr, bound))
    return out


def _lhs_root(e: A.Expr) -> str:
    while isinstance(e, A.MapSelect):
        e = e.map
    return e.name if isinstance(e, A.Ident) else ""


def check_program(program: A.Program) -> tuple[ProgramInfo, list[Diagnostic]]:
    """Resolve and type check `program`; see the module docstring."""
    return Checker(program).run()
