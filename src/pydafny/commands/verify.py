"""`pydafny verify [options] FILE.dfy...`: verify Dafny programs.

Takes: command-line arguments (or, programmatically, `verify_paths(paths, options)`).
Guarantees: the files are parsed and resolved as one program (errors: exit code 2); the
program is translated into the IVL and every implementation verified with z3; failures are
printed in Dafny's wording (`file(line,col): Error: message` plus `Related location` lines),
`unsupported: <what>` errors for constructs not translated yet, then
`Dafny program verifier finished with N verified, M errors` (N counts Dafny declarations whose
every check was proved; M counts reported errors; `, K time outs` when any). Exit code 0 when
everything verified, 4 otherwise. `--json` prints one JSON document instead. Never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import dataclass, field

from ..diagnostics import Diagnostic, Reporter

EXIT_OK, EXIT_USAGE, EXIT_RESOLUTION, EXIT_VERIFY = 0, 1, 2, 4

# z3 settings Dafny passes to z3 (the IVL's defaults are Boogie's; these are Dafny's).
DAFNY_Z3_PARAMS: dict[str, object] = {
    "auto_config": False,
    "type_check": True,
    "smt.qi.eager_threshold": 44,
    "smt.delay_units": True,
    "smt.case_split": 3,
    "model.completion": True,
    "smt.mbqi": False,
    # Dafny also picks z3's older arithmetic solver. Measured here: it proves nonlinear VCs
    # that time out with the default one (e.g. `x*f(k) + y` loop invariants), and z3 honours
    # the time limit with it where the default solver overran a 5 s limit by minutes; on an
    # 80-file corpus sample both prove the same files in the same total time.
    "smt.arith.solver": 2,
}


@dataclass(slots=True)
class VerifyOptions:
    time_limit: float = 30.0
    resource_limit: int = 0
    error_limit: int = 5
    cores: int = 1
    seed: int = 0
    print_ivl: bool = False
    cache_dir: str = ""       # `--cache DIR`: skip queries proved before (verifier/cache.py)


@dataclass(slots=True)
class UnitOutcome:
    name: str
    verdict: str              # verified / errors / timeout / unknown / unsupported
    time: float = 0.0
    errors: list[Diagnostic] = field(default_factory=list)


@dataclass(slots=True)
class VerifyOutcome:
    """exit_code: 0 all verified, 2 syntax/resolution errors, 4 anything not verified."""
    exit_code: int
    verified: int = 0
    errors: int = 0
    timeouts: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)
    units: list[UnitOutcome] = field(default_factory=list)
    ivl_text: str = ""
    stage: str = "resolution/type"      # which front-end stage failed (exit code 2)
    # id(diagnostic) -> "x = 1, y = 2": the counterexample of a failed check, if any
    counterexamples: dict[int, str] = field(default_factory=dict)

    def summary(self) -> str:
        from ..verifier.messages import summary
        return summary(self.verified, self.errors, self.timeouts)


def verify_paths(paths: list[str], options: VerifyOptions | None = None) -> VerifyOutcome:
    """Parse, resolve, translate and verify `paths`. Never raises on bad input."""
    from ..api import parse_program
    from ..semantics.resolver import resolve
    options = options or VerifyOptions()
    reporter = Reporter()
    program = parse_program(paths, reporter)
    if program is None:
        return VerifyOutcome(EXIT_RESOLUTION, diagnostics=list(reporter.diagnostics),
                             stage="parse")
    if not resolve(program, reporter):
        return VerifyOutcome(EXIT_RESOLUTION, diagnostics=list(reporter.diagnostics))
    return verify_program_ast(program, options, list(reporter.diagnostics))


def verify_program_ast(program: object, options: VerifyOptions,
                       diagnostics: list[Diagnostic] | None = None) -> VerifyOutcome:
    from ..ivl.results import Verdict
    from ..ivl.verify import VerifyOptions as IvlOptions
    from ..ivl.verify import verify_program
    from ..verifier.messages import failure_diagnostic
    from ..verifier.translator import translate
    out = VerifyOutcome(EXIT_OK, diagnostics=list(diagnostics or []))
    try:
        tr = translate(program)  # type: ignore[arg-type]
    except Exception as e:  # never a traceback; never "verified"
        from ..syntax.source import NO_SPAN
        out.diagnostics.append(Diagnostic(NO_SPAN, f"internal error: translation failed: "
                                          f"{type(e).__name__}: {e}"))
        out.errors += 1
        out.exit_code = EXIT_VERIFY
        return out
    if options.print_ivl:
        try:
            from ..ivl.printer import print_program
            out.ivl_text = print_program(tr.program)
        except Exception as e:  # printing is a debugging aid only
            out.ivl_text = f"// could not print: {e}"
    for d in tr.errors:
        out.diagnostics.append(d)
        out.errors += 1
    params = dict(DAFNY_Z3_PARAMS)
    iopts = IvlOptions(time_limit=options.time_limit, resource_limit=options.resource_limit,
                       error_limit=options.error_limit, cores=max(1, options.cores),
                       seed=options.seed, z3_params=params, prove_first=True)
    if options.cache_dir:
        from ..verifier.cache import VerificationCache
        iopts.proof_cache = VerificationCache(options.cache_dir)
    results, diags = verify_program(tr.program, iopts)
    if diags and not results:
        for d in diags:
            out.diagnostics.append(Diagnostic(d.span, f"internal error: {d.message}"))
            out.errors += 1
        out.exit_code = EXIT_VERIFY
        return out
    by_name = {r.name: r for r in results}
    for unit in tr.units:
        uo = UnitOutcome(unit.name, Verdict.VERIFIED)
        for iname in unit.impls:
            r = by_name.get(iname)
            if r is None:
                uo.verdict = Verdict.UNKNOWN
                continue
            uo.time += r.time
            if r.verdict == Verdict.VERIFIED:
                continue
            if r.verdict == Verdict.ERRORS:
                uo.verdict = Verdict.ERRORS
            elif uo.verdict == Verdict.VERIFIED:
                uo.verdict = r.verdict
            for f in r.failures:
                d = failure_diagnostic(f)
                uo.errors.append(d)
                if f.counterexample:
                    out.counterexamples[id(d)] = ", ".join(
                        f"{k} = {v}" for k, v in sorted(f.counterexample.items()))
            if r.verdict in Verdict.INCONCLUSIVE and not r.failures:
                from ..syntax.source import NO_SPAN
                _ = NO_SPAN
                uo.errors.append(Diagnostic(unit.span, f"verification of '{unit.name}' "
                                 + ("timed out" if r.verdict == Verdict.TIMEOUT else
                                    f"was inconclusive ({r.verdict})")))
        out.units.append(uo)
        if uo.verdict == Verdict.VERIFIED:
            out.verified += 1
        elif uo.verdict == Verdict.TIMEOUT and all(
                "timed out" in d.message for d in uo.errors):
            out.timeouts += 1
            out.diagnostics.extend(uo.errors)
        else:
            out.errors += max(1, len(uo.errors))
            out.diagnostics.extend(uo.errors)
    out.diagnostics.sort(key=lambda d: (d.span.filename, d.span.start))
    if out.errors or out.timeouts:
        out.exit_code = EXIT_VERIFY
    return out


class _UsageError(Exception):
    pass


class _ArgParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(message)


def _parser() -> _ArgParser:
    p = _ArgParser(prog="pydafny verify", description="verify Dafny programs")
    p.add_argument("files", nargs="+", metavar="FILE.dfy")
    p.add_argument("--verification-time-limit", "--time-limit", type=float, default=30.0,
                   dest="time_limit", help="seconds per verification condition (default 30)")
    p.add_argument("--resource-limit", type=int, default=0)
    p.add_argument("--error-limit", type=int, default=5,
                   help="errors reported per declaration (default 5)")
    p.add_argument("--cores", type=int, default=os.cpu_count() or 1)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--json", action="store_true", help="print a JSON document")
    p.add_argument("--print-ivl", action="store_true", help="print the generated IVL program")
    p.add_argument("--counterexample", action="store_true",
                   help="print the values of variables at each failed check")
    p.add_argument("--cache", metavar="DIR", default="",
                   help="reuse verification results stored in DIR (created if needed)")
    return p


def run(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except _UsageError as e:
        print(f"pydafny verify: {e}", file=sys.stderr)
        return EXIT_USAGE
    for f in args.files:
        if not os.path.exists(f):
            print(f"pydafny verify: file not found: {f}", file=sys.stderr)
            return EXIT_USAGE
    opts = VerifyOptions(time_limit=args.time_limit, resource_limit=args.resource_limit,
                         error_limit=max(1, args.error_limit), cores=max(1, args.cores),
                         seed=args.seed, print_ivl=args.print_ivl, cache_dir=args.cache)
    if args.cache and not args.json:  # JSON output has timings: only queries are reused
        from ..verifier.cache import run_cached
        options = [f"{k}={v!r}" for k, v in sorted(vars(args).items())
                   if k not in ("files", "cache", "cores")]
        return run_cached(args.cache, options, args.files, lambda: _verify_and_report(args, opts))
    return _verify_and_report(args, opts)[0]


def _verify_and_report(args: argparse.Namespace, opts: VerifyOptions) -> tuple[int, bool]:
    """Verify and print; returns the exit code and whether every verdict was definite (no
    time out or other inconclusive outcome, so that the output may be cached)."""
    start = time.perf_counter()
    outcome = verify_paths(args.files, opts)
    definite = outcome.timeouts == 0 and all(
        u.verdict in ("verified", "errors") for u in outcome.units) and not any(
        "timed out" in d.message or "was inconclusive" in d.message
        for d in outcome.diagnostics)
    if args.print_ivl and outcome.ivl_text:
        print(outcome.ivl_text)
    if args.json:
        doc = {
            "exit_code": outcome.exit_code,
            "verified": outcome.verified,
            "errors": outcome.errors,
            "timeouts": outcome.timeouts,
            "time": round(time.perf_counter() - start, 3),
            "units": [{"name": u.name, "verdict": u.verdict, "time": round(u.time, 3),
                       "errors": [d.format() for d in u.errors]} for u in outcome.units],
            "diagnostics": [{"file": d.span.filename, "line": d.span.line, "col": d.span.col,
                             "severity": d.severity, "message": d.message,
                             "counterexample": outcome.counterexamples.get(id(d), ""),
                             "related": [{"file": r.span.filename, "line": r.span.line,
                                          "col": r.span.col, "message": r.message}
                                         for r in d.related]}
                            for d in outcome.diagnostics],
        }
        print(json.dumps(doc, indent=2))
        return outcome.exit_code, definite
    for d in outcome.diagnostics:
        print(d.format())
        cex = outcome.counterexamples.get(id(d))
        if args.counterexample and cex:
            print(f"  counterexample: {cex}")
    if outcome.exit_code == EXIT_RESOLUTION:
        n = sum(1 for d in outcome.diagnostics if d.severity == "Error")
        name = args.files[0]
        print(f"{n} {outcome.stage} errors detected in {os.path.basename(name)}")
        return EXIT_RESOLUTION, True
    print()
    print(outcome.summary())
    return outcome.exit_code, definite
