"""The Dafny abstract syntax tree.

Produced by the parser (`syntax.parser`), annotated in place by the resolver
(`semantics.resolver`), and read by the verifier's translator and the compiler.

Conventions
-----------
* Every node is a dataclass with `slots=True`. Positional fields are the syntax; the
  keyword-only `span` (and, on expressions, `type`) never take part in equality, so
  `parse(print(parse(x))) == parse(x)` compares structure only.
* Fields whose name ends in a resolution role (`decl`, `type`, `kind`, ...) and that are
  declared with `compare=False` are *annotations*: None after parsing, filled by the
  resolver. After successful resolution:
    - every `Expr.type` is a `Type` (synonyms may remain; use `semantics.types` helpers
      to normalize),
    - every `NameExpr.decl` / `MemberSelect.decl` names the declaration it refers to
      (a `LocalVar`, `Formal`, `BoundVar`, `Field`, `Function`, `Method`, `DatatypeCtor`,
      `ModuleDecl`, a type declaration, ...),
    - every `ApplyExpr.kind` says what the application is (see `ApplyExpr`),
    - every `UserType.decl` names the type declaration (or `TypeParam`) it refers to.
* There is no node for parentheses: the printer parenthesizes as needed.
* Attributes `{:name args}` are kept as `Attribute` lists on the nodes that allow them.
"""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass, field, fields
from typing import Any, Callable, Iterator, Optional

from .source import NO_SPAN, Span


def _ann(default: Any = None) -> Any:
    """An annotation field: filled by a later stage, never part of equality or repr."""
    return field(default=default, compare=False, repr=False)


@dataclass(slots=True)
class Node:
    _: KW_ONLY
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(slots=True)
class Attribute(Node):
    """`{:name arg, ...}`"""
    name: str
    args: list["Expr"]


# --------------------------------------------------------------------------- types

@dataclass(slots=True)
class Type(Node):
    """Base of syntactic types. The resolver reuses these classes as semantic types."""


@dataclass(slots=True)
class BoolType(Type):
    pass


@dataclass(slots=True)
class IntType(Type):
    pass


@dataclass(slots=True)
class RealType(Type):
    pass


@dataclass(slots=True)
class CharType(Type):
    pass


@dataclass(slots=True)
class OrdinalType(Type):
    pass


@dataclass(slots=True)
class BitvectorType(Type):
    width: int


@dataclass(slots=True)
class ObjectType(Type):
    """`object` (nullable=False) or `object?` (nullable=True)."""
    nullable: bool = False


@dataclass(slots=True)
class SeqType(Type):
    elem: Type


@dataclass(slots=True)
class SetType(Type):
    """`set<T>` (finite) or `iset<T>`."""
    elem: Type
    finite: bool = True


@dataclass(slots=True)
class MultisetType(Type):
    elem: Type


@dataclass(slots=True)
class MapType(Type):
    """`map<K, V>` (finite) or `imap<K, V>`."""
    key: Type
    value: Type
    finite: bool = True


@dataclass(slots=True)
class TupleType(Type):
    """`(T1, T2, ...)`; the unit type `()` has no elements. `ghost` (empty, or one flag
    per element; not part of equality) marks Dafny 4 ghost components `(ghost T1, T2)`."""
    elems: list[Type]
    ghost: list[bool] = field(default_factory=list, compare=False)


@dataclass(slots=True)
class ArrowType(Type):
    """`(A, B) -> R`; arrow is '->' (total), '-->' (partial) or '~>' (reads the heap)."""
    args: list[Type]
    result: Type
    arrow: str = "->"


@dataclass(slots=True)
class UserType(Type):
    """A named type: `C`, `C?`, `M.D<int>`, `array<T>`, `array2<T>`, `string`, `nat`,
    a type parameter, ... `path` holds the dotted name parts (the last may end in '?').
    The resolver sets `decl`."""
    path: list[str]
    args: list[Type]
    decl: Any = _ann()

    @property
    def name(self) -> str:
        return ".".join(self.path)


@dataclass(slots=True)
class InferredType(Type):
    """Placeholder where the source gives no type (e.g. `var x := e`). The resolver
    replaces or binds it; after resolution the declaration's `type` is a real type."""
    resolved: Optional[Type] = _ann()


# --------------------------------------------------------------------------- expressions

@dataclass(slots=True)
class Expr(Node):
    _: KW_ONLY
    type: Optional[Type] = field(default=None, compare=False, repr=False)


@dataclass(slots=True)
class BoolLit(Expr):
    value: bool


