"""Semantic types: helpers over the AST's `Type` classes, for the resolver and its users.

The resolver reuses the syntactic type classes of `syntax.ast` as semantic types; a named
type is a `UserType` whose `decl` is set (a ClassDecl, DatatypeDecl, NewtypeDecl,
SubsetTypeDecl, TypeSynonymDecl, a `TypeParam`, or a built-in from `semantics.builtins`).
Inference variables are `TypeVar`s (a subclass of `ast.InferredType`); once bound, their
`resolved` field points to the type. After resolution no `TypeVar` remains in any
`Expr.type` or declared variable type (see `resolver`), but helpers here accept them.

Helpers
-------
* `normalize(t)`   follow inference variables and expand type synonyms (not opaque types)
                   at the head; `object` as a UserType becomes `ObjectType`; subset types,
                   newtypes, classes, datatypes stay `UserType`s (identifiable).
* `strip_subset(t)` normalize, then replace subset types (incl. `nat`) by their base type,
                   repeatedly; newtypes are kept.
* `base_type(t)`   like strip_subset, and newtypes are replaced by their base type as well.
* `is_subset_type(t)`, `subset_constraint(t)` -> `SubsetInfo` (decl, bound var, constraint,
                   substitution of the decl's type parameters) or None.
* `substitute(t, m)` replace type parameters (keys: `id(TypeParam)`) by types, deeply.
* `type_to_str(t)` Dafny's spelling: `int`, `seq<int>`, `map<int, bool>`, `array<int>`,
                   `nat`, `string`, `C?`, `(int, bool)`, `int -> bool`.
* `types_equal(a, b)` structural equality after normalization (subset types are distinct
                   from their base: `nat` != `int`).
* `family(t)`      the operator domain of a type ('int', 'real', 'bv', 'seq', 'map', ...),
                   used in `BinaryExpr.resolved_op` strings.
* `strip_subsets_deep(t)` subset types replaced by their bases at every level.
* `zonk(t)`        a copy of t with every bound inference variable replaced (deeply).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from ..syntax import ast
from . import builtins as B

Type = ast.Type

_ids = itertools.count(1)


@dataclass(slots=True, eq=False)
class TypeVar(ast.InferredType):
    """An inference variable. `default` is used when nothing else constrains it (int for
    integer literals, real for real literals); `numeric` marks literal-born variables."""
    default: Type | None = field(default=None, compare=False)
    uid: int = field(default_factory=lambda: next(_ids), compare=False)

    def __hash__(self) -> int:
        return id(self)


def prune(t: Type) -> Type:
    """Follow bound inference variables (and `InferredType.resolved` links), compressing
    the chain so that later lookups take one step."""
    if not isinstance(t, ast.InferredType) or t.resolved is None:
        return t
    r = t.resolved
    if not isinstance(r, ast.InferredType) or r.resolved is None:
        return r
    root: Type = r
    while isinstance(root, ast.InferredType) and root.resolved is not None:
        root = root.resolved
    while isinstance(t, ast.InferredType) and t.resolved is not None and t.resolved is not root:
        nxt = t.resolved
        t.resolved = root
        t = nxt
    return root


def tp_type(tp: ast.TypeParam) -> ast.UserType:
    """The type that a type parameter denotes."""
    return ast.UserType([tp.name], [], decl=tp, span=tp.span)


def decl_type(decl: ast.Decl, args: list[Type] | None = None) -> ast.UserType:
    """The type `D<args>` (args default to D's own type parameters)."""
    tps = getattr(decl, "type_params", [])
    if args is None:
        args = [tp_type(tp) for tp in tps]
    return ast.UserType([getattr(decl, "name", "?")], list(args), decl=decl)


def subst_map(params: list[ast.TypeParam], args: list[Type]) -> dict[int, Type]:
    return {id(p): a for p, a in zip(params, args)}


def substitute(t: Type, m: dict[int, Type]) -> Type:
    """Replace type parameters (keyed by id) in t, deeply. Returns t itself when unchanged."""
    if not m:
        return t
    t = prune(t)
    if isinstance(t, ast.UserType):
        if isinstance(t.decl, ast.TypeParam):
            r = m.get(id(t.decl))
            return r if r is not None else t
        if not t.args:
            return t
        return ast.UserType(t.path, [substitute(a, m) for a in t.args], decl=t.decl,
                            span=t.span)
    if isinstance(t, ast.SeqType):
        return ast.SeqType(substitute(t.elem, m))
    if isinstance(t, ast.SetType):
        return ast.SetType(substitute(t.elem, m), t.finite)
    if isinstance(t, ast.MultisetType):
        return ast.MultisetType(substitute(t.elem, m))
    if isinstance(t, ast.MapType):
        return ast.MapType(substitute(t.key, m), substitute(t.value, m), t.finite)
    if isinstance(t, ast.TupleType):
        return ast.TupleType([substitute(a, m) for a in t.elems], t.ghost)
    if isinstance(t, ast.ArrowType):
        return ast.ArrowType([substitute(a, m) for a in t.args], substitute(t.result, m),
                             t.arrow)
    return t


def zonk(t: Type) -> Type:
    """A copy of t with bound inference variables replaced, deeply; unbound ones stay."""
    t = prune(t)
    if isinstance(t, ast.UserType):
        if not t.args:
            return t
        return ast.UserType(t.path, [zonk(a) for a in t.args], decl=t.decl, span=t.span)
    if isinstance(t, ast.SeqType):
        return ast.SeqType(zonk(t.elem))
    if isinstance(t, ast.SetType):
        return ast.SetType(zonk(t.elem), t.finite)
    if isinstance(t, ast.MultisetType):
        return ast.MultisetType(zonk(t.elem))
    if isinstance(t, ast.MapType):
        return ast.MapType(zonk(t.key), zonk(t.value), t.finite)
    if isinstance(t, ast.TupleType):
        return ast.TupleType([zonk(a) for a in t.elems], t.ghost)
    if isinstance(t, ast.ArrowType):
        return ast.ArrowType([zonk(a) for a in t.args], zonk(t.result), t.arrow)
    return t


def is_nullable(t: Type) -> bool:
    """`C?`, `array?`, `object?`."""
    t = prune(t)
    if isinstance(t, ast.ObjectType):
        return t.nullable
    return isinstance(t, ast.UserType) and t.path[-1].endswith("?")


def normalize(t: Type) -> Type:
    """Head-normalize: follow inference variables, expand synonyms (not opaque types)."""
    for _ in range(100):
        t = prune(t)
        if not isinstance(t, ast.UserType):
            return t
        d = t.decl
        if d is B.OBJECT:
            return ast.ObjectType(nullable=t.path[-1].endswith("?"), span=t.span)
        if isinstance(d, ast.TypeSynonymDecl) and d.rhs is not None:
            t = substitute(d.rhs, subst_map(d.type_params, t.args))
            continue
        return t
    return t


def strip_subset(t: Type) -> Type:
    """normalize, then replace subset types by their base types (newtypes kept)."""
    for _ in range(100):
        t = normalize(t)
        if isinstance(t, ast.UserType) and isinstance(t.decl, ast.SubsetTypeDecl):
            t = substitute(t.decl.base, subst_map(t.decl.type_params, t.args))
            continue
        return t
    return t


def strip_subsets_deep(t: Type) -> Type:
    """Replace subset types by their base types everywhere in t (`seq<nat>` ->
    `seq<int>`); unbound inference variables are kept."""
    t = strip_subset(t)
    if isinstance(t, ast.UserType):
        if not t.args:
            return t
        return ast.UserType(t.path, [strip_subsets_deep(a) for a in t.args], decl=t.decl,
                            span=t.span)
    if isinstance(t, ast.SeqType):
        return ast.SeqType(strip_subsets_deep(t.elem))
    if isinstance(t, ast.SetType):
        return ast.SetType(strip_subsets_deep(t.elem), t.finite)
    if isinstance(t, ast.MultisetType):
        return ast.MultisetType(strip_subsets_deep(t.elem))
    if isinstance(t, ast.MapType):
        return ast.MapType(strip_subsets_deep(t.key), strip_subsets_deep(t.value), t.finite)
    if isinstance(t, ast.TupleType):
        return ast.TupleType([strip_subsets_deep(a) for a in t.elems], t.ghost)
    if isinstance(t, ast.ArrowType):
        return ast.ArrowType([strip_subsets_deep(a) for a in t.args],
                             strip_subsets_deep(t.result), t.arrow)
    return t


def base_type(t: Type) -> Type:
    """Strip subset types and newtypes down to the underlying type (`nat` -> int)."""
    for _ in range(100):
        t = strip_subset(t)
        if isinstance(t, ast.UserType) and isinstance(t.decl, ast.NewtypeDecl):
            t = t.decl.base
            continue
        return t
    return t


def is_subset_type(t: Type) -> bool:
    t = normalize(t)
    return isinstance(t, ast.UserType) and isinstance(t.decl, ast.SubsetTypeDecl)


@dataclass(slots=True)
class SubsetInfo:
    """A subset type's declaration, the BoundVar its constraint talks about, the
    constraint, and the instantiation of the decl's type parameters (keys id(TypeParam))."""
    decl: ast.SubsetTypeDecl
    var: ast.BoundVar | None
    constraint: ast.Expr
    subst: dict[int, Type]


def subset_constraint(t: Type) -> SubsetInfo | None:
    t = normalize(t)
    if isinstance(t, ast.UserType) and isinstance(t.decl, ast.SubsetTypeDecl):
        d = t.decl
        return SubsetInfo(d, d.var_decl, d.constraint, subst_map(d.type_params, t.args))
    return None


def class_decl(t: Type) -> ast.ClassDecl | None:
    """The class/trait (incl. arrays, object) of a reference type, else None."""
    t = strip_subset(t)
    if isinstance(t, ast.ObjectType):
        return B.OBJECT
    if isinstance(t, ast.UserType) and isinstance(t.decl, ast.ClassDecl):
        return t.decl
    return None


def is_ref_type(t: Type) -> bool:
    return class_decl(t) is not None


def family(t: Type) -> str:
    """The operator domain: 'int', 'real', 'bv', 'char', 'bool', 'ordinal', 'seq', 'set',
    'iset', 'multiset', 'map', 'imap', 'ref', 'datatype', 'tuple', 'arrow', 'typeparam',
    'opaque' or '?' (unknown). Newtypes report their base type's family."""
    t = base_type(t)
    if isinstance(t, ast.IntType):
        return "int"
    if isinstance(t, ast.RealType):
        return "real"
    if isinstance(t, ast.BitvectorType):
        return "bv"
    if isinstance(t, ast.CharType):
        return "char"
    if isinstance(t, ast.BoolType):
        return "bool"
    if isinstance(t, ast.OrdinalType):
        return "ordinal"
    if isinstance(t, ast.SeqType):
        return "seq"
    if isinstance(t, ast.SetType):
        return "set" if t.finite else "iset"
    if isinstance(t, ast.MultisetType):
        return "multiset"
    if isinstance(t, ast.MapType):
        return "map" if t.finite else "imap"
    if isinstance(t, ast.ObjectType):
        return "ref"
    if isinstance(t, ast.TupleType):
        return "tuple"
    if isinstance(t, ast.ArrowType):
        return "arrow"
    if isinstance(t, ast.UserType):
        d = t.decl
        if isinstance(d, ast.ClassDecl):
            return "ref"
        if isinstance(d, ast.DatatypeDecl):
            return "datatype"
        if isinstance(d, ast.TypeParam):
            return "typeparam"
        if isinstance(d, ast.TypeSynonymDecl):
            return "opaque"
    return "?"


def types_equal(a: Type, b: Type) -> bool:
    """Structural equality after head normalization at every level."""
    a = normalize(a)
    b = normalize(b)
    if a is b:
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, ast.UserType):
        assert isinstance(b, ast.UserType)
        return (a.decl is b.decl and is_nullable(a) == is_nullable(b)
                and len(a.args) == len(b.args)
                and all(types_equal(x, y) for x, y in zip(a.args, b.args)))
    if isinstance(a, ast.InferredType):
        return False
    if isinstance(a, (ast.SeqType, ast.MultisetType)):
        return types_equal(a.elem, b.elem)  # type: ignore[attr-defined]
    if isinstance(a, ast.SetType):
        return a.finite == b.finite and types_equal(a.elem, b.elem)  # type: ignore
    if isinstance(a, ast.MapType):
        return (a.finite == b.finite and types_equal(a.key, b.key)  # type: ignore
                and types_equal(a.value, b.value))  # type: ignore
    if isinstance(a, ast.TupleType):
        return len(a.elems) == len(b.elems) and all(  # type: ignore
            types_equal(x, y) for x, y in zip(a.elems, b.elems))  # type: ignore
    if isinstance(a, ast.ArrowType):
        return (len(a.args) == len(b.args) and all(  # type: ignore
            types_equal(x, y) for x, y in zip(a.args, b.args))  # type: ignore
            and types_equal(a.result, b.result))  # type: ignore
    if isinstance(a, ast.BitvectorType):
        return a.width == b.width  # type: ignore
    if isinstance(a, ast.ObjectType):
        return a.nullable == b.nullable  # type: ignore
    return True


