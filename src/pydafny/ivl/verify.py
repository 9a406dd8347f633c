"""Verifying IVL programs: the programmatic API.

    from pydafny.ivl.verify import VerifyOptions, verify_program
    results, diagnostics = verify_program(program, VerifyOptions(time_limit=10))

Takes: a `Program` (parsed from text or built in memory from `pydafny.ivl.ast` nodes) and
`VerifyOptions`.
Guarantees: `verify_program` returns `(results, diagnostics)`. If the program has resolution or
type errors, or uses an unsupported construct, `diagnostics` holds them (with locations) and
`results` is empty. Otherwise there is one `ImplResult` per implementation, in source order
(whatever `cores` is), with a verdict:
  * "verified": the solver proved the implementation's VC (unsat) — the only success;
  * "errors": `failures` lists each obligation found to fail (up to `error_limit`), each with
    its kind (assertion, precondition, postcondition, invariant-entry, invariant-maintained),
    the span where it fails, the specification clause's span, the untouched `info` payload of
    the Assert/Requires/Ensures/Invariant (and of the Call for preconditions), and a
    counterexample (source variable -> value);
  * "timeout" / "resource-out" / "unknown": the solver gave up; never success.
How failures are found: the query is background /\\ VC definitions /\\ not ok_entry (see
vcgen.py); on sat (or unknown with a candidate model) the model is walked from the entry block
along blocks whose ok_b is false to the first assertion label A_i that is false; that
assertion is reported, its D_i asserted (so it is assumed from then on), and the solver asked
again until unsat, the error limit, or a give-up.

As in Boogie, "unknown" because of incompleteness (quantifiers, non-linear arithmetic) comes
with a candidate model and is reported as errors; "unknown" for a time or resource limit is a
give-up. Limits apply to each solver check. Each implementation is checked in a fresh z3
context with fixed seeds, so its verdict does not depend on what was verified before it or on
`cores`.

Per-implementation knobs: the attribute `{:timeLimit N}` / `{:rlimit N}` on an implementation
overrides the limits; `{:verify false}` skips it (counted neither verified nor failed).
The `info` payloads must be picklable when `cores > 1`.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Protocol

from ..diagnostics import Diagnostic
from ..smt import terms as T
from ..smt.solver import DEFAULT_Z3_PARAMS, Session, Solver, SolverOptions
from . import ast as A
from .cfg import LoweringError, lower_implementation
from .encode import EncodeError, Encoder
from .loops import cut_loops
from .results import Failure, FailureKind, ImplResult, Verdict
from .typecheck import ImplInfo, ProgramInfo, check_program
from .vcgen import Vc, VcAssert, generate_vc


@dataclass(slots=True)
class VerifyOptions:
    time_limit: float = 0.0        # seconds per solver check; 0 means none
    resource_limit: int = 0        # z3 rlimit per solver check; 0 means none
    error_limit: int = 5           # failures reported per implementation
    cores: int = 1
    seed: int = 0
    print_smt: bool = False        # fill ImplResult.smtlib
    z3_params: dict[str, object] = field(default_factory=lambda: dict(DEFAULT_Z3_PARAMS))
    solver_factory: Callable[[], Solver] | None = None  # default: z3; FakeSolver in tests
    only: tuple[str, ...] = ()     # verify only these implementations (all when empty)
    proof_cache: ProofCache | None = None  # skip queries already proved (see ProofCache)
    prove_first: bool = False      # first try to prove with preprocessing (SolverOptions)


class ProofCache(Protocol):
    """Remembers proved queries (pydafny.verifier.cache.VerificationCache implements it):
    `verify_impl` asks it with a key made from the query's fingerprint and the solver options
    before solving, and records the key when the query is proved (unsat)."""

    def query_key(self, query_fingerprint: str, solver_options: str) -> str: ...
    def is_proved(self, key: str) -> bool: ...
    def record_proved(self, key: str, name: str) -> None: ...


def _default_solver() -> Solver:
    from ..smt.z3_backend import Z3Solver
    return Z3Solver()


def _attr_num(attrs: A.Attrs, name: str) -> float | None:
    a = A.attr_value(attrs, name)
    if a is not None and a.args and isinstance(a.args[0], A.IntLit):
        return float(a.args[0].value)
    return None


def _skipped(impl: ImplInfo) -> bool:
    a = A.attr_value(impl.attrs, "verify")
    return a is not None and bool(a.args) and a.args[0] == A.BoolLit(False)


def _classify_unknown(reason: str, sopts: SolverOptions, elapsed: float) -> str:
    """TIMEOUT / OUT_OF_RESOURCE for a give-up, "" for incompleteness (a candidate model).
    z3 reports an exhausted rlimit as "canceled", like an interrupted check."""
    r = reason.lower()
    if "timeout" in r:
        return Verdict.TIMEOUT
    if "canceled" in r or "cancelled" in r:
        if sopts.resource_limit > 0 and (sopts.time_limit <= 0
                                         or elapsed < 0.9 * sopts.time_limit):
            return Verdict.OUT_OF_RESOURCE
        return Verdict.TIMEOUT
    if "resource" in r or "rlimit" in r or "memout" in r or "memory" in r:
        return Verdict.OUT_OF_RESOURCE
    return ""


_KIND_ORDER = {FailureKind.INVARIANT_ENTRY: 0, FailureKind.INVARIANT_MAINTAINED: 1}


def _find_failure(session: Session, vc: Vc, disabled: set[int]) -> int | None:
    """Walk the model from the entry along failing blocks to the first false label."""
    b = 0
    steps = 0
    while steps <= len(vc.blocks):
        steps += 1
        pb = vc.blocks[b]
        for i in pb.asserts:
            if i in disabled:
                continue
            a = vc.asserts[i]
            if session.eval_bool(a.label) is False and session.eval_bool(a.disable) is not True:
                return i
        nxt = None
        for fix, j in pb.edges:
            if session.eval_bool(vc.blocks[j].ok) is False and session.eval_bool(fix) is not False:
                nxt = j
                break
        if nxt is None:
            return None
        b = nxt
    return None


# The first, cheap attempt of `prove_first`: the plain solver within this many z3 resource
# units (a deterministic count, unlike time). Measured over 189 corpus queries: half need under
# 10,000, 95% under 500,000; 2,000,000 is about 0.3-1 s of solving.
FIRST_ATTEMPT_RLIMIT = 2_000_000


def _try_to_prove(solver: Solver, sopts: SolverOptions, query: list[T.Term],
                  result: ImplResult, print_smt: bool) -> tuple[bool, str, float]:
    """`prove_first`: (1) the plain solver within FIRST_ATTEMPT_RLIMIT; if it gave up (out
    of that budget, or incomplete) on a query with nonlinear arithmetic, (1') the solver with
    preprocessing and z3's other arithmetic solver within the resource limit and 60% of the
    time left;
    then, if (1) ran out,
    (2) the solver with preprocessing (z3's default tactics: equation solving, context
    simplification, ...; it proves some nonlinear and quantified queries the plain solver
    does not, but costs ~0.2 s even on trivial ones, hence second) within half of what is
    left of the time limit. Returns (decided, give-up verdict, time left): decided with ""
    means proved, with a verdict a final give-up (out of time, or the caller's resource
    limit); otherwise (a model, an incomplete answer, (2) out of time) the caller's plain
    solver decides within the time left, and its model walk finds the failures."""
    start = time.perf_counter()
    rl = FIRST_ATTEMPT_RLIMIT if sopts.resource_limit <= 0 else \
        min(FIRST_ATTEMPT_RLIMIT, sopts.resource_limit)
    steps = [replace(sopts, resource_limit=rl)]

    def left() -> float:
        return sopts.time_limit - (time.perf_counter() - start) if sopts.time_limit > 0 \
            else 0.0
    for k, step in enumerate(steps):
        session = solver.open(step)
        for t in query:
            session.add(t)
        if print_smt and not result.smtlib:
            result.smtlib = session.smtlib()
        tc = time.perf_counter()
        r = session.check()
        if r == "unsat":
            return True, "", left()
        if r != "unknown":
            return False, "", left()
        reason = session.reason_unknown()
        gave_up = _classify_unknown(reason, step, time.perf_counter() - tc)
        if not gave_up and k > 0:
            return False, "", left()
        own_budget = sopts.resource_limit <= 0 or rl < sopts.resource_limit
        if k == 0 and (not gave_up or (gave_up == Verdict.OUT_OF_RESOURCE and own_budget)) \
                and T.has_nonlinear(query):
            # nonlinear arithmetic: z3's other arithmetic solver (its nonlinear procedures
            # differ: each proves queries the other gives up on; measured here, it proves
            # nonlinear lemmas the first one runs out on at 8 times its resource count)
            # within the resource limit and 60% of the time left
            nl_rl = sopts.resource_limit if sopts.resource_limit > 0 else 10 * rl
            nl_tl = max(0.6 * left(), 0.001) if sopts.time_limit > 0 else 0.0
            nl = _nonlinear_attempt(solver, replace(sopts, resource_limit=nl_rl,
                                                    time_limit=nl_tl), query)
            if nl == "unsat":
                return True, "", left()
        if k == 0 and not gave_up:
            return False, "", left()
        if k == 0 and gave_up == Verdict.OUT_OF_RESOURCE and own_budget:
            if sopts.time_limit > 0 and left() <= 0:
                result.reason = reason
                return True, Verdict.TIMEOUT, 0.0
            steps.append(replace(sopts, preprocess=True, time_limit=left() / 2))
            continue
        if k == 1 and gave_up == Verdict.TIMEOUT and left() > 0:
            return False, "", left()  # the plain solver gets the other half
        result.reason = reason
        return True, gave_up, 0.0
    return False, "", left()


# the arithmetic solver of the nonlinear attempt (z3's default one; Dafny's is 2)
NONLINEAR_ARITH_SOLVER = 6


def _nonlinear_attempt(solver: Solver, sopts: SolverOptions, query: list[T.Term]) -> str:
    """Check the query with z3's other arithmetic solver, after z3's preprocessing (measured
    on nonlinear lemmas: with it the solver proves queries it times out on without):
    "sat", "unsat" or "unknown". Any verdict of z3 is sound, whichever procedure reached
    it."""
    params = dict(sopts.params)
    if params.get("smt.arith.solver") == NONLINEAR_ARITH_SOLVER:
        return "unknown"
    params["smt.arith.solver"] = NONLINEAR_ARITH_SOLVER
    session = solver.open(replace(sopts, params=params, preprocess=True))
    for t in query:
        session.add(t)
    return session.check()


def verify_impl(info: ProgramInfo, impl: ImplInfo, options: VerifyOptions,
                solver: Solver) -> ImplResult:
    """Verify one implementation (see the module docstring)."""
    t0 = time.perf_counter()
    # VC generation allocates many small acyclic objects; Python's cyclic collector would scan
    # them over and over (measured: 3-4x slower on 10,000 statements), so it pauses meanwhile
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        enc = Encoder(info)
        cfg = cut_loops(lower_implementation(info, impl))
        vc = generate_vc(cfg, enc)
        background = enc.background()
    finally:
        if was_enabled:
            gc.enable()
    t1 = time.perf_counter()
    tl = _attr_num(impl.attrs, "timeLimit")
    rl = _attr_num(impl.attrs, "rlimit")
    sopts = SolverOptions(tl if tl is not None else options.time_limit,
                          int(rl) if rl is not None else options.resource_limit,
                          options.seed, dict(options.z3_params))
    cache_key = ""
    if options.proof_cache is not None:
        from ..smt.fingerprint import fingerprint
        cache_key = options.proof_cache.query_key(
            fingerprint([*background, *vc.defs, vc.goal]),
            repr((sopts.time_limit, sopts.resource_limit, sopts.seed,
                  sorted(sopts.params.items()), options.error_limit, options.prove_first)))
        if options.proof_cache.is_proved(cache_key):
            t2 = time.perf_counter()
            return ImplResult(impl.name, impl.span, Verdict.VERIFIED, time=t2 - t0,
                              vcgen_time=t1 - t0, vc_size=vc.size, reason="cached")
    result = ImplResult(impl.name, impl.span, Verdict.VERIFIED, vc_size=vc.size)
    if _isolated(impl) and len(vc.asserts) > 1:
        return _verify_isolated(vc, background, sopts, options, solver, result, cache_key,
                                t0, t1)
    failures: list[Failure] = []
    disabled: set[int] = set()
    gave_up = ""
    decided = False
    if options.prove_first:
        decided, gave_up, time_left = _try_to_prove(
            solver, sopts, [*background, *vc.defs, vc.goal], result, options.print_smt)
        if sopts.time_limit > 0:
            sopts = replace(sopts, time_limit=max(time_left, 0.001))
    session = None if decided else solver.open(sopts)
    if session is not None:
        for t in background:
            session.add(t)
        for d in vc.defs:
            session.add(d)
        session.add(vc.goal)
        if options.print_smt and not result.smtlib:
            result.smtlib = session.smtlib()
    while session is not None:
        tc = time.perf_counter()
        r = session.check()
        if r == "unsat":
            break
        reason = session.reason_unknown() if r == "unknown" else ""
        if r == "unknown":
            gave_up = _classify_unknown(reason, sopts, time.perf_counter() - tc)
            result.reason = reason
            if gave_up:
                break
        i = _find_failure(session, vc, disabled)
        if i is None:
            gave_up = gave_up or Verdict.UNKNOWN
            result.reason = result.reason or "no failing assertion found in the model"
            break
        a = vc.asserts[i]
        failures.append(_failure(session, a))
        disabled.add(i)
        session.add(a.disable)
        if len(failures) >= options.error_limit:
            break
    return _finish(result, failures, gave_up, cache_key, options, t0, t1)


def _isolated(impl: ImplInfo) -> bool:
    """`{:isolate_assertions}` (Dafny 4) or `{:vcs_split_on_every_assert}` (Boogie): one
    solver query per assertion, the others assumed."""
    return any(A.attr_value(impl.attrs, n) is not None
               for n in ("isolate_assertions", "vcs_split_on_every_assert"))


def _verify_isolated(vc: Vc, background: list[T.Term], sopts: SolverOptions,
                     options: VerifyOptions, solver: Solver, result: ImplResult,
                     cache_key: str, t0: float, t1: float) -> ImplResult:
    """Check each assertion in a query of its own, in which every other assertion is
    disabled (assumed instead of checked). Sound: each assertion is proved on every path to
    it under assumptions that are themselves proved by their own queries; the time and
    resource limits apply per query."""
    failures: list[Failure] = []
    gave_up = ""
    for i, a in enumerate(vc.asserts):
        session = solver.open(sopts)
        for t in background:
            session.add(t)
        for d in vc.defs:
            session.add(d)
        session.add(vc.goal)
        for j, b in enumerate(vc.asserts):
            if j != i:
                session.add(b.disable)
        tc = time.perf_counter()
        r = session.check()
        if r == "unsat":
            continue
        if r == "unknown":
            reason = session.reason_unknown()
            verdict = _classify_unknown(reason, sopts, time.perf_counter() - tc)
            if verdict:
                gave_up = gave_up or verdict
                result.reason = reason
                continue
        failures.append(_failure(session, a))
        if len(failures) >= options.error_limit:
            break
    return _finish(result, failures, gave_up, cache_key, options, t0, t1)


def _failure(session: Session, a: VcAssert) -> Failure:
    """The failure of assertion a, with the counterexample values the model gives."""
    cex: dict[str, str] = {}
    for name, term in a.cex:
        v = session.eval_text(term)
        if v is not None:
            cex[name] = v
    ck = a.check
    return Failure(ck.kind, ck.span, ck.clause_span, ck.info, ck.site_info, cex)


def _finish(result: ImplResult, failures: list[Failure], gave_up: str, cache_key: str,
            options: VerifyOptions, t0: float, t1: float) -> ImplResult:
    """The verdict and times of result; a proof is recorded in the cache."""
    t2 = time.perf_counter()
    failures.sort(key=lambda f: (f.span.start, f.clause_span.start, _KIND_ORDER.get(f.kind, 9)))
    result.failures = failures
    if failures:
        result.verdict = Verdict.ERRORS
    elif gave_up:
        result.verdict = gave_up
    elif cache_key and options.proof_cache is not None:
        options.proof_cache.record_proved(cache_key, result.name)
    result.vcgen_time = t1 - t0
    result.solver_time = t2 - t1
    result.time = t2 - t0
    return result


# ------------------------------------------------------------------ parallel driver

_JOB: tuple[ProgramInfo, list[ImplInfo], VerifyOptions] | None = None


def _worker(k: int) -> tuple[int, ImplResult | tuple[object, str]]:
    assert _JOB is not None
    info, impls, options = _JOB
    solver = (options.solver_factory or _default_solver)()
    try:
        return k, verify_impl(info, impls[k], options, solver)
    except (LoweringError, EncodeError) as e:
        return k, (e.span, e.message)
    except Exception as e:  # noqa: BLE001 - e.g. the solver rejecting a term: inconclusive
        impl = impls[k]
        return k, ImplResult(impl.name, impl.span, Verdict.UNKNOWN,
                             reason=f"internal error: {type(e).__name__}: {e}")


# Worker processes cost about 0.1-0.2 s to start and gather results, more than a small
# file's whole solving time: measured over 15 corpus files (0.2-11 KB) on a loaded 2-core
# machine, --cores 2 was slower than --cores 1 on 11 of them. So a pool is used only for
# several implementations whose statements span much source text (a proxy for solving time
# that is known before any VC is built); sequential otherwise.
POOL_MIN_IMPLS = 4
POOL_MIN_SOURCE_CHARS = 4_000


def _source_chars(impl: ImplInfo) -> int:
    """The extent of source text the implementation's statements come from."""
    spans = [st.span for b in impl.body.blocks for st in b.stmts if st.span.end > 0]
    spans = [sp for sp in spans if sp.file is spans[0].file] if spans else []
    return max(sp.end for sp in spans) - min(sp.start for sp in spans) if spans else 0


def _worth_a_pool(impls: list[ImplInfo]) -> bool:
    return len(impls) >= POOL_MIN_IMPLS and \
        sum(_source_chars(i) for i in impls) >= POOL_MIN_SOURCE_CHARS


def _start_method() -> str | None:
    """The start method for a worker pool: "fork" (the job is inherited, nothing is
    pickled) only when this process runs a single thread, since forking a process with
    other threads (a library caller's) can deadlock on locks those threads hold; "spawn"
    otherwise (the caller's main module must then be importable, as multiprocessing
    requires); None when neither is usable (then verification is sequential)."""
    import multiprocessing
    import threading
    methods = multiprocessing.get_all_start_methods()
    if threading.active_count() == 1 and "fork" in methods:
        return "fork"
    return "spawn" if "spawn" in methods and _main_importable() else None


def _main_importable() -> bool:
    """Can a spawned worker re-import `__main__`? Not when it was read from stdin or a
    string (its `__file__` names no file): such a pool's workers die at start and it hangs."""
    import os
    import sys
    main_file = getattr(sys.modules.get("__main__"), "__file__", None)
    return main_file is None or os.path.isfile(main_file)


def _set_job(job: tuple[ProgramInfo, list[ImplInfo], VerifyOptions]) -> None:
    """Pool initializer for spawned workers, which do not inherit `_JOB`."""
    global _JOB
    _JOB = job


def _picklable(x: object) -> bool:
    import pickle
    try:
        pickle.dumps(x)
    except Exception:  # noqa: BLE001 - e.g. a lambda as solver_factory: no spawn pool
        return False
    return True


def verify_program(program: A.Program, options: VerifyOptions | None = None,
                   on_result: Callable[[ImplResult], None] | None = None
                   ) -> tuple[list[ImplResult], list[Diagnostic]]:
    """Type check and verify `program`; see the module docstring. `on_result` is called with
    each result in source order as soon as it and all earlier ones are known."""
    global _JOB
    options = options or VerifyOptions()
    info, diags = check_program(program)
    if any(d.severity == "Error" for d in diags):
        return [], diags
    impls = [i for i in info.impls if not _skipped(i)
             and (not options.only or i.name in options.only)]
    results: list[ImplResult | None] = [None] * len(impls)
    errors: list[Diagnostic] = []
    next_out = 0

    def deliver(k: int, r: ImplResult | tuple[object, str]) -> None:
        nonlocal next_out
        if isinstance(r, ImplResult):
            results[k] = r
        else:
            span, msg = r
            errors.append(Diagnostic(span, msg))  # type: ignore[arg-type]
            results[k] = ImplResult(impls[k].name, impls[k].span, Verdict.UNKNOWN,
                                    reason=msg)
        while next_out < len(results) and results[next_out] is not None:
            if on_result is not None and not errors:
                on_result(results[next_out])  # type: ignore[arg-type]
            next_out += 1

    _JOB = (info, impls, options)
    try:
        method = _start_method() if options.cores > 1 and _worth_a_pool(impls) else None
        if method == "spawn" and not _picklable(_JOB):
            method = None
        if method is not None:
            import multiprocessing  # here: a sequential run does not pay for its import
            ctx = multiprocessing.get_context(method)
            init = (_set_job, (_JOB,)) if method == "spawn" else (None, ())
            with ctx.Pool(min(options.cores, len(impls)), *init) as pool:
                for k, r in pool.imap_unordered(_worker, range(len(impls))):
                    deliver(k, r)
        else:
            for k in range(len(impls)):
                deliver(*_worker(k))
    finally:
        _JOB = None
    if errors:
        return [], errors
    return [r for r in results if r is not None], diags


def failure_message(f: Failure) -> tuple[str, str]:
    """Boogie's wording: (error message, related-location message or "")."""
    if f.kind == FailureKind.POSTCONDITION:
        return ("a postcondition could not be proved on this return path",
                "this is the postcondition that could not be proved")
    if f.kind == FailureKind.PRECONDITION:
        return ("a precondition for this call could not be proved",
                "this is the precondition that could not be proved")
    if f.kind == FailureKind.INVARIANT_ENTRY:
        return "this loop invariant could not be proved on entry", ""
    if f.kind == FailureKind.INVARIANT_MAINTAINED:
        return "this invariant could not be proved to be maintained by the loop", ""
    return "this assertion could not be proved", ""