@dataclass(slots=True)
class IntLit(Expr):
    """Decimal or hex (`0x1F`) integer literal; `text` keeps the source spelling."""
    value: int
    text: str = ""


@dataclass(slots=True)
class RealLit(Expr):
    """`1.5`; `text` is the source spelling (exact; convert with fractions.Fraction)."""
    text: str


@dataclass(slots=True)
class CharLit(Expr):
    """A character literal; `value` is the (unescaped) one-character string."""
    value: str


@dataclass(slots=True)
class StringLit(Expr):
    """A string literal; `value` is unescaped. `verbatim` for @"..." strings."""
    value: str
    verbatim: bool = False


@dataclass(slots=True)
class NullLit(Expr):
    pass


@dataclass(slots=True)
class ThisExpr(Expr):
    pass


@dataclass(slots=True)
class WildcardExpr(Expr):
    """`*` in `decreases *`, `reads *`, `modifies *`-like positions."""


@dataclass(slots=True)
class EllipsisExpr(Expr):
    """`...` standing for an expression of the refined module (`assert ...;`,
    `if ... {`), in refinement modules only."""


@dataclass(slots=True)
class NameExpr(Expr):
    """An identifier, optionally with explicit type arguments `f<int>`. `prefix_depth`
    is the `k` of a prefix predicate/lemma call `P#[k](x)` (extreme predicates)."""
    name: str
    type_args: Optional[list[Type]] = None
    decl: Any = _ann()
    prefix_depth: Optional[Expr] = None


@dataclass(slots=True)
class MemberSelect(Expr):
    """`obj.name` (field, method, function, destructor, discriminator `obj.C?`,
    `a.Length`, `f.requires`, module member `M.x`, tuple member `t.0`)."""
    obj: Expr
    name: str
    type_args: Optional[list[Type]] = None
    decl: Any = _ann()
    # the `k` of a prefix predicate/lemma call on a member, `x.P#[k](y)`
    prefix_depth: Optional[Expr] = None


@dataclass(slots=True)
class Binding(Node):
    """One argument of a call: positional (`name` None) or named `name := expr`."""
    expr: Expr
    name: Optional[str] = None


@dataclass(slots=True)
class ApplyExpr(Expr):
    """`callee(args)`. The resolver sets `kind` to one of
    'function', 'method', 'ctor' (datatype constructor), 'lambda' (apply a function value),
    'lemma' (a lemma call used in an expression context is not allowed; lemmas are methods),
    and `decl` to the callee declaration where there is one."""
    callee: Expr
    args: list[Binding]
    kind: Optional[str] = _ann()
    decl: Any = _ann()
    # resolver: the callee's own type parameters instantiated (list[Type], same order as
    # the callee decl's type_params; [] when it has none)
    inst: Any = _ann()


@dataclass(slots=True)
class IndexExpr(Expr):
    """`s[i]` for sequences, arrays, maps and multisets (multiplicity)."""
    seq: Expr
    index: Expr


@dataclass(slots=True)
class MultiIndexExpr(Expr):
    """`a[i, j]` on multi-dimensional arrays."""
    array: Expr
    indices: list[Expr]


@dataclass(slots=True)
class SliceExpr(Expr):
    """`s[lo..hi]`, `s[lo..]`, `s[..hi]`, `s[..]` (also array-to-sequence `a[..]`)."""
    seq: Expr
    lo: Optional[Expr]
    hi: Optional[Expr]


@dataclass(slots=True)
class SeqSplitExpr(Expr):
    """`s[a : b : c]`: sequence split into subsequences of the given lengths."""
    seq: Expr
    lengths: list[Expr]
    trailing_colon: bool = False


@dataclass(slots=True)
class SeqUpdateExpr(Expr):
    """`s[i := v]` for sequences, maps and multisets."""
    seq: Expr
    index: Expr
    value: Expr


@dataclass(slots=True)
class DatatypeUpdateExpr(Expr):
    """`d.(f := v, g := w)`"""
    obj: Expr
    updates: list[tuple[str, Expr]]


@dataclass(slots=True)
class UnaryExpr(Expr):
    """op is '-', '!', or '|.|' (cardinality / length `|s|`)."""
    op: str
    operand: Expr


# Binary operators as they are spelled; the resolver may refine `resolved_op`
# (e.g. '+' on seq is concatenation, 'in' on map is key membership).
BINARY_OPS = (
    "<==>", "==>", "<==", "&&", "||",
    "==", "!=", "<", "<=", ">", ">=", "in", "!in", "!!",
    "+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>",
)


