"""`{:autocontracts}`: Dafny's dynamic-frames boilerplate, as an AST-to-AST rewrite.

A class (or trait) marked `{:autocontracts}` (not `{:autocontracts false}`) gets the
specifications and ghost code that the dynamic-frames idiom needs, as Dafny 4's
AutoContracts rewriter adds them (reference manual section 11.1.1; where the manual is
silent, Dafny 4's rewriter and Dafny 2.3's `/rprint` output were the reference). The
rewrite runs inside the resolver, so the verifier and the compiler see an ordinary class.
`Repr` and `Valid` below are `this.Repr` and `this.Valid()`; members and fields marked
`{:autocontracts false}` are left alone, and so are static members.

`declare_members(module)` (before resolution; recursively over nested modules) adds
* `ghost var Repr: set<object?>` unless the class has a field named `Repr`;
* `ghost predicate Valid()` (no body) unless it has an instance function named `Valid`.

`add_contracts(module)` (after signatures are resolved: it needs field types; before
bodies are resolved: what it adds is unresolved syntax, resolved with the rest) adds
* to `Valid`: `reads this, Repr` and, first, `ensures Valid() ==> this in Repr`; when
  Valid is a ghost predicate without parameters, its body becomes
  `this in Repr && null !in Repr && S1 && ... && Sn && body` (`body` is `true` when there
  was none), with one `Si` per *subobject*: a non-static field `F` (other than Repr) of a
  reference type (class, trait, array, object): `F != null ==> F in Repr` (the guard
  only for nullable types), extended by `&& F.Repr <= Repr && this !in F.Repr` when F's
  class has a field `Repr: set<object?>`, and by `&& F.Valid()` when it also has an
  instance predicate `Valid()`;
* to every other instance function: first `requires Valid()`, and `reads Repr` when it
  has no reads clause;
* to every constructor: first `ensures Valid()` and `ensures fresh(Repr)`; at the end of
  its body, in the second phase (a `new;` is added when the body has none):
  `Repr := {this};` and the subobject updates below;
and, when the class has a `Valid()` predicate without parameters, to every instance method:
* ghost methods, lemmas and *simple query methods*: first `requires Valid()`
  (`requires old(Valid())` for a two-state lemma). A simple query method has
  out-parameters, a body whose assignments (`:=`, `:|`, `:-`) all target local variables
  or out-parameters (a call statement counts as such, as in Dafny), and no `old`, `fresh`
  or `unchanged` in its postconditions;
* other methods: first `requires Valid()`, first `ensures Valid()` and
  `ensures fresh(Repr - old(Repr))`; when the method has no modifies clause, also
  `modifies Repr` and, at the end of its body, for every subobject F:
  `if F != null && !(F in Repr && F.Repr <= Repr) { Repr := Repr + {F} + F.Repr; }`
  (without the `F.Repr` parts when F's class has no Repr field, without the null test
  for non-null types). As in Dafny, a `return` skips these updates.

Classes in refinement modules are not rewritten here (the verifier reports classes that
refine an `{:autocontracts}` class as unsupported). Generated nodes carry the span of
the member they belong to (the class's for class-level ones), so an error in generated
code points at that member.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..syntax import ast
from ..syntax.source import Span
from . import types as T
from .ghost import is_ghost_function, is_ghost_method

REPR = "Repr"
VALID = "Valid"


# ---------------------------------------------------------------------------- selection

def is_autocontracts(attrs: list[ast.Attribute]) -> bool:
    """True iff the attributes hold `{:autocontracts}` and not `{:autocontracts false}`."""
    found = False
    for a in attrs:
        if a.name == "autocontracts":
            found = not (a.args and isinstance(a.args[0], ast.BoolLit)
                         and not a.args[0].value)
    return found


def _excluded(attrs: list[ast.Attribute]) -> bool:
    """`{:autocontracts false}` on a member or field."""
    return any(a.name == "autocontracts" and a.args and isinstance(a.args[0], ast.BoolLit)
               and not a.args[0].value for a in attrs)


def autocontracts_classes(module: ast.ModuleDecl) -> Iterator[ast.ClassDecl]:
    """Every `{:autocontracts}` class or trait in `module` and its nested modules."""
    for d in module.decls:
        if isinstance(d, ast.ModuleDecl):
            yield from autocontracts_classes(d)
        elif isinstance(d, ast.ClassDecl) and is_autocontracts(d.attributes):
            yield d


def _repr_field(cl: ast.ClassDecl) -> ast.Field | None:
    for m in cl.members:
        if isinstance(m, ast.Field) and m.name == REPR:
            return m
    return None


def _valid_function(cl: ast.ClassDecl) -> ast.Function | None:
    for m in cl.members:
        if isinstance(m, ast.Function) and m.name == VALID and not m.is_static:
            return m
    return None


# ---------------------------------------------------------------------------- before resolution

def declare_members(module: ast.ModuleDecl) -> None:
    """Add `ghost var Repr: set<object?>` and `ghost predicate Valid()` to every
    `{:autocontracts}` class lacking them (call before the member tables are built)."""
    for cl in autocontracts_classes(module):
        if _repr_field(cl) is None:
            cl.members.append(ast.Field(REPR, ast.SetType(ast.ObjectType(nullable=True)),
                                        is_ghost=True, span=cl.span))
        if _valid_function(cl) is None:
            cl.members.append(ast.Function("predicate", VALID, [], [], ast.BoolType(),
                                           is_ghost=True, span=cl.span))


# ---------------------------------------------------------------------------- builders

class _Build:
    """Unresolved syntax at one span."""

    def __init__(self, span: Span) -> None:
        self.span = span

    def this(self) -> ast.Expr:
        return ast.ThisExpr(span=self.span)

    def sel(self, obj: ast.Expr, name: str) -> ast.Expr:
        return ast.MemberSelect(obj, name, span=self.span)

    def repr_of(self, obj: ast.Expr | None = None) -> ast.Expr:
        return self.sel(obj if obj is not None else self.this(), REPR)

    def valid_of(self, obj: ast.Expr | None = None) -> ast.Expr:
        return ast.ApplyExpr(self.sel(obj if obj is not None else self.this(), VALID), [],
                             span=self.span)

    def field(self, f: ast.Field) -> ast.Expr:
        return self.sel(self.this(), f.name)

    def bin(self, op: str, a: ast.Expr, b: ast.Expr) -> ast.Expr:
        return ast.BinaryExpr(op, a, b, span=self.span)

    def and_all(self, es: list[ast.Expr]) -> ast.Expr:
        """e1 && e2 && ... && en (`&&` is associative, also in well-formedness: each
        conjunct is checked assuming the ones before it); `true` when empty."""
        if not es:
            return ast.BoolLit(True, span=self.span)
        out = es[0]
        for e in es[1:]:
            out = self.bin("&&", out, e)
        return out

    def not_null(self, e: ast.Expr) -> ast.Expr:
        return self.bin("!=", e, ast.NullLit(span=self.span))

    def spec(self, e: ast.Expr) -> ast.SpecExpr:
        return ast.SpecExpr(e, span=self.span)

    def frame(self, e: ast.Expr) -> ast.FrameExpr:
        return ast.FrameExpr(e, span=self.span)

    def assign_repr(self, rhs: ast.Expr) -> ast.Stmt:
        return ast.AssignStmt([self.repr_of()], [ast.ExprRhs(rhs, span=self.span)],
                              span=self.span)


# ---------------------------------------------------------------------------- subobjects

class _Sub:
    """A subobject field F of an autocontracts class, with what F's class offers."""

    def __init__(self, f: ast.Field, has_repr: bool, has_valid: bool) -> None:
        self.field = f
        self.nullable = T.is_nullable(T.normalize(f.type))
        self.has_repr = has_repr
        self.has_valid = has_valid


