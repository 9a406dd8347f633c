"""SMT terms and the z3 backend: simplifications, patterns drive instantiation, deep terms,
unknown parameters skipped, limits give up instead of succeeding."""

from __future__ import annotations

from pydafny.smt import terms as T
from pydafny.smt.solver import FakeSolver, SolverOptions
from pydafny.smt.z3_backend import Z3Solver

x = T.const("x", T.INT)


def test_builders_simplify_only_trivially() -> None:
    p = T.const("p", T.BOOL)
    assert T.and_(T.TRUE, p) is p
    assert T.and_(T.FALSE, p) is T.FALSE
    assert T.or_(T.FALSE, p) is p
    assert T.implies(T.TRUE, p) is p
    assert T.implies(T.FALSE, p) is T.TRUE
    assert T.not_(T.not_(p)) is p
    assert T.quant("forall", (), p) is p


def check(*assertions: T.Term, opts: SolverOptions | None = None) -> str:
    s = Z3Solver().open(opts or SolverOptions())
    for a in assertions:
        s.add(a)
    return s.check()


def test_patterns_drive_instantiation() -> None:
    f = T.FunSym("f", (T.INT,), T.INT)
    g = T.FunSym("g", (T.INT,), T.INT)
    v = T.bvar("v!1", T.INT)
    ax = T.quant("forall", (v,), T.arith(">", T.app(g, (v,)), T.int_lit(0)),
                 ((T.app(f, (v,)),),))
    goal_not = T.not_(T.arith(">", T.app(g, (x,)), T.int_lit(0)))
    assert check(ax, goal_not) != "unsat"        # no f(x) term: no instance
    mention = T.eq(T.app(f, (x,)), T.app(f, (x,)))
    y = T.const("y", T.INT)
    assert check(ax, goal_not, T.eq(y, T.app(f, (x,))), mention) == "unsat"


def test_deep_terms_convert_iteratively() -> None:
    t = x
    for _ in range(10000):
        t = T.arith("+", t, T.int_lit(1))
    assert check(T.not_(T.arith(">", t, x))) == "unsat"


def test_unknown_parameters_are_skipped() -> None:
    opts = SolverOptions(params={"no.such.param": 1, "smt.mbqi": False, "auto_config": False})
    assert check(T.not_(T.eq(x, x)), opts=opts) == "unsat"


def test_resource_limit_gives_up() -> None:
    f = T.FunSym("h", (T.INT,), T.INT)
    v = T.bvar("v!2", T.INT)
    ax = T.quant("forall", (v,), T.arith(">", T.app(f, (v,)), T.app(f, (T.arith("+", v, T.int_lit(1)),))),
                 ((T.app(f, (v,)),),))
    s = Z3Solver().open(SolverOptions(resource_limit=1))
    s.add(ax)
    s.add(T.not_(T.arith(">", T.app(f, (x,)), T.int_lit(0))))
    assert s.check() == "unknown"


def test_models_are_evaluated() -> None:
    s = Z3Solver().open(SolverOptions())
    s.add(T.eq(x, T.int_lit(41)))
    assert s.check() == "sat"
    assert s.eval_text(T.arith("+", x, T.int_lit(1))) == "42"
    assert s.eval_bool(T.arith(">", x, T.int_lit(0))) is True


def test_fake_solver_scripts_answers() -> None:
    fake = FakeSolver(["sat", "unknown"], model={"x": 3}, reason="timeout")
    s = fake.open(SolverOptions())
    s.add(T.eq(x, T.int_lit(3)))
    assert s.check() == "sat" and s.eval_text(x) == "3"
    assert s.check() == "unknown" and s.reason_unknown() == "timeout"
    assert s.check() == "unsat"
    assert "(assert" in s.smtlib()