@dataclass(slots=True)
class BinaryExpr(Expr):
    op: str
    left: Expr
    right: Expr
    resolved_op: Optional[str] = _ann()


@dataclass(slots=True)
class ChainExpr(Expr):
    """A chain of two or more comparisons `a < b <= c` (operands has len(ops)+1)."""
    operands: list[Expr]
    ops: list[str]


@dataclass(slots=True)
class PrefixEqExpr(Expr):
    """Prefix equality of codatatype values `a ==#[k] b` (negated: `a !=#[k] b`)."""
    left: Expr
    right: Expr
    depth: Expr
    negated: bool = False


@dataclass(slots=True)
class ITEExpr(Expr):
    cond: Expr
    then: Expr
    else_: Expr


@dataclass(slots=True)
class BoundVar(Node):
    """A variable bound by a quantifier, comprehension, lambda or let; `type` may be
    an `InferredType`. `domain` is the Dafny 4 `x <- C` collection, if given."""
    name: str
    type: Type
    domain: Optional[Expr] = None
    attributes: list[Attribute] = field(default_factory=list)


@dataclass(slots=True)
class QuantifierExpr(Expr):
    """`forall x: T, y | range :: body` / `exists ...`. kind is 'forall' or 'exists'."""
    kind: str
    vars: list[BoundVar]
    range: Optional[Expr]
    body: Expr
    attributes: list[Attribute] = field(default_factory=list)


@dataclass(slots=True)
class SetComprehension(Expr):
    """`set x | range :: term` (term None means the bound variable itself); `iset` when
    not finite."""
    vars: list[BoundVar]
    range: Expr
    term: Optional[Expr]
    finite: bool = True
    attributes: list[Attribute] = field(default_factory=list)


@dataclass(slots=True)
class MapComprehension(Expr):
    """`map x | range :: value` or `map x | range :: key := value`; `imap` if not finite."""
    vars: list[BoundVar]
    range: Optional[Expr]
    key: Optional[Expr]
    value: Expr
    finite: bool = True
    attributes: list[Attribute] = field(default_factory=list)


@dataclass(slots=True)
class LambdaExpr(Expr):
    """`(x, y) requires P reads R => body` (also `x => body`)."""
    vars: list[BoundVar]
    requires: list[Expr]
    reads: list["FrameExpr"]
    body: Expr


@dataclass(slots=True)
class SeqDisplay(Expr):
    elems: list[Expr]


@dataclass(slots=True)
class SetDisplay(Expr):
    elems: list[Expr]
    finite: bool = True


@dataclass(slots=True)
class MultisetDisplay(Expr):
    elems: list[Expr]


@dataclass(slots=True)
class MapDisplay(Expr):
    items: list[tuple[Expr, Expr]]
    finite: bool = True


@dataclass(slots=True)
class MultisetConversion(Expr):
    """`multiset(e)` for a sequence or set e."""
    operand: Expr


@dataclass(slots=True)
class SeqConstructor(Expr):
    """`seq(n, f)` or `seq<T>(n, f)`."""
    length: Expr
    init: Expr
    elem_type: Optional[Type] = None


@dataclass(slots=True)
class TupleExpr(Expr):
    """`(a, b)`; `()` is the unit value. `ghost` (empty, or one flag per element) marks
    the Dafny 4 ghost components of `(ghost a, b)`."""
    elems: list[Expr]
    ghost: list[bool] = field(default_factory=list)


@dataclass(slots=True)
class OldExpr(Expr):
    """`old(e)` or `old@L(e)`."""
    operand: Expr
    label: Optional[str] = None


@dataclass(slots=True)
class UnchangedExpr(Expr):
    """`unchanged(frames)` or `unchanged@L(frames)`."""
    frames: list["FrameExpr"]
    label: Optional[str] = None


@dataclass(slots=True)
class FreshExpr(Expr):
    """`fresh(e)` or `fresh@L(e)`."""
    operand: Expr
    label: Optional[str] = None


@dataclass(slots=True)
class AllocatedExpr(Expr):
    operand: Expr


@dataclass(slots=True)
class ConversionExpr(Expr):
    """`e as T`"""
    operand: Expr
    to: Type


@dataclass(slots=True)
class TypeTestExpr(Expr):
    """`e is T`"""
    operand: Expr
    to: Type