def _is_object_set(t: ast.Type) -> bool:
    """`set<object?>` (the type Dafny requires of a subobject's Repr field)."""
    s = T.normalize(t)
    if not isinstance(s, ast.SetType):
        return False
    e = T.normalize(s.elem)
    return isinstance(e, ast.ObjectType) and e.nullable


def _subobjects(cl: ast.ClassDecl) -> list[_Sub]:
    out: list[_Sub] = []
    for m in cl.members:
        if not isinstance(m, ast.Field) or m.name == REPR or m.is_static \
                or _excluded(m.attributes):
            continue
        rcl = T.class_decl(m.type)
        if rcl is None:
            continue
        has_repr = has_valid = False
        for x in getattr(rcl, "members", []) or []:
            if isinstance(x, ast.Field) and x.name == REPR and _is_object_set(x.type):
                has_repr = True
            elif isinstance(x, ast.Function) and x.name == VALID and not x.is_static \
                    and not x.formals and isinstance(T.normalize(x.result_type),
                                                     ast.BoolType):
                has_valid = True
        out.append(_Sub(m, has_repr, has_valid))
    return out


def _valid_conjuncts(b: _Build, subs: list[_Sub], null_possible: bool) -> list[ast.Expr]:
    repr_ = b.repr_of
    c0 = b.bin("in", b.this(), repr_())
    if null_possible:
        # `null !in Repr`; dropped when Repr's element type excludes null (then it is true)
        c0 = b.bin("&&", c0, b.bin("!in", ast.NullLit(span=b.span), repr_()))
    out = [c0]
    for s in subs:
        parts = [b.bin("in", b.field(s.field), repr_())]
        if s.has_repr:
            parts.append(b.bin("<=", b.repr_of(b.field(s.field)), repr_()))
            parts.append(b.bin("!in", b.this(), b.repr_of(b.field(s.field))))
            if s.has_valid:
                parts.append(b.valid_of(b.field(s.field)))
        c = b.and_all(parts)
        out.append(b.bin("==>", b.not_null(b.field(s.field)), c) if s.nullable else c)
    return out


