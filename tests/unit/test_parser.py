"""The parser: precedence, associativity, disambiguation rules and the shapes of the AST
it builds for each construct."""

from __future__ import annotations

from typing import Any

from pydafny.diagnostics import Reporter
from pydafny.syntax import ast as A
from pydafny.syntax.parser import parse_source
from pydafny.syntax.source import SourceFile


def prog(text: str) -> A.Program:
    rep = Reporter()
    p = parse_source(SourceFile("t.dfy", text), rep)
    assert not rep.diagnostics, [d.format() for d in rep.diagnostics]
    return p


def errors(text: str) -> list[str]:
    rep = Reporter()
    parse_source(SourceFile("t.dfy", text), rep)
    return [d.format() for d in rep.diagnostics]


def expr(text: str) -> A.Expr:
    d = prog(f"const c := {text}").module.decls[0]
    assert isinstance(d, A.Field) and d.init is not None
    return d.init


def stmts(text: str) -> list[A.Stmt]:
    m = prog(f"method M() {{ {text} }}").module.decls[0]
    assert isinstance(m, A.Method) and m.body is not None
    return m.body.stmts


def n(name: str) -> A.NameExpr:
    return A.NameExpr(name)


def i(v: int) -> A.IntLit:
    return A.IntLit(v, str(v))


def b(op: str, l: Any, r: Any) -> A.BinaryExpr:
    return A.BinaryExpr(op, l, r)


def test_arithmetic_precedence() -> None:
    assert expr("a + b * c") == b("+", n("a"), b("*", n("b"), n("c")))
    assert expr("a - b - c") == b("-", b("-", n("a"), n("b")), n("c"))
    assert expr("a << 1 + 2") == b("<<", n("a"), b("+", i(1), i(2)))
    assert expr("a * b & c") == b("*", n("a"), b("&", n("b"), n("c")))
    assert expr("-x as int") == A.ConversionExpr(A.UnaryExpr("-", n("x")), A.IntType())
    assert expr("x as int + 1") == b("+", A.ConversionExpr(n("x"), A.IntType()), i(1))
    assert expr("a >> 2") == b(">>", n("a"), i(2))


def test_logical_precedence_and_associativity() -> None:
    assert expr("a ==> b ==> c") == b("==>", n("a"), b("==>", n("b"), n("c")))
    assert expr("a <== b <== c") == b("<==", b("<==", n("a"), n("b")), n("c"))
    assert expr("a <==> b ==> c") == b("<==>", n("a"), b("==>", n("b"), n("c")))
    assert expr("a && b ==> c || d") == b("==>", b("&&", n("a"), n("b")),
                                          b("||", n("c"), n("d")))
    assert expr("&& a && b") == b("&&", n("a"), n("b"))
    assert expr("!a && b") == b("&&", A.UnaryExpr("!", n("a")), n("b"))


def test_chains_and_relations() -> None:
    assert expr("a < b <= c") == A.ChainExpr([n("a"), n("b"), n("c")], ["<", "<="])
    assert expr("x in s && y !in t") == b("&&", b("in", n("x"), n("s")),
                                          b("!in", n("y"), n("t")))
    assert isinstance(expr("a ==#[k] b"), A.PrefixEqExpr)


def test_mixing_without_parentheses_is_an_error() -> None:
    assert "Ambiguous use of && and ||" in errors("const c := a && b || c")[0]
    assert "Ambiguous use of ==> and <==" in errors("const c := a ==> b <== c")[0]
    assert "Ambiguous use of &, |, ^" in errors("const c := a & b | c")[0]
    assert "cannot continue with a descending operator" in errors("const c := a < b > c")[0]
    assert "more than one !=" in errors("const c := a != b != c")[0]
    assert "cannot be part of a chain" in errors("const c := a in b in c")[0]
    assert "only chain disjoint" in errors("const c := a !! b == c")[0]
    assert expr("a == b != c") == A.ChainExpr([n("a"), n("b"), n("c")], ["==", "!="])
    assert expr("a !! b !! c") == A.ChainExpr([n("a"), n("b"), n("c")], ["!!", "!!"])