@dataclass(slots=True)
class LetExpr(Expr):
    """`var p1, p2 := e1, e2; body` (such_that False) or `var x, y :| P; body`
    (such_that True, rhss == [P]). Patterns allow `var (a, b) := t; body`."""
    pats: list["Pattern"]
    rhss: list[Expr]
    body: Expr
    such_that: bool = False
    attributes: list[Attribute] = field(default_factory=list)


@dataclass(slots=True)
class StmtExpr(Expr):
    """A statement used inside an expression: `assert P; e`, `assume P; e`,
    `expect P; e`, `calc {...} e`, `reveal f(); e`, a lemma call `L(x); e`."""
    stmt: "Stmt"
    body: Expr


@dataclass(slots=True)
class MatchExpr(Expr):
    source: Expr
    cases: list["MatchCaseExpr"]
    braced: bool = False


@dataclass(slots=True)
class MatchCaseExpr(Node):
    pattern: "Pattern"
    body: Expr
    attributes: list[Attribute] = field(default_factory=list)


# --------------------------------------------------------------------------- patterns

@dataclass(slots=True)
class Pattern(Node):
    pass


@dataclass(slots=True)
class VarPattern(Pattern):
    """A variable (or `_`) with optional type; also a nullary constructor name, which
    the resolver distinguishes by setting `ctor`. `is_ghost` for `ghost x` in lets."""
    name: str
    type: Optional[Type] = None
    is_ghost: bool = False
    ctor: Any = _ann()
    decl: Any = _ann()


@dataclass(slots=True)
class CtorPattern(Pattern):
    """`C(p1, p2)`; a tuple pattern `(p1, p2)` has name ''."""
    name: str
    args: list[Pattern]
    ctor: Any = _ann()


@dataclass(slots=True)
class LitPattern(Pattern):
    """A literal constant in a pattern: numbers (maybe negated), chars, strings, bools."""
    value: Expr


@dataclass(slots=True)
class DisjunctivePattern(Pattern):
    """`A | B | C` (no variables may be bound)."""
    alternatives: list[Pattern]


# --------------------------------------------------------------------------- frames and specs

@dataclass(slots=True)
class FrameExpr(Node):
    """A reads/modifies frame item: `e`, `e`f` or `` `f`` (expr None means `this`),
    `*` is a WildcardExpr."""
    expr: Optional[Expr]
    field_name: Optional[str] = None
    field_decl: Any = _ann()


@dataclass(slots=True)
class SpecExpr(Node):
    """A specification clause expression with its attributes and optional label
    (`requires L: P`)."""
    expr: Expr
    attributes: list[Attribute] = field(default_factory=list)
    label: Optional[str] = None
    is_free: bool = False


@dataclass(slots=True)
class Decreases(Node):
    """`decreases e1, e2` (lexicographic); `decreases *` is one WildcardExpr."""
    exprs: list[Expr]
    attributes: list[Attribute] = field(default_factory=list)


# --------------------------------------------------------------------------- statements

@dataclass(slots=True)
class Stmt(Node):
    pass


@dataclass(slots=True)
class BlockStmt(Stmt):
    stmts: list[Stmt]


@dataclass(slots=True)
class LocalVar(Node):
    """A local variable declared by `var` (type may be InferredType)."""
    name: str
    type: Type
    is_ghost: bool = False
    attributes: list[Attribute] = field(default_factory=list)


# Right-hand sides of assignments

@dataclass(slots=True)
class Rhs(Node):
    attributes: list[Attribute] = field(default_factory=list, kw_only=True)


@dataclass(slots=True)
class ExprRhs(Rhs):
    """A plain expression, including a method call `M(x)` (an ApplyExpr whose kind the
    resolver sets to 'method')."""
    expr: Expr


@dataclass(slots=True)
class HavocRhs(Rhs):
    """`*`"""


@dataclass(slots=True)
class NewObjectRhs(Rhs):
    """`new C`, `new C(args)`, `new C.Init(args)`; `ctor_name` is None for the anonymous
    constructor; `args` None when no parentheses were written."""
    type: Type
    ctor_name: Optional[str] = None
    args: Optional[list[Binding]] = None
    ctor_decl: Any = _ann()


@dataclass(slots=True)
class NewArrayRhs(Rhs):
    """`new T[n]`, `new T[m, n]`, `new T[n](f)` (init_fn), `new T[] [a, b]` / `new T[3] [a,b,c]`
    (init_elems). elem_type may be None (`new [n]` is not Dafny; kept for errors)."""
    elem_type: Optional[Type]
    dims: list[Expr]
    init_fn: Optional[Expr] = None
    init_elems: Optional[list[Expr]] = None


