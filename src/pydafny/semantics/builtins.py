"""Built-in declarations: stable objects the translator and compiler recognize by identity.

Takes nothing; guarantees that every built-in name a Dafny program can mention without
declaring it resolves to one of the objects below (compare with `is`):

* `NAT`      the subset type `nat = x: int | 0 <= x` (a `SubsetTypeDecl`).
* `STRING`   the synonym `string = seq<char>` (a `TypeSynonymDecl`).
* `OBJECT`   the trait `object` (a `ClassDecl`, is_trait). `object` / `object?` written in a
             program is an `ast.ObjectType`, or a `UserType` whose decl is `OBJECT`.
* `ARRAY(n)` the class `array` (n == 1) or `arrayN` (n >= 2), one `ClassDecl` per n with one
             type parameter `T`; its members are const `Field`s `Length` (n == 1) or
             `Length0` ... `Length{n-1}`. `array_dims(decl)` gives n back (None otherwise).
* `BuiltinMember` objects for members of built-in types, set as `MemberSelect.decl`:
  `MAP_KEYS`, `MAP_VALUES`, `MAP_ITEMS` (`m.Keys` ...), `REAL_FLOOR` (`r.Floor`),
  `ARROW_REQUIRES`, `ARROW_READS` (`f.requires`, `f.reads`), `ORD_IS_LIMIT`,
  `ORD_IS_SUCC`, `ORD_OFFSET`, `ORD_IS_NAT`, `BV_ROTATE_LEFT`, `BV_ROTATE_RIGHT`,
  and `tuple_member(i)` for `t.0`, `t.1`, ... (one object per index).
* `BUILTIN_MODULE` the pseudo-module `_System` that owns the above (their `owner`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..syntax import ast

BUILTIN_MODULE = ast.ModuleDecl("_System", [])


@dataclass(slots=True, eq=False)
class BuiltinMember(ast.Decl):
    """A member of a built-in type (no source declaration). `name` is its Dafny name."""
    name: str
    owner_kind: str          # 'map', 'real', 'arrow', 'ordinal', 'bv', 'tuple'
    index: int = -1          # tuple component index for tuple members
    owner: object = field(default_factory=lambda: BUILTIN_MODULE)

    def __hash__(self) -> int:
        return id(self)


def _var(name: str) -> ast.NameExpr:
    return ast.NameExpr(name)


def _nat_decl() -> ast.SubsetTypeDecl:
    x = ast.NameExpr("x")
    constraint = ast.BinaryExpr("<=", ast.IntLit(0, "0", type=ast.IntType()), x,
                                type=ast.BoolType())
    constraint.resolved_op = "<=:int"
    decl = ast.SubsetTypeDecl("nat", [], "x", ast.IntType(), constraint)
    # the bound variable of the constraint: a BoundVar named like the decl's `var`
    bv = ast.BoundVar("x", ast.IntType())
    x.decl = bv
    x.type = ast.IntType()
    decl.var_decl = bv
    _NAT_VAR[0] = bv
    return decl


_NAT_VAR: list[ast.BoundVar] = [ast.BoundVar("x", ast.IntType())]
NAT = _nat_decl()
NAT_VAR: ast.BoundVar = _NAT_VAR[0]
"""The bound variable `x` used in `NAT.constraint`."""

STRING = ast.TypeSynonymDecl("string", [], ast.SeqType(ast.CharType()))
OBJECT = ast.ClassDecl("object", [], [], [], is_trait=True)

_ARRAYS: dict[int, ast.ClassDecl] = {}


def ARRAY(n: int) -> ast.ClassDecl:
    """The built-in class `array` (n == 1) or `arrayN` (n >= 2); the same object per n."""
    decl = _ARRAYS.get(n)
    if decl is None:
        name = "array" if n == 1 else f"array{n}"
        tp = ast.TypeParam("T")
        members: list[ast.Decl] = []
        for i in range(n):
            fname = "Length" if n == 1 else f"Length{i}"
            members.append(ast.Field(fname, ast.IntType(), is_const=True))
        if n == 1:
            members.append(ast.Field("Length0", ast.IntType(), is_const=True))
        decl = ast.ClassDecl(name, [tp], [], members)
        for m in members:
            assert isinstance(m, ast.Field)
            m.owner = decl
        _ARRAYS[n] = decl
    return decl


def array_dims(decl: object) -> int | None:
    """n if `decl` is `ARRAY(n)`, else None."""
    for n, d in _ARRAYS.items():
        if d is decl:
            return n
    return None


def array_length_field(decl: ast.ClassDecl, dim: int) -> ast.Field:
    """The `Length`/`LengthI` field of ARRAY(n) for dimension `dim` (0-based)."""
    n = array_dims(decl) or 1
    name = "Length" if n == 1 else f"Length{dim}"
    for m in decl.members:
        if isinstance(m, ast.Field) and m.name == name:
            return m
    raise KeyError(name)


MAP_KEYS = BuiltinMember("Keys", "map")
MAP_VALUES = BuiltinMember("Values", "map")
MAP_ITEMS = BuiltinMember("Items", "map")
REAL_FLOOR = BuiltinMember("Floor", "real")
ARROW_REQUIRES = BuiltinMember("requires", "arrow")
ARROW_READS = BuiltinMember("reads", "arrow")
ORD_IS_LIMIT = BuiltinMember("IsLimit", "ordinal")
ORD_IS_SUCC = BuiltinMember("IsSucc", "ordinal")
ORD_OFFSET = BuiltinMember("Offset", "ordinal")
ORD_IS_NAT = BuiltinMember("IsNat", "ordinal")
BV_ROTATE_LEFT = BuiltinMember("RotateLeft", "bv")
BV_ROTATE_RIGHT = BuiltinMember("RotateRight", "bv")

_TUPLE_MEMBERS: dict[int, BuiltinMember] = {}


def tuple_member(i: int) -> BuiltinMember:
    """The selector `.i` of tuples (the same object for every tuple arity)."""
    m = _TUPLE_MEMBERS.get(i)
    if m is None:
        m = BuiltinMember(str(i), "tuple", index=i)
        _TUPLE_MEMBERS[i] = m
    return m


def builtin_type_decl(name: str, nargs: int) -> ast.Decl | None:
    """The built-in type declaration named `name` (nat, string, object, array, arrayN)."""
    if name == "nat":
        return NAT
    if name == "string":
        return STRING
    if name in ("object", "object?"):
        return OBJECT
    base = name.removesuffix("?")
    if base == "array":
        return ARRAY(1)
    if base.startswith("array") and base[5:].isdigit():
        n = int(base[5:])
        if n >= 2:
            return ARRAY(n)
    return None