def test_unicode_operators() -> None:
    assert expr("a \u2227 b \u21d2 \u00acc") == b("==>", b("&&", n("a"), n("b")),
                                                     A.UnaryExpr("!", n("c")))
    e = expr("\u2200 x \u2022 x \u2264 y")
    assert isinstance(e, A.QuantifierExpr) and e.body == b("<=", n("x"), n("y"))


def test_alternatives_need_case_after_brace() -> None:
    s = stmts("if {1} == s { } if { case true => }")
    assert isinstance(s[0], A.IfStmt) and isinstance(s[1], A.AlternativeIfStmt)


def test_equals_instead_of_gets() -> None:
    assert "should be initialized using ':='" in errors("method M() { var x = 1; }")[0]
    assert "should be initialized using ':='" in errors("const c := var x = 1; x")[0]
    assert "not allowed in expressions" in errors("const c := new C()")[0]


def test_generic_instantiation_versus_less_than() -> None:
    e = expr("f<int>(x)")
    assert isinstance(e, A.ApplyExpr) and e.callee == A.NameExpr("f", [A.IntType()])
    e = expr("F(a < b, c > d)")
    assert isinstance(e, A.ApplyExpr)
    assert [x.expr for x in e.args] == [b("<", n("a"), n("b")), b(">", n("c"), n("d"))]


def test_suffixes() -> None:
    assert expr("s[i := v]") == A.SeqUpdateExpr(n("s"), n("i"), n("v"))
    assert expr("s[1..]") == A.SliceExpr(n("s"), i(1), None)
    assert expr("s[..]") == A.SliceExpr(n("s"), None, None)
    assert expr("a[i, j]") == A.MultiIndexExpr(n("a"), [n("i"), n("j")])
    assert expr("s[1:2:]") == A.SeqSplitExpr(n("s"), [i(1), i(2)], True)
    assert expr("d.(f := 1)") == A.DatatypeUpdateExpr(n("d"), [("f", i(1))])
    assert expr("t.0") == A.MemberSelect(n("t"), "0")
    assert expr("x.Cons?") == A.MemberSelect(n("x"), "Cons?")
    assert expr("f(x := 1)") == A.ApplyExpr(n("f"), [A.Binding(i(1), "x")])
    assert expr("|s| + 1") == b("+", A.UnaryExpr("|.|", n("s")), i(1))


def test_endless_expressions_extend_right() -> None:
    e = expr("forall x :: P(x) && Q(x)")
    assert isinstance(e, A.QuantifierExpr) and isinstance(e.body, A.BinaryExpr)
    e = expr("a && forall x | x in s :: x > 0")
    assert isinstance(e, A.BinaryExpr) and isinstance(e.right, A.QuantifierExpr)
    e = expr("x => x + 1")
    assert isinstance(e, A.LambdaExpr) and e.body == b("+", n("x"), i(1))
    e = expr("(x: int, y) requires x > 0 reads {} => x")
    assert isinstance(e, A.LambdaExpr) and len(e.vars) == 2 and len(e.requires) == 1
    e = expr("if a then b else c + 1")
    assert isinstance(e, A.ITEExpr) and isinstance(e.else_, A.BinaryExpr)
    e = expr("var x := 1; x + 1")
    assert isinstance(e, A.LetExpr) and e.pats == [A.VarPattern("x")]
    e = expr("var x :| x > 0; x")
    assert isinstance(e, A.LetExpr) and e.such_that
    e = expr("assert P; 5")
    assert isinstance(e, A.StmtExpr) and isinstance(e.stmt, A.AssertStmt)


