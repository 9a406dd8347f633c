"""The IVL abstract syntax: a Boogie-like intermediate verification language.

Takes: nothing (this module only defines node classes).
Guarantees: every node is a frozen, slotted dataclass; every node carries a keyword-only
`span` (default `NO_SPAN`) that never takes part in equality or hashing; the remaining fields
are positional, so programs are convenient to build in memory, e.g.

    Assert(Binary("<=", IntLit(0), Ident("x")), info=my_obligation)

`info` (on `Assert`, `Requires`, `Ensures`, `Invariant`, `Call`) is an opaque payload that the
verifier never inspects and hands back untouched in its failure results; it is excluded from
equality too.

Layout of a program:
  Program(decls)
  decls: TypeCtorDecl, ConstDecl, FunctionDecl, AxiomDecl, GlobalVarDecl, ProcedureDecl,
         ImplementationDecl
  an implementation body is `Body(locals, blocks)`; a `Block(label, stmts)` holds simple
  commands (Assert, Assume, Havoc, Assign, Call) and structured ones (If, While, Break) and may
  end in a transfer (Goto, Return); a block without a transfer falls through to the next
  block, and the last block returns.

Types: `INT`, `REAL`, `BOOL`, `BvType(n)`, `MapType(tparams, domain, range)`,
`CtorType(name, args)` (a user type constructor applied to arguments, or a type synonym),
`TypeVar(name)` (a bound type parameter; the parser produces `CtorType(name, ())` and the type
checker treats names of bound type parameters as type variables).

Expressions: BoolLit, IntLit, RealLit, BvLit, Ident, Old, Unary ("!", "-"), Binary (ops
"<==>", "==>", "<==", "||", "&&", "==", "!=", "<", "<=", ">", ">=", "<:", "++", "+", "-",
"*", "/", "div", "mod"), FunApp (user functions; also the built-in casts `int(e)`, `real(e)`),
MapSelect, MapStore, BvExtract (`e[hi:lo]`), Quantifier ("forall"/"exists", with triggers),
Lambda, IfThenElse. Attributes `{:name args}` are `Attribute(name, args)` where an argument is an
expression or a string.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from ..syntax.source import NO_SPAN, Span


@dataclass(frozen=True, slots=True)
class Node:
    """Base of every IVL node: only the span, keyword-only and outside equality."""

    span: Span = field(default=NO_SPAN, compare=False, repr=False, kw_only=True)


# ---------------------------------------------------------------------------------- types

@dataclass(frozen=True, slots=True)
class Type(Node):
    """Base of IVL types."""


@dataclass(frozen=True, slots=True)
class BasicType(Type):
    name: str  # "int", "real" or "bool"

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class BvType(Type):
    width: int

    def __str__(self) -> str:
        return f"bv{self.width}"


@dataclass(frozen=True, slots=True)
class MapType(Type):
    """`<tparams>[domain...]range`; `tparams` is empty for monomorphic maps."""

    tparams: tuple[str, ...]
    domain: tuple[Type, ...]
    range: Type

    def __str__(self) -> str:
        tp = f"<{', '.join(self.tparams)}>" if self.tparams else ""
        return f"{tp}[{', '.join(map(str, self.domain))}]{self.range}"


@dataclass(frozen=True, slots=True)
class CtorType(Type):
    """A user type constructor (or synonym) applied to arguments: `T`, `Field int`."""

    name: str
    args: tuple[Type, ...] = ()

    def __str__(self) -> str:
        if not self.args:
            return self.name
        parts = [f"({a})" if isinstance(a, CtorType) and a.args else str(a) for a in self.args]
        return f"{self.name} {' '.join(parts)}"


@dataclass(frozen=True, slots=True)
class TypeVar(Type):
    name: str

    def __str__(self) -> str:
        return self.name


INT = BasicType("int")
REAL = BasicType("real")
BOOL = BasicType("bool")


# ---------------------------------------------------------------------------- attributes

@dataclass(frozen=True, slots=True)
class Attribute(Node):
    """`{:name arg, ...}`; an argument is an expression or a string literal."""

    name: str
    args: tuple[Expr | str, ...] = ()


Attrs = tuple[Attribute, ...]


def map_children(node: Any, f: Callable[[Any], Any]) -> Any:
    """node with f applied to each child node (a field holding a Node, or a non-empty tuple
    of Nodes; spans are not children); a shallow copy when a child changed, else node."""
    if not dataclasses.is_dataclass(node) or not isinstance(node, Node):
        return node
    changes: dict[str, Any] = {}
    for fl in dataclasses.fields(node):
        if fl.name == "span":
            continue
        v = getattr(node, fl.name)
        if isinstance(v, Node):
            nv = f(v)
            if nv is not v:
                changes[fl.name] = nv
        elif isinstance(v, tuple) and v and all(isinstance(x, Node) for x in v):
            nt = tuple(f(x) for x in v)
            if any(a is not b for a, b in zip(nt, v)):
                changes[fl.name] = nt
    return dataclasses.replace(node, **changes) if changes else node


def attr_value(attrs: Attrs, name: str) -> Attribute | None:
    """The first attribute called `name`, or None."""
    for a in attrs:
        if a.name == name:
            return a
    return None


# --------------------------------------------------------------------------- expressions

@dataclass(frozen=True, slots=True)
class Expr(Node):
    """Base of IVL expressions."""


@dataclass(frozen=True, slots=True)
class BoolLit(Expr):
    value: bool


@dataclass(frozen=True, slots=True)
class IntLit(Expr):
    value: int


@dataclass(frozen=True, slots=True)
class RealLit(Expr):
    value: Fraction


@dataclass(frozen=True, slots=True)
class BvLit(Expr):
    value: int
    width: int


@dataclass(frozen=True, slots=True)
class Ident(Expr):
    """A variable, constant, formal or bound-variable reference."""

    name: str


@dataclass(frozen=True, slots=True)
class Old(Expr):
    expr: Expr


@dataclass(frozen=True, slots=True)
class Unary(Expr):
    op: str  # "!" or "-"
    arg: Expr


@dataclass(frozen=True, slots=True)
class Binary(Expr):
    op: str
    left: Expr
    right: Expr


@dataclass(frozen=True, slots=True)
class FunApp(Expr):
    name: str
    args: tuple[Expr, ...] = ()


@dataclass(frozen=True, slots=True)
class MapSelect(Expr):
    map: Expr
    indexes: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class MapStore(Expr):
    """`map[indexes := value]`"""

    map: Expr
    indexes: tuple[Expr, ...]
    value: Expr


@dataclass(frozen=True, slots=True)
class BvExtract(Expr):
    """`expr[hi:lo]`: bits lo..hi-1 (Boogie's convention: hi exclusive)."""

    expr: Expr
    hi: int
    lo: int


@dataclass(frozen=True, slots=True)
class Formal(Node):
    """A typed name: a parameter, local, bound variable; `where` is Boogie's where clause."""

    name: str
    type: Type
    where: Expr | None = None


@dataclass(frozen=True, slots=True)
class Trigger(Node):
    """`{ e1, e2 }` inside a quantifier: one multi-pattern."""

    exprs: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class Quantifier(Expr):
    kind: str  # "forall" or "exists"
    vars: tuple[Formal, ...]
    body: Expr
    triggers: tuple[Trigger, ...] = ()
    attrs: Attrs = ()
    tparams: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Lambda(Expr):
    vars: tuple[Formal, ...]
    body: Expr
    attrs: Attrs = ()
    tparams: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class IfThenElse(Expr):
    cond: Expr
    then: Expr
    else_: Expr


# ---------------------------------------------------------------------------- statements

@dataclass(frozen=True, slots=True)
class Stmt(Node):
    """Base of commands and structured statements."""


@dataclass(frozen=True, slots=True)
class Assert(Stmt):
    expr: Expr
    attrs: Attrs = ()
    info: object = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Assume(Stmt):
    expr: Expr
    attrs: Attrs = ()


@dataclass(frozen=True, slots=True)
class Havoc(Stmt):
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Assign(Stmt):
    """`lhs1, lhs2 := rhs1, rhs2` (simultaneous); a lhs is an Ident or a MapSelect chain on one
    (`m[i][j] := v` updates the map variable m)."""

    lhss: tuple[Expr, ...]
    rhss: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class Call(Stmt):
    """`call outs := proc(args)`; `free` calls assume the callee's preconditions."""

    proc: str
    args: tuple[Expr, ...]
    outs: tuple[str, ...] = ()
    attrs: Attrs = ()
    info: object = field(default=None, compare=False)
    free: bool = False


@dataclass(frozen=True, slots=True)
class Goto(Stmt):
    labels: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Return(Stmt):
    pass


@dataclass(frozen=True, slots=True)
class Break(Stmt):
    """`break;` leaves the innermost loop; `break L;` leaves the if/while statement labelled L."""

    label: str | None = None


@dataclass(frozen=True, slots=True)
class Label(Stmt):
    """`L:` inside a structured statement's body: a goto target; `break L` inside the if/while
    statement that follows the label leaves that statement. (Top-level labels are `Block`s.)"""

    name: str


@dataclass(frozen=True, slots=True)
class Invariant(Node):
    expr: Expr
    free: bool = False
    attrs: Attrs = ()
    info: object = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class If(Stmt):
    """`if (cond) {then} else {else_}`; cond None is `*` (nondeterministic choice)."""

    cond: Expr | None
    then: tuple[Stmt, ...]
    else_: tuple[Stmt, ...] | None = None


@dataclass(frozen=True, slots=True)
class While(Stmt):
    """`while (cond) invariant ...; {body}`; cond None is `*`."""

    cond: Expr | None
    invariants: tuple[Invariant, ...]
    body: tuple[Stmt, ...]


@dataclass(frozen=True, slots=True)
class Block(Node):
    label: str
    stmts: tuple[Stmt, ...]


@dataclass(frozen=True, slots=True)
class Body(Node):
    locals: tuple[Formal, ...]
    blocks: tuple[Block, ...]


# -------------------------------------------------------------------------- declarations

@dataclass(frozen=True, slots=True)
class Decl(Node):
    """Base of top-level declarations."""


@dataclass(frozen=True, slots=True)
class TypeCtorDecl(Decl):
    """`type T _ _;` (params are placeholder names) or the synonym `type T a = [a]int;`."""

    name: str
    params: tuple[str, ...] = ()
    synonym: Type | None = None
    attrs: Attrs = ()


@dataclass(frozen=True, slots=True)
class ConstDecl(Decl):
    name: str
    type: Type
    unique: bool = False
    attrs: Attrs = ()


@dataclass(frozen=True, slots=True)
class FunctionDecl(Decl):
    """`function {:attrs} name<tparams>(params) returns (result) { body }`; attribute
    `{:inline}` expands applications; `{:bvbuiltin "op"}`/`{:builtin "op"}` name an SMT op."""

    name: str
    params: tuple[Formal, ...]
    result: Type
    body: Expr | None = None
    attrs: Attrs = ()
    tparams: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AxiomDecl(Decl):
    expr: Expr
    attrs: Attrs = ()


@dataclass(frozen=True, slots=True)
class GlobalVarDecl(Decl):
    name: str
    type: Type
    where: Expr | None = None
    attrs: Attrs = ()


@dataclass(frozen=True, slots=True)
class Requires(Node):
    expr: Expr
    free: bool = False
    attrs: Attrs = ()
    info: object = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Ensures(Node):
    expr: Expr
    free: bool = False
    attrs: Attrs = ()
    info: object = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class ProcedureDecl(Decl):
    """A procedure; `body` is given when it is written `procedure P(...) { ... }`."""

    name: str
    ins: tuple[Formal, ...]
    outs: tuple[Formal, ...] = ()
    requires: tuple[Requires, ...] = ()
    ensures: tuple[Ensures, ...] = ()
    modifies: tuple[str, ...] = ()
    body: Body | None = None
    attrs: Attrs = ()
    tparams: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ImplementationDecl(Decl):
    """An implementation of procedure `name`; its formals are renamings of the procedure's."""

    name: str
    ins: tuple[Formal, ...]
    outs: tuple[Formal, ...]
    body: Body
    attrs: Attrs = ()
    tparams: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Program(Node):
    decls: tuple[Decl, ...]


Lhs = Ident | MapSelect