@dataclass(slots=True)
class VarDeclStmt(Stmt):
    """`var x: T, y := e1, e2;` / `var x :| P;` / `ghost var x;` / `var x := M(y);`.
    `rhs` is an AssignStmt / AssignSuchThatStmt / AssignOrReturnStmt whose lhss are the
    new variables (as NameExprs), or None for a bare declaration."""
    vars: list[LocalVar]
    rhs: Optional[Stmt] = None
    attributes: list[Attribute] = field(default_factory=list)


@dataclass(slots=True)
class VarDeclPatternStmt(Stmt):
    """`var (a, b) := e;` / `ghost var C(x, y) := e;`"""
    pattern: Pattern
    rhs: Expr
    is_ghost: bool = False


@dataclass(slots=True)
class AssignStmt(Stmt):
    """`lhs1, lhs2 := rhs1, rhs2;` and call statements `M(x);` (lhss empty, one ExprRhs).
    A single method call may have several lhss: `a, b := M(x);`."""
    lhss: list[Expr]
    rhss: list[Rhs]


@dataclass(slots=True)
class AssignSuchThatStmt(Stmt):
    """`x, y :| P;` (`assume_` for `:| assume P`)."""
    lhss: list[Expr]
    cond: Expr
    assume_: bool = False


@dataclass(slots=True)
class AssignOrReturnStmt(Stmt):
    """`x :- M(y);` / `:- M(y);` (the elephant operator); keyword is None, 'expect',
    'assert' or 'assume'."""
    lhss: list[Expr]
    rhs: Rhs
    keyword: Optional[str] = None
    extra_rhss: list[Rhs] = field(default_factory=list)


@dataclass(slots=True)
class IfStmt(Stmt):
    """`if g { } else ...`; guard None means `if *`. `else_` is a BlockStmt or an IfStmt.
    A binding guard `if x :| P { }` has bound_vars set. `is_ghost` (an annotation set by
    the ghost checker) marks an `if` in compiled code whose guard is specification-only:
    the whole statement is ghost and is not compiled."""
    guard: Optional[Expr]
    then: BlockStmt
    else_: Optional[Stmt] = None
    bound_vars: Optional[list[BoundVar]] = None
    attributes: list[Attribute] = field(default_factory=list)
    else_attributes: list[Attribute] = field(default_factory=list)   # `else {:a} { }`
    is_ghost: bool = _ann(False)


@dataclass(slots=True)
class GuardedAlternative(Node):
    """`case g => stmts` in `if case` and `while case`."""
    guard: Expr
    body: list[Stmt]
    bound_vars: Optional[list[BoundVar]] = None
    attributes: list[Attribute] = field(default_factory=list)


@dataclass(slots=True)
class AlternativeIfStmt(Stmt):
    cases: list[GuardedAlternative]
    attributes: list[Attribute] = field(default_factory=list)


@dataclass(slots=True)
class LoopSpec(Node):
    invariants: list[SpecExpr] = field(default_factory=list)
    decreases: Optional[Decreases] = None
    modifies: list[FrameExpr] = field(default_factory=list)
    modifies_attributes: list[Attribute] = field(default_factory=list)


@dataclass(slots=True)
class WhileStmt(Stmt):
    """`while g invariant ... decreases ... modifies ... { body }`; guard None is `*`;
    body None for a body-less loop."""
    guard: Optional[Expr]
    spec: LoopSpec
    body: Optional[BlockStmt]
    attributes: list[Attribute] = field(default_factory=list)


@dataclass(slots=True)
class AlternativeLoopStmt(Stmt):
    """`while invariant ... { case g => ... }`"""
    spec: LoopSpec
    cases: list[GuardedAlternative]
    attributes: list[Attribute] = field(default_factory=list)


@dataclass(slots=True)
class ForLoopStmt(Stmt):
    """Dafny 4 `for i := lo to hi` / `for i := hi downto lo`; hi (the end) may be None
    for `to *`."""
    var: BoundVar
    start: Expr
    end: Optional[Expr]
    downto: bool
    spec: LoopSpec
    body: Optional[BlockStmt]
    attributes: list[Attribute] = field(default_factory=list)


@dataclass(slots=True)
class ForallStmt(Stmt):
    """`forall x | range ensures Q { body }` (body may be None, e.g. for an aggregate
    assignment `forall i | 0 <= i < n { a[i] := 0; }` the body holds the assignment)."""
    vars: list[BoundVar]
    range: Optional[Expr]
    ensures: list[SpecExpr]
    body: Optional[BlockStmt]
    attributes: list[Attribute] = field(default_factory=list)