def test_comprehensions_and_displays() -> None:
    e = expr("set x | x in s :: x + 1")
    assert isinstance(e, A.SetComprehension) and e.term is not None
    e = expr("map x | x in s :: x := 2 * x")
    assert isinstance(e, A.MapComprehension) and e.key == n("x")
    e = expr("forall x <- s | x > 0 :: x < 10")
    assert isinstance(e, A.QuantifierExpr) and e.vars[0].domain == n("s")
    e = expr("forall x {:trigger f(x)} :: f(x)")
    assert isinstance(e, A.QuantifierExpr) and e.attributes[0].name == "trigger"
    assert expr("multiset{1}") == A.MultisetDisplay([i(1)])
    assert expr("multiset(s)") == A.MultisetConversion(n("s"))
    assert expr("iset{}") == A.SetDisplay([], False)
    assert expr("map[1 := 2]") == A.MapDisplay([(i(1), i(2))])
    assert expr("seq<int>(3, f)") == A.SeqConstructor(i(3), n("f"), A.IntType())
    assert expr("()") == A.TupleExpr([])
    assert expr("(1, 2)") == A.TupleExpr([i(1), i(2)])
    assert expr("old@L(x)") == A.OldExpr(n("x"), "L")
    assert expr("!!p") == A.UnaryExpr("!", A.UnaryExpr("!", n("p")))


def test_literals() -> None:
    assert expr("0x1_F") == A.IntLit(31, "0x1_F")
    assert expr("1_000") == A.IntLit(1000, "1_000")
    assert expr("1.5") == A.RealLit("1.5")
    assert expr(r"'\''") == A.CharLit("'")
    assert expr(r'"a\tb"') == A.StringLit("a\tb")
    assert expr('@"a""b"') == A.StringLit('a"b', True)


def test_match_expression_and_patterns() -> None:
    e = expr("match x case A(y, _) => y case B | C => 0 case -1 => 2 case (a, b) => a")
    assert isinstance(e, A.MatchExpr) and len(e.cases) == 4 and not e.braced
    assert e.cases[0].pattern == A.CtorPattern("A", [A.VarPattern("y"), A.VarPattern("_")])
    assert isinstance(e.cases[1].pattern, A.DisjunctivePattern)
    assert e.cases[2].pattern == A.LitPattern(A.IntLit(-1, "-1"))
    assert e.cases[3].pattern == A.CtorPattern("", [A.VarPattern("a"), A.VarPattern("b")])


def test_leading_bar_in_patterns_and_attributes_on_match() -> None:
    s = stmts("match {:split false} x { case | A | B => y := 1; }")
    assert isinstance(s[0], A.MatchStmt)
    assert isinstance(s[0].cases[0].pattern, A.DisjunctivePattern)


def test_variable_declarations_and_updates() -> None:
    s = stmts("var x: int := 5; var a, b := 1, 2; var y :| y > 0; var (p, q) := t;"
              " a, b := M(x); x :- N(); M(1); x := *; :- expect O();")
    assert isinstance(s[0], A.VarDeclStmt) and s[0].vars[0].type == A.IntType()
    assert isinstance(s[1], A.VarDeclStmt) and isinstance(s[1].rhs, A.AssignStmt)
    assert len(s[1].rhs.rhss) == 2
    assert isinstance(s[2], A.VarDeclStmt) and isinstance(s[2].rhs, A.AssignSuchThatStmt)
    assert isinstance(s[3], A.VarDeclPatternStmt)
    assert isinstance(s[4], A.AssignStmt) and len(s[4].lhss) == 2 and len(s[4].rhss) == 1
    assert isinstance(s[5], A.AssignOrReturnStmt)
    assert s[6] == A.AssignStmt([], [A.ExprRhs(A.ApplyExpr(n("M"), [A.Binding(i(1))]))])
    assert isinstance(s[7], A.AssignStmt) and isinstance(s[7].rhss[0], A.HavocRhs)
    assert isinstance(s[8], A.AssignOrReturnStmt) and s[8].keyword == "expect"


