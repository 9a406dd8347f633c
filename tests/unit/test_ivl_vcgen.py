"""VC generation: loops are cut into an acyclic graph, the VC is linear in the program size,
long programs need no deep recursion, irreducible control flow is refused."""

from __future__ import annotations

import pytest

from pydafny.ivl.cfg import LAssert, LAssume, LHavoc, LoweringError, lower_implementation
from pydafny.ivl.encode import Encoder
from pydafny.ivl.loops import cut_loops
from pydafny.ivl.parser import parse_program
from pydafny.ivl.typecheck import check_program
from pydafny.ivl.vcgen import generate_vc
from pydafny.ivl.verify import VerifyOptions, verify_program
from pydafny.smt import terms as T
from pydafny.smt.solver import FakeSolver
from pydafny.syntax.source import SourceFile


def setup(text: str):  # type: ignore[no-untyped-def]
    info, diags = check_program(parse_program(SourceFile("t.bpl", text)))
    assert not diags, [d.format() for d in diags]
    return info, info.impls[0]


def straight_line(n: int) -> str:
    body = "\n".join("x := x + 1; if (*) { y := x; } else { y := y + 1; } assert x > 0;"
                     for _ in range(n))
    return f"procedure P() returns (x: int, y: int) {{ x := 0; {body} }}"


def vc_nodes(text: str) -> int:
    info, impl = setup(text)
    vc = generate_vc(cut_loops(lower_implementation(info, impl)), Encoder(info))
    return sum(T.size(d) for d in vc.defs) + T.size(vc.goal)


def test_vc_size_is_linear() -> None:
    small, large = vc_nodes(straight_line(100)), vc_nodes(straight_line(1000))
    assert 9 * small <= large <= 11 * small


def test_loops_are_cut() -> None:
    info, impl = setup("""procedure P(n: int) { var i: int; i := 0;
        while (i < n) invariant i >= 0; { i := i + 1; } }""")
    cfg = cut_loops(lower_implementation(info, impl))
    index = {id(b): k for k, b in enumerate(cfg.blocks)}
    for k, b in enumerate(cfg.blocks):  # topological order: edges only go forward
        assert all(index[id(s)] > k for s in b.succs)
    kinds = [c.check.kind for b in cfg.blocks for c in b.cmds if isinstance(c, LAssert)]
    assert sorted(kinds) == ["invariant-entry", "invariant-maintained"]
    head = next(b for b in cfg.blocks if b.label == "$loophead")
    assert isinstance(head.cmds[0], LHavoc) and head.cmds[0].names == ("i",)
    assert isinstance(head.cmds[1], LAssume) and head.cmds[1].invariant


def test_irreducible_control_flow_is_refused() -> None:
    info, impl = setup("""procedure P() { start: goto A, B; A: goto B; B: goto A; }""")
    with pytest.raises(LoweringError) as e:
        cut_loops(lower_implementation(info, impl))
    assert "irreducible" in e.value.message


def test_irreducible_control_flow_is_an_error_for_users() -> None:
    prog = parse_program(SourceFile("t.bpl", "procedure P() { start: goto A, B; A: goto B; "
                                             "B: goto A; }"))
    results, diags = verify_program(prog)
    assert results == [] and "irreducible" in diags[0].message


def test_ten_thousand_statements_without_deep_recursion() -> None:
    text = straight_line(3400)  # about 10,000 statements
    prog = parse_program(SourceFile("t.bpl", text))
    opts = VerifyOptions(solver_factory=lambda: FakeSolver(["unsat"]))
    results, diags = verify_program(prog, opts)
    assert diags == [] and results[0].verdict == "verified"
    assert results[0].vc_size > 10000


def test_join_fixups_on_edges() -> None:
    info, impl = setup("""procedure P(b: bool) returns (r: int) {
        if (b) { r := 1; } else { r := 2; } assert r > 0; }""")
    vc = generate_vc(cut_loops(lower_implementation(info, impl)), Encoder(info))
    fixes = [repr(f) for pb in vc.blocks for f, _ in pb.edges if not T.is_true(f)]
    assert sorted(fixes) == ["(= r@1 1)", "(= r@1 2)"]
