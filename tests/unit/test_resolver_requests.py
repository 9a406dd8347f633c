"""Unit tests for resolver fixes requested by the verifier and compiler engineers
(/tmp/notes-for-resolver.txt): inferred types, names in constructor defaults, imports
of sibling modules, omitted collection type arguments in signatures."""

from __future__ import annotations

from pydafny.semantics.types import type_to_str
from pydafny.syntax import ast

from test_resolver import errors, local, nodes, resolved


def test_declared_bound_var_does_not_narrow_collection() -> None:
    p = resolved("method Main() { var ints := [-4, 7, -1, 0, 12];\n"
                 "  var s := set n: nat | n in ints;\n"
                 "  var t := set n: nat <- ints;\n"
                 "  var u := [1, 2]; assert forall k: nat :: k in u ==> k >= 0; }")
    assert type_to_str(local(p, "ints").type) == "seq<int>"
    assert type_to_str(local(p, "u").type) == "seq<int>"
    assert type_to_str(local(p, "s").type) == "set<nat>"


def test_inferred_bound_var_takes_collection_element_type() -> None:
    p = resolved("method M(xs: set<nat>) { var s := set x | x in xs; }")
    assert type_to_str(local(p, "s").type) == "set<nat>"


def test_constructor_default_sees_earlier_parameter() -> None:
    p = resolved("datatype Color = Blue(x: int, y: int := x - 1)\n"
                 "method Main() { var c := Blue(3); }")
    dt = next(d for d in nodes(p, ast.DatatypeDecl))
    x, y = dt.ctors[0].formals
    names = [n for n in nodes(y.default, ast.NameExpr) if n.name == "x"]
    assert names and names[0].decl is x
    assert type_to_str(y.default.type) == "int"


def test_constructor_default_type_mismatch_reported() -> None:
    msgs = errors("datatype D = C(x: int, b: bool := x)")
    assert any("default value" in m for m in msgs), msgs


def test_top_level_import_of_sibling_module() -> None:
    p = resolved("module Math { function Sq(x: int): int { x * x } }\n"
                 "module Util { function Id(x: int): int { x } }\n"
                 "import opened Math\nimport Util\n"
                 "method Main() { print Sq(3), Util.Id(2); }")
    imps = nodes(p, ast.ImportDecl)
    assert [i.decl.name for i in imps] == ["Math", "Util"]


def test_import_before_sibling_module() -> None:
    resolved("import opened Math\nmodule Math { function Sq(x: int): int { x * x } }\n"
             "method Main() { print Sq(3), Math.Sq(2); }")


def test_omitted_collection_type_argument_makes_member_generic() -> None:
    p = resolved("method PrintSeq(s: seq) { print s; }\n"
                 "function Len(s: seq, m: map): int { |s| + |m| }\n"
                 "method Main() { PrintSeq(['a']); PrintSeq([1.5]);\n"
                 "  var n := Len([true], map[false := 'c']); }")
    m = next(d for d in nodes(p, ast.Method) if d.name == "PrintSeq")
    assert [tp.name for tp in m.type_params] == ["_T0"]
    assert type_to_str(m.ins[0].type) == "seq<_T0>"
    f = next(d for d in nodes(p, ast.Function) if d.name == "Len")
    assert [tp.name for tp in f.type_params] == ["_T0", "_T1"]


def test_local_initialized_by_ghost_constructor_is_ghost() -> None:
    p = resolved("class G { ghost var g: int\n"
                 "  ghost constructor (ghost n: int) { g := n; } }\n"
                 "class H { constructor () { } }\n"
                 "method M(ghost n: int) { var a1 := new G(n); var h := new H(); }")
    assert local(p, "a1").is_ghost and not local(p, "h").is_ghost