@dataclass(slots=True)
class MatchCaseStmt(Node):
    pattern: Pattern
    body: list[Stmt]
    attributes: list[Attribute] = field(default_factory=list)


@dataclass(slots=True)
class MatchStmt(Stmt):
    source: Expr
    cases: list[MatchCaseStmt]
    braced: bool = False
    attributes: list[Attribute] = field(default_factory=list)   # `match {:split false} x`


@dataclass(slots=True)
class AssertStmt(Stmt):
    """`assert {:attrs} L: P;` or `assert P by { ... }`."""
    expr: Expr
    label: Optional[str] = None
    by: Optional[BlockStmt] = None
    attributes: list[Attribute] = field(default_factory=list)


@dataclass(slots=True)
class AssumeStmt(Stmt):
    expr: Expr
    attributes: list[Attribute] = field(default_factory=list)


@dataclass(slots=True)
class ExpectStmt(Stmt):
    expr: Expr
    message: Optional[Expr] = None
    attributes: list[Attribute] = field(default_factory=list)


@dataclass(slots=True)
class PrintStmt(Stmt):
    args: list[Expr]


@dataclass(slots=True)
class ReturnStmt(Stmt):
    """`return;` or `return e1, e2;` (rhss None when bare)."""
    rhss: Optional[list[Rhs]] = None


@dataclass(slots=True)
class YieldStmt(Stmt):
    rhss: Optional[list[Rhs]] = None


@dataclass(slots=True)
class BreakStmt(Stmt):
    """`break;`, `break L;`, `break break;` (count 2), `continue;`, `continue L;`,
    `break continue;` (count 2, is_continue: leave one loop, continue the next)."""
    label: Optional[str] = None
    count: int = 1
    is_continue: bool = False


@dataclass(slots=True)
class CalcStep(Node):
    """One line of a calc: the expression, then (for all but the last line) the operator
    to the next line (None = the calc's default) and the hint block."""
    expr: Expr
    op: Optional[str] = None
    hint: Optional[BlockStmt] = None


@dataclass(slots=True)
class CalcStmt(Stmt):
    """`calc op { e0; op1 {hint} e1; ... }` - steps[i].op/hint connect steps[i] and
    steps[i+1]; the default operator `op` is None for '=='."""
    op: Optional[str]
    steps: list[CalcStep]
    attributes: list[Attribute] = field(default_factory=list)


@dataclass(slots=True)
class RevealStmt(Stmt):
    """`reveal f(), L;`"""
    exprs: list[Expr]


@dataclass(slots=True)
class ModifyStmt(Stmt):
    """`modify frames;` or `modify frames { body }` (deprecated)."""
    frames: list[FrameExpr]
    body: Optional[BlockStmt] = None
    attributes: list[Attribute] = field(default_factory=list)


@dataclass(slots=True)
class LabeledStmt(Stmt):
    """`label L: stmt` (also `L: stmt` where Dafny allows it)."""
    label: str
    stmt: Stmt


@dataclass(slots=True)
class SkeletonStmt(Stmt):
    """`...;` in refinement modules."""


@dataclass(slots=True)
class NewPhaseStmt(Stmt):
    """`new;` in a constructor body: ends the first (initialization) phase."""


# --------------------------------------------------------------------------- declarations

@dataclass(slots=True)
class TypeParam(Node):
    """`T`, `T(==)`, `T(0)`, `T(00)`, `T(!new)`, with variance `+T`, `-T`, `*T`, `!T`."""
    name: str
    characteristics: list[str] = field(default_factory=list)
    variance: str = ""


@dataclass(slots=True)
class Formal(Node):
    """A parameter of a method, function, constructor or datatype constructor."""
    name: str
    type: Type
    is_ghost: bool = False
    is_old: bool = False            # `older`
    is_nameonly: bool = False
    default: Optional[Expr] = None


@dataclass(slots=True)
class Decl(Node):
    """Base of all declarations; `attributes` and `name` on every one."""


@dataclass(slots=True)
class Field(Decl):
    """`var f: T` (mutable field) or `const c: T := e` (is_const), maybe ghost/static."""
    name: str
    type: Type
    is_const: bool = False
    is_ghost: bool = False
    is_static: bool = False
    init: Optional[Expr] = None
    attributes: list[Attribute] = field(default_factory=list)
    owner: Any = _ann()