def _repr_updates(b: _Build, subs: list[_Sub]) -> list[ast.Stmt]:
    """`if F != null && !(F in Repr && F.Repr <= Repr) { Repr := Repr + {F} + F.Repr; }`"""
    out: list[ast.Stmt] = []
    for s in subs:
        f = b.field(s.field)
        rhs = b.bin("+", b.repr_of(), ast.SetDisplay([f], span=b.span))
        guard = b.bin("in", b.field(s.field), b.repr_of())
        if s.has_repr:
            rhs = b.bin("+", rhs, b.repr_of(b.field(s.field)))
            guard = b.bin("&&", guard, b.bin("<=", b.repr_of(b.field(s.field)), b.repr_of()))
        cond: ast.Expr = ast.UnaryExpr("!", guard, span=b.span)
        if s.nullable:
            cond = b.bin("&&", b.not_null(b.field(s.field)), cond)
        then = ast.BlockStmt([b.assign_repr(rhs)], span=b.span)
        out.append(ast.IfStmt(cond, then, span=b.span))
    return out


# ---------------------------------------------------------------------------- after signatures

def add_contracts(module: ast.ModuleDecl) -> None:
    """Add the specifications and Repr updates to every `{:autocontracts}` class of
    `module` (and nested modules). Field and result types must be resolved already."""
    for cl in autocontracts_classes(module):
        _rewrite_class(cl)


def _rewrite_class(cl: ast.ClassDecl) -> None:
    repr_field = _repr_field(cl)
    null_possible = repr_field is None or _is_object_set(repr_field.type) or not isinstance(
        T.normalize(repr_field.type), ast.SetType)
    valid = _valid_function(cl)
    valid_ok = valid is not None and not valid.formals and isinstance(
        T.normalize(valid.result_type), ast.BoolType)
    subs = _subobjects(cl)
    for m in list(cl.members):
        if isinstance(m, ast.Field) or getattr(m, "is_static", True) \
                or _excluded(getattr(m, "attributes", [])):
            continue
        b = _Build(m.span)
        if isinstance(m, ast.Function) and m.name == VALID:
            m.reads.append(b.frame(b.this()))
            m.reads.append(b.frame(b.repr_of()))
            m.ensures.insert(0, b.spec(b.bin("==>", b.valid_of(),
                                              b.bin("in", b.this(), b.repr_of()))))
            if m is valid and valid_ok and is_ghost_function(m):
                conj = _valid_conjuncts(b, subs, null_possible)
                body = m.body if m.body is not None else ast.BoolLit(True, span=b.span)
                m.body = b.and_all(conj + [body])
        elif isinstance(m, ast.Function):
            m.requires.insert(0, b.spec(b.valid_of()))
            if not m.reads:
                m.reads.append(b.frame(b.repr_of()))
        elif isinstance(m, ast.Method) and m.kind == "constructor":
            m.ensures.insert(0, b.spec(b.valid_of()))
            m.ensures.insert(1, b.spec(ast.FreshExpr(b.repr_of(), span=b.span)))
            if m.body is not None:
                stmts = m.body.stmts
                if not any(isinstance(s, ast.NewPhaseStmt) for s in stmts):
                    stmts.append(ast.NewPhaseStmt(span=b.span))
                stmts.append(b.assign_repr(ast.SetDisplay([b.this()], span=b.span)))
                stmts.extend(_repr_updates(b, subs))
        elif isinstance(m, ast.Method) and valid_ok:
            _rewrite_method(m, b, subs)


