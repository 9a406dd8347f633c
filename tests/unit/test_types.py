"""Unit tests of semantics.types helpers and semantics.builtins."""

from __future__ import annotations

from pydafny.semantics import builtins as B
from pydafny.semantics import types as T
from pydafny.syntax import ast

NAT = ast.UserType(["nat"], [], decl=B.NAT)
STRING = ast.UserType(["string"], [], decl=B.STRING)


def test_type_to_str_spellings() -> None:
    assert T.type_to_str(ast.SeqType(ast.IntType())) == "seq<int>"
    assert T.type_to_str(ast.MapType(ast.IntType(), ast.BoolType())) == "map<int, bool>"
    assert T.type_to_str(ast.MapType(ast.IntType(), ast.BoolType(), False)) == "imap<int, bool>"
    assert T.type_to_str(ast.UserType(["array"], [ast.IntType()], decl=B.ARRAY(1))) == "array<int>"
    assert T.type_to_str(NAT) == "nat"
    assert T.type_to_str(STRING) == "string"
    assert T.type_to_str(ast.TupleType([ast.IntType(), ast.BoolType()])) == "(int, bool)"
    assert T.type_to_str(ast.ArrowType([ast.IntType()], ast.BoolType())) == "int -> bool"
    assert T.type_to_str(ast.SetType(ast.CharType(), False)) == "iset<char>"
    assert T.type_to_str(ast.BitvectorType(8)) == "bv8"


def test_normalize_and_base() -> None:
    assert isinstance(T.normalize(STRING), ast.SeqType)
    assert T.normalize(NAT) is NAT
    assert T.is_subset_type(NAT)
    assert isinstance(T.base_type(NAT), ast.IntType)
    info = T.subset_constraint(NAT)
    assert info is not None and info.decl is B.NAT and info.var is B.NAT_VAR
    nt = ast.NewtypeDecl("N", "x", ast.IntType())
    assert isinstance(T.base_type(ast.UserType(["N"], [], decl=nt)), ast.IntType)
    assert isinstance(T.strip_subset(ast.UserType(["N"], [], decl=nt)), ast.UserType)


def test_inference_variables_are_followed() -> None:
    v = T.TypeVar()
    v.resolved = ast.SeqType(NAT)
    assert T.type_to_str(v) == "seq<nat>"
    assert T.types_equal(v, ast.SeqType(NAT))
    assert not T.types_equal(v, ast.SeqType(ast.IntType()))
    z = T.zonk(ast.SetType(v))
    assert isinstance(z, ast.SetType) and isinstance(z.elem, ast.SeqType)


def test_substitution() -> None:
    tp = ast.TypeParam("T")
    t = ast.MapType(T.tp_type(tp), ast.SeqType(T.tp_type(tp)))
    s = T.substitute(t, T.subst_map([tp], [ast.IntType()]))
    assert T.type_to_str(s) == "map<int, seq<int>>"


def test_builtins_are_stable() -> None:
    assert B.ARRAY(2) is B.ARRAY(2)
    assert B.array_dims(B.ARRAY(3)) == 3
    assert B.builtin_type_decl("array2", 1) is B.ARRAY(2)
    assert B.builtin_type_decl("array?", 1) is B.ARRAY(1)
    assert B.tuple_member(1) is B.tuple_member(1)
    assert B.array_length_field(B.ARRAY(2), 1).name == "Length1"
    assert T.family(NAT) == "int" and T.family(STRING) == "seq"