@dataclass(slots=True)
class Method(Decl):
    """kind: 'method', 'lemma', 'constructor', 'twostate lemma', 'least lemma',
    'greatest lemma'. `body` None for a body-less declaration."""
    kind: str
    name: str
    type_params: list[TypeParam]
    ins: list[Formal]
    outs: list[Formal]
    requires: list[SpecExpr] = field(default_factory=list)
    modifies: list[FrameExpr] = field(default_factory=list)
    ensures: list[SpecExpr] = field(default_factory=list)
    decreases: Optional[Decreases] = None
    reads: list[FrameExpr] = field(default_factory=list)
    body: Optional[BlockStmt] = None
    is_ghost: bool = False
    is_static: bool = False
    attributes: list[Attribute] = field(default_factory=list)
    owner: Any = _ann()
    # least/greatest lemma `[nat]`/`[ORDINAL]`: the type of the implicit `_k` ('' = ORDINAL)
    k_type: str = ""
    # attributes of the `reads {:a} ...` / `modifies {:a} ...` clauses (all clauses' merged)
    reads_attributes: list[Attribute] = field(default_factory=list)
    modifies_attributes: list[Attribute] = field(default_factory=list)


@dataclass(slots=True)
class Function(Decl):
    """kind: 'function' or 'predicate', with `is_ghost` (Dafny 4: `ghost function`;
    `function method` in older syntax is compiled), `is_twostate`, and `extreme` ''
    / 'least' / 'greatest'. `result` is the named result `function f(x): (r: T)` or
    None; `result_type` the result type (BoolType for predicates).
    `by_method` is the body of `function ... { e } by method { ... }`."""
    kind: str
    name: str
    type_params: list[TypeParam]
    formals: list[Formal]
    result_type: Type
    result: Optional[Formal] = None
    requires: list[SpecExpr] = field(default_factory=list)
    reads: list[FrameExpr] = field(default_factory=list)
    ensures: list[SpecExpr] = field(default_factory=list)
    decreases: Optional[Decreases] = None
    body: Optional[Expr] = None
    by_method: Optional[BlockStmt] = None
    is_ghost: bool = False
    is_static: bool = False
    is_twostate: bool = False
    is_opaque: bool = False
    extreme: str = ""
    attributes: list[Attribute] = field(default_factory=list)
    owner: Any = _ann()
    # least/greatest predicate `[nat]`/`[ORDINAL]`: the type of `_k` ('' = ORDINAL)
    k_type: str = ""
    # attributes of the `reads {:a} ...` / `modifies {:a} ...` clauses (all clauses' merged)
    reads_attributes: list[Attribute] = field(default_factory=list)
    modifies_attributes: list[Attribute] = field(default_factory=list)


@dataclass(slots=True)
class ClassDecl(Decl):
    """`class C<T> extends J { members }` or `trait J { }` (is_trait)."""
    name: str
    type_params: list[TypeParam]
    extends: list[Type]
    members: list[Decl]
    is_trait: bool = False
    attributes: list[Attribute] = field(default_factory=list)


@dataclass(slots=True)
class DatatypeCtor(Node):
    name: str
    formals: list[Formal]
    is_ghost: bool = False
    attributes: list[Attribute] = field(default_factory=list)
    owner: Any = _ann()


@dataclass(slots=True)
class DatatypeDecl(Decl):
    """`datatype D<T> = A | B(x: int) { members }`; `codatatype` when is_co."""
    name: str
    type_params: list[TypeParam]
    ctors: list[DatatypeCtor]
    members: list[Decl] = field(default_factory=list)
    is_co: bool = False
    extends: list[Type] = field(default_factory=list)
    attributes: list[Attribute] = field(default_factory=list)


@dataclass(slots=True)
class NewtypeDecl(Decl):
    """`newtype N = x: int | P witness W` or `newtype N = int`."""
    name: str
    var: Optional[str]
    base: Type
    constraint: Optional[Expr] = None
    witness: Optional[Expr] = None
    witness_kind: str = ""           # '', 'witness', 'ghost witness', '*'
    members: list[Decl] = field(default_factory=list)
    attributes: list[Attribute] = field(default_factory=list)
    # resolver: the BoundVar that `var` denotes inside `constraint` (None if no var)
    var_decl: Any = _ann()
    name_span: Any = _ann()          # parser: where the name is (Dafny reports witness errors there)