def _rewrite_method(m: ast.Method, b: _Build, subs: list[_Sub]) -> None:
    if is_ghost_method(m) or is_simple_query(m):
        pre = b.valid_of()
        if m.kind == "twostate lemma":
            pre = ast.OldExpr(pre, span=b.span)
        m.requires.insert(0, b.spec(pre))
        return
    m.requires.insert(0, b.spec(b.valid_of()))
    update = False
    if not m.modifies:
        m.modifies.append(b.frame(b.repr_of()))
        update = True
    m.ensures.insert(0, b.spec(b.valid_of()))
    fresh = ast.FreshExpr(b.bin("-", b.repr_of(), ast.OldExpr(b.repr_of(), span=b.span)),
                          span=b.span)
    m.ensures.insert(1, b.spec(fresh))
    if update and m.body is not None:
        m.body.stmts.extend(_repr_updates(b, subs))


# ---------------------------------------------------------------------------- simple queries

def is_simple_query(m: ast.Method) -> bool:
    """Dafny's "simple query method": out-parameters, a body that assigns only to local
    variables and out-parameters, and postconditions that do not mention the pre-state."""
    if not m.outs or m.body is None:
        return False
    if any(_mentions_old_state(e.expr) for e in m.ensures):
        return False
    names = {f.name for f in m.ins + m.outs}
    return _LocalAssigns(names).block(m.body.stmts)


def _mentions_old_state(e: ast.Node) -> bool:
    stack: list[ast.Node] = [e]
    while stack:
        n = stack.pop()
        if isinstance(n, (ast.OldExpr, ast.FreshExpr, ast.UnchangedExpr)):
            return True
        stack.extend(ast.children(n))
    return False


def _pattern_names(p: ast.Node) -> set[str]:
    out: set[str] = set()
    stack: list[ast.Node] = [p]
    while stack:
        n = stack.pop()
        if isinstance(n, ast.VarPattern):
            out.add(n.name)
        stack.extend(ast.children(n))
    return out


class _LocalAssigns:
    """Whether every assignment in a statement targets a variable bound in scope (an
    in-/out-parameter or a local), tracking Dafny's block scoping syntactically: a name
    not bound by an enclosing declaration denotes a field of `this`."""

    def __init__(self, names: set[str]) -> None:
        self.scopes: list[set[str]] = [set(names)]

    def bound(self, name: str) -> bool:
        return any(name in s for s in self.scopes)

    def local(self, lhs: ast.Expr) -> bool:
        return isinstance(lhs, ast.NameExpr) and self.bound(lhs.name)

    def block(self, stmts: list[ast.Stmt], extra: set[str] | None = None) -> bool:
        self.scopes.append(set(extra or ()))
        try:
            return all(self.stmt(s) for s in stmts)
        finally:
            self.scopes.pop()

    def stmt(self, s: ast.Node) -> bool:
        if isinstance(s, (ast.AssignStmt, ast.AssignSuchThatStmt, ast.AssignOrReturnStmt)):
            return all(self.local(lhs) for lhs in s.lhss)
        if isinstance(s, ast.VarDeclStmt):
            self.scopes[-1].update(v.name for v in s.vars)
            return s.rhs is None or self.stmt(s.rhs)
        if isinstance(s, ast.VarDeclPatternStmt):
            self.scopes[-1].update(_pattern_names(s.pattern))
            return True
        if isinstance(s, ast.BlockStmt):
            return self.block(s.stmts)
        if isinstance(s, ast.IfStmt):
            bound = {v.name for v in s.bound_vars or []}
            return self.block(s.then.stmts, bound) and (s.else_ is None or self.block([s.else_]))
        if isinstance(s, ast.GuardedAlternative):
            return self.block(s.body, {v.name for v in s.bound_vars or []})
        if isinstance(s, ast.ForLoopStmt):
            return s.body is None or self.block(s.body.stmts, {s.var.name})
        if isinstance(s, ast.ForallStmt):
            return s.body is None or self.block(s.body.stmts, {v.name for v in s.vars})
        if isinstance(s, ast.MatchCaseStmt):
            return self.block(s.body, _pattern_names(s.pattern))
        # any other statement: its sub-statements (loop bodies, match cases, labelled
        # statements, calc hints, assert-by and modify blocks); expressions are not looked at
        return all(self.stmt(c) for c in ast.children(s)
                   if isinstance(c, (ast.Stmt, ast.GuardedAlternative, ast.MatchCaseStmt,
                                     ast.CalcStep)))