def type_to_str(t: Type) -> str:
    """Dafny's spelling of a type (synonyms are printed by their own name)."""
    t = prune(t)
    if isinstance(t, ast.InferredType):
        if isinstance(t, TypeVar) and t.default is not None:
            return type_to_str(t.default)
        return "?"
    if isinstance(t, ast.BoolType):
        return "bool"
    if isinstance(t, ast.IntType):
        return "int"
    if isinstance(t, ast.RealType):
        return "real"
    if isinstance(t, ast.CharType):
        return "char"
    if isinstance(t, ast.OrdinalType):
        return "ORDINAL"
    if isinstance(t, ast.BitvectorType):
        return f"bv{t.width}"
    if isinstance(t, ast.ObjectType):
        return "object?" if t.nullable else "object"
    if isinstance(t, ast.SeqType):
        return f"seq<{type_to_str(t.elem)}>"
    if isinstance(t, ast.SetType):
        return f"{'set' if t.finite else 'iset'}<{type_to_str(t.elem)}>"
    if isinstance(t, ast.MultisetType):
        return f"multiset<{type_to_str(t.elem)}>"
    if isinstance(t, ast.MapType):
        kw = "map" if t.finite else "imap"
        return f"{kw}<{type_to_str(t.key)}, {type_to_str(t.value)}>"
    if isinstance(t, ast.TupleType):
        return "(" + ", ".join(type_to_str(a) for a in t.elems) + ")"
    if isinstance(t, ast.ArrowType):
        if len(t.args) == 1 and not isinstance(prune(t.args[0]), (ast.TupleType,
                                                                   ast.ArrowType)):
            lhs = type_to_str(t.args[0])
        else:
            lhs = "(" + ", ".join(type_to_str(a) for a in t.args) + ")"
        return f"{lhs} {t.arrow} {type_to_str(t.result)}"
    if isinstance(t, ast.UserType):
        name = t.path[-1] if t.decl is not None else t.name
        if t.decl is not None and not isinstance(t.decl, ast.TypeParam) and len(t.path) > 1:
            name = t.name
        if t.args:
            return f"{name}<{', '.join(type_to_str(a) for a in t.args)}>"
        return name
    return type(t).__name__
