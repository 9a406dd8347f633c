"""Interval inference at loop heads (verifier/intervals.py) on small IVL bodies."""

from pydafny.ivl import ast as I
from pydafny.ivl.parser import parse_program
from pydafny.syntax.source import SourceFile
from pydafny.verifier.intervals import infer_loop_intervals


def _loop_facts(body_text: str, decls: str = "var i: int; var k: int; var b: bool; "
                "var n: int;") -> list[list[str]]:
    """The free invariants added to each loop (outer loops first), as IVL text."""
    from pydafny.ivl.printer import print_expr
    prog = parse_program(SourceFile("t.bpl", f"procedure P() {{ {decls} {body_text} }}"))
    impl = prog.decls[0]
    assert isinstance(impl, I.ProcedureDecl) and impl.body is not None
    stmts = list(impl.body.blocks[0].stmts)
    out = infer_loop_intervals(stmts, list(impl.body.locals))
    facts: list[list[str]] = []

    def walk(ss: list[I.Stmt]) -> None:
        for s in ss:
            if isinstance(s, I.While):
                facts.append([print_expr(inv.expr) for inv in s.invariants if inv.free])
                walk(list(s.body))
            elif isinstance(s, I.If):
                walk(list(s.then))
                walk(list(s.else_ or ()))
    walk(out)
    return facts


def test_counter_lower_bound_and_widened_upper_bound() -> None:
    facts = _loop_facts("i := 0; k := 5; while (i < n) { i := i + 1; k := 7; }")
    assert facts == [["0 <= i", "5 <= k"]]


def test_flag_reset_before_back_edge_is_false_at_head() -> None:
    facts = _loop_facts("b := false; i := n; while (i > 0) { i := i - 1; havoc b; "
                        "if (b) { break; } }")
    assert facts == [["!b"]]


def test_flag_toggled_is_unknown() -> None:
    facts = _loop_facts("b := false; i := 0; while (i < n) { b := !b; i := i + 1; }")
    assert facts == [["0 <= i"]]


def test_invariants_and_guard_narrow() -> None:
    facts = _loop_facts("i := 0; while (i < n) invariant i < 11; { i := i + 1; }")
    assert facts == [["0 <= i", "i <= 10"]]
    # a fact that is already an invariant is not repeated
    facts = _loop_facts("i := 0; while (i < n) invariant i <= 10; { i := i + 1; }")
    assert facts == [["0 <= i"]]


def test_nested_loops() -> None:
    facts = _loop_facts("i := 0; while (i < n) { k := 0; while (k < i) { k := k + 1; } "
                        "i := i + 1; }")
    # k is unknown when the outer loop is entered
    assert facts == [["0 <= i"], ["0 <= k"]]


def test_calls_and_havoc_forget() -> None:
    facts = _loop_facts("i := 0; while (i < n) { i := i + 1; havoc i; }")
    assert facts == [[]]


def test_goto_gives_up() -> None:
    facts = _loop_facts("i := 0; while (i < n) { i := i + 1; } goto L; L: i := 1;")
    assert facts in ([], [[]])