def test_new_forms() -> None:
    s = stmts("a := new int[n]; a := new int[n](i => 0); a := new int[][1, 2, 3];"
              " m := new int[3, 4]; c := new C.Init(1); c := new C; c := new C<int>(2);")
    rhss = [x.rhss[0] for x in s if isinstance(x, A.AssignStmt)]
    assert isinstance(rhss[0], A.NewArrayRhs) and rhss[0].dims == [n("n")]
    assert isinstance(rhss[1], A.NewArrayRhs) and isinstance(rhss[1].init_fn, A.LambdaExpr)
    assert isinstance(rhss[2], A.NewArrayRhs) and rhss[2].dims == [] and \
        rhss[2].init_elems == [i(1), i(2), i(3)]
    assert isinstance(rhss[3], A.NewArrayRhs) and len(rhss[3].dims) == 2
    assert rhss[4] == A.NewObjectRhs(A.UserType(["C"], []), "Init", [A.Binding(i(1))])
    assert rhss[5] == A.NewObjectRhs(A.UserType(["C"], []), None, None)
    assert rhss[6] == A.NewObjectRhs(A.UserType(["C"], [A.IntType()]), None,
                                     [A.Binding(i(2))])


def test_control_statements() -> None:
    s = stmts("if * { } if case x => y := 1; case !x => y := 2;")
    assert isinstance(s[0], A.IfStmt) and s[0].guard is None
    assert isinstance(s[1], A.AlternativeIfStmt) and len(s[1].cases) == 2
    s = stmts("while i < n invariant i <= n decreases n - i modifies a { i := i + 1; }")
    w = s[0]
    assert isinstance(w, A.WhileStmt) and len(w.spec.invariants) == 1
    assert w.spec.decreases is not None and w.spec.modifies[0].expr == n("a")
    s = stmts("while decreases * { case x > 0 => x := 0; }")
    assert isinstance(s[0], A.AlternativeLoopStmt)
    s = stmts("for i := 0 to n { } for i := n downto 0 { } for i := 0 to * { }")
    assert [(isinstance(x, A.ForLoopStmt) and x.downto) for x in s] == [False, True, False]
    s = stmts("forall i | 0 <= i < n { a[i] := 0; } forall x ensures P(x) { L(x); }")
    assert isinstance(s[0], A.ForallStmt) and isinstance(s[1], A.ForallStmt)
    assert len(s[1].ensures) == 1
    s = stmts("label L: while true { break L; } break; continue; break break;")
    assert isinstance(s[0], A.LabeledStmt) and s[0].label == "L"
    assert s[1:] == [A.BreakStmt(), A.BreakStmt(None, 1, True), A.BreakStmt(None, 2)]
    s = stmts("if x :| x > 0 { }")
    assert isinstance(s[0], A.IfStmt) and s[0].bound_vars is not None


def test_other_statements() -> None:
    s = stmts("assert L: P; assert P by { } assume {:axiom} P; expect P, \"m\";"
              " print a, b; return; reveal f(), g; modify a; calc <= { 1; < { } 2; 3; }")
    assert isinstance(s[0], A.AssertStmt) and s[0].label == "L"
    assert isinstance(s[1], A.AssertStmt) and s[1].by is not None
    assert isinstance(s[2], A.AssumeStmt) and s[2].attributes[0].name == "axiom"
    assert isinstance(s[3], A.ExpectStmt) and s[3].message == A.StringLit("m")
    assert s[4] == A.PrintStmt([n("a"), n("b")])
    assert s[5] == A.ReturnStmt()
    assert isinstance(s[6], A.RevealStmt) and len(s[6].exprs) == 2
    assert isinstance(s[7], A.ModifyStmt)
    c = s[8]
    assert isinstance(c, A.CalcStmt) and c.op == "<=" and len(c.steps) == 3
    assert c.steps[0].op == "<" and c.steps[0].hint is not None and c.steps[1].op is None
    s = stmts("match x { case A => y := 1; case B => }")
    assert isinstance(s[0], A.MatchStmt) and s[0].braced and s[0].cases[1].body == []


