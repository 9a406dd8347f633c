"""z3 settings of `pydafny verify` (commands/verify.py DAFNY_Z3_PARAMS): the ones Dafny uses,
applied to every session; and programs that only verify with them (regressions)."""

from __future__ import annotations

import os

from pydafny.commands.verify import DAFNY_Z3_PARAMS, VerifyOptions, verify_paths
from pydafny.smt.solver import SolverOptions
from pydafny.smt.z3_backend import Z3Solver

HERE = os.path.dirname(os.path.abspath(__file__))
SPEED = os.path.join(HERE, "..", "dafny_speed")


def test_dafny_settings_reach_the_solver() -> None:
    session = Z3Solver().open(SolverOptions(5.0, 0, 7, dict(DAFNY_Z3_PARAMS)))
    applied = session.params
    assert applied["smt.arith.solver"] == 2
    assert applied["smt.mbqi"] is False
    assert applied["smt.case_split"] == 3
    assert applied["smt.delay_units"] is True
    assert applied["smt.random_seed"] == 7
    assert applied["timeout"] == 5000
    assert "smt.qi.eager_threshold" in applied


def test_nonlinear_loop_invariant_verifies() -> None:
    """Timed out (10 s limit) with z3's default arithmetic solver instead of Dafny's choice."""
    out = verify_paths([os.path.join(SPEED, "nonlinear_loop.dfy")],
                       VerifyOptions(time_limit=30.0, cores=1))
    assert [d.format() for d in out.diagnostics] == []
    assert (out.verified, out.errors, out.timeouts) == (2, 0, 0)


def test_nonlinear_search_loop_verifies() -> None:
    """Timed out (10 s limit) with the plain solver alone; proved with preprocessing
    (VerifyOptions.prove_first, on in `pydafny verify`)."""
    out = verify_paths([os.path.join(SPEED, "square_search.dfy")],
                       VerifyOptions(time_limit=30.0, cores=1))
    assert [d.format() for d in out.diagnostics] == []
    assert (out.verified, out.errors, out.timeouts) == (1, 0, 0)