@dataclass(slots=True)
class SubsetTypeDecl(Decl):
    """`type S<T> = x: B | P witness W`."""
    name: str
    type_params: list[TypeParam]
    var: str
    base: Type
    constraint: Expr
    witness: Optional[Expr] = None
    witness_kind: str = ""
    attributes: list[Attribute] = field(default_factory=list)
    # resolver: the BoundVar that `var` denotes inside `constraint` and `witness`
    var_decl: Any = _ann()
    name_span: Any = _ann()          # parser: where the name is


@dataclass(slots=True)
class TypeSynonymDecl(Decl):
    """`type S<T> = Rhs` or an opaque type `type T(==)` (rhs None), possibly with members."""
    name: str
    type_params: list[TypeParam]
    rhs: Optional[Type]
    characteristics: list[str] = field(default_factory=list)
    members: list[Decl] = field(default_factory=list)
    attributes: list[Attribute] = field(default_factory=list)


@dataclass(slots=True)
class IteratorDecl(Decl):
    name: str
    type_params: list[TypeParam]
    ins: list[Formal]
    outs: list[Formal]
    requires: list[SpecExpr] = field(default_factory=list)
    reads: list[FrameExpr] = field(default_factory=list)
    modifies: list[FrameExpr] = field(default_factory=list)
    yield_requires: list[SpecExpr] = field(default_factory=list)
    yield_ensures: list[SpecExpr] = field(default_factory=list)
    ensures: list[SpecExpr] = field(default_factory=list)
    decreases: Optional[Decreases] = None
    body: Optional[BlockStmt] = None
    attributes: list[Attribute] = field(default_factory=list)
    # attributes of the `reads {:a} ...` / `modifies {:a} ...` clauses (all clauses' merged)
    reads_attributes: list[Attribute] = field(default_factory=list)
    modifies_attributes: list[Attribute] = field(default_factory=list)


@dataclass(slots=True)
class ImportDecl(Decl):
    """`import opened A = B.C` / `import X : Y` (abstract, is_abstract) / `import B`."""
    name: str
    target: list[str]
    opened: bool = False
    is_abstract: bool = False
    export_names: list[str] = field(default_factory=list)
    decl: Any = _ann()


@dataclass(slots=True)
class ExportDecl(Decl):
    """`export E extends F provides a, b reveals c`; name '' for the default export."""
    name: str
    provides: list[str] = field(default_factory=list)
    reveals: list[str] = field(default_factory=list)
    extends: list[str] = field(default_factory=list)
    provides_all: bool = False
    reveals_all: bool = False


@dataclass(slots=True)
class ModuleDecl(Decl):
    """`module A.B refines C { decls }`; `abstract module` when is_abstract. The file's
    top level is the default module (name '_default')."""
    name: str
    decls: list[Decl]
    refines: Optional[list[str]] = None
    is_abstract: bool = False
    is_replaceable: bool = False
    attributes: list[Attribute] = field(default_factory=list)


@dataclass(slots=True)
class Include(Node):
    path: str


@dataclass(slots=True)
class Program(Node):
    """A whole program: the default module holding every file's top-level declarations
    (nested modules inside it), and the include directives seen."""
    module: ModuleDecl
    includes: list[Include] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- traversal

def children(node: Node) -> Iterator[Node]:
    """The direct child nodes of `node`, in field order (annotation fields excluded)."""
    for f in fields(node):  # type: ignore[arg-type]
        if not f.compare:
            continue
        v = getattr(node, f.name)
        if isinstance(v, Node):
            yield v
        elif isinstance(v, list):
            for item in v:
                if isinstance(item, Node):
                    yield item
                elif isinstance(item, tuple):
                    for x in item:
                        if isinstance(x, Node):
                            yield x


class Visitor:
    """Dispatches `visit(node)` to `visit_<ClassName>(node)`, falling back along the class
    hierarchy to `generic_visit`. Dispatch is cached per class."""

    _dispatch_cache: dict[tuple[type, type], Callable[..., Any]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._dispatch_cache = {}

    def visit(self, node: Node) -> Any:
        cls = type(node)
        key = (type(self), cls)
        fn = self._dispatch_cache.get(key)
        if fn is None:
            fn = type(self).generic_visit
            for klass in cls.__mro__:
                m = getattr(type(self), "visit_" + klass.__name__, None)
                if m is not None:
                    fn = m
                    break
            self._dispatch_cache[key] = fn
        return fn(self, node)

    def generic_visit(self, node: Node) -> Any:
        return None


class Traverser(Visitor):
    """A visitor whose default visits every child: override `visit_X` and call
    `self.generic_visit(node)` to keep descending."""

    def generic_visit(self, node: Node) -> Any:
        for child in children(node):
            self.visit(child)
        return None