def test_declarations() -> None:
    p = prog("""
      module {:options "x"} A.B refines C { import opened D = E.F  export X provides f }
      abstract module M { type T(==,0)<U> }
      newtype N = x: int | x > 0 witness 1
      type S = x: nat | x < 5 ghost witness 0
      datatype D<T> = | A | B(x: T, int) { predicate P() { true } }
      codatatype S2 = S2(S2)
      class C<T(==)> extends J { var f: int, g: bool  ghost const k := 1
        constructor (x: int) { }  static method M() returns (r: int) }
      trait J { }
      iterator I(x: int) yields (y: int) { yield 1; }
      function method FM(): int { 1 }
      ghost function GF(): int { 1 }
      least predicate LP(x: int) { true }
      twostate lemma TL() { }
      function F(x: int): (r: int) ensures r == x { x } by method { return x; }
    """)
    ds = prog_decls = p.module.decls
    assert isinstance(ds[0], A.ModuleDecl) and ds[0].name == "A.B" and ds[0].refines == ["C"]
    assert ds[0].attributes[0].name == "options"
    imp = ds[0].decls[0]
    assert isinstance(imp, A.ImportDecl) and imp.opened and imp.name == "D"
    assert imp.target == ["E", "F"]
    assert isinstance(ds[1], A.ModuleDecl) and ds[1].is_abstract
    t = ds[1].decls[0]
    assert isinstance(t, A.TypeSynonymDecl) and t.characteristics == ["==", "0"]
    assert isinstance(ds[2], A.NewtypeDecl) and ds[2].witness_kind == "witness"
    assert isinstance(ds[3], A.SubsetTypeDecl) and ds[3].witness_kind == "ghost witness"
    dt = ds[4]
    assert isinstance(dt, A.DatatypeDecl) and [c.name for c in dt.ctors] == ["A", "B"]
    assert dt.ctors[1].formals[1].name == "" and len(dt.members) == 1
    assert isinstance(ds[5], A.DatatypeDecl) and ds[5].is_co
    cls = ds[6]
    assert isinstance(cls, A.ClassDecl) and [type(m).__name__ for m in cls.members] == \
        ["Field", "Field", "Field", "Method", "Method"]
    ctor = cls.members[3]
    assert isinstance(ctor, A.Method) and ctor.kind == "constructor" and ctor.name == ""
    assert isinstance(cls.members[4], A.Method) and cls.members[4].is_static
    assert isinstance(ds[7], A.ClassDecl) and ds[7].is_trait
    assert isinstance(ds[8], A.IteratorDecl) and len(ds[8].outs) == 1
    fm, gf, lp, tl, f = ds[9:14]
    assert isinstance(fm, A.Function) and not fm.is_ghost
    assert isinstance(gf, A.Function) and gf.is_ghost
    assert isinstance(lp, A.Function) and lp.extreme == "least" and lp.kind == "predicate"
    assert isinstance(tl, A.Method) and tl.kind == "twostate lemma"
    assert isinstance(f, A.Function) and f.result is not None and f.by_method is not None
    assert prog_decls is ds


def test_contextual_keywords_are_identifiers() -> None:
    s = stmts("var opaque := 1; var least := 2; var to := opaque + least;")
    assert len(s) == 3
    f = prog("opaque function F(): int { 1 }  static opaque ghost function G(): int { 2 }")
    assert all(isinstance(d, A.Function) and d.is_opaque for d in f.module.decls)


def test_lemma_call_in_function_body() -> None:
    f = prog("function F(x: int): int { L(x); x }").module.decls[0]
    assert isinstance(f, A.Function) and isinstance(f.body, A.StmtExpr)


def test_includes_are_recorded() -> None:
    p = prog('include "a.dfy"\ninclude "b.dfy"\nmethod M() { }')
    assert [x.path for x in p.includes] == ["a.dfy", "b.dfy"]


def test_spans_locate_nodes() -> None:
    p = prog("method M() {\n  var x := 1 + 2;\n}")
    m = p.module.decls[0]
    assert isinstance(m, A.Method) and m.body is not None
    s = m.body.stmts[0]
    assert (s.span.line, s.span.col) == (2, 3)
    assert s.span.text() == "var x := 1 + 2;"


def test_several_errors_are_reported() -> None:
    errs = errors("method M() { x := ; y := 1 +; }\nmethod N() { z = 1; }\nclass { }")
    assert len(errs) == 4
    assert errs[0] == "t.dfy(1,19): Error: invalid Expression"
    assert "invalid UpdateStmt" in errs[2]
    assert "ident expected" in errs[3]
