"""`pydafny boogie [options] FILE.bpl...`: verify a program in the IVL's Boogie-style text form.

Takes: command-line arguments.
Guarantees: all files are read as one program (like Boogie); syntax, resolution and type errors
are printed as `file(line,col): Error: message` with a count line, exit code 2; otherwise each
implementation is verified and its failures printed in source order, with Boogie's wording,
related locations and a counterexample line, then Boogie's summary line
`Boogie program verifier finished with N verified, M errors` (plus time outs / out of resource
/ inconclusive counts when nonzero). Exit code 0 when everything verified, 4 otherwise.
`--json` prints one JSON document instead. No traceback ever reaches the user.
"""

from __future__ import annotations

import argparse
import json
import sys

from ..diagnostics import Diagnostic, Related
from ..ivl import ast as A
from ..ivl.lexer import IvlSyntaxError
from ..ivl.parser import parse_program
from ..ivl.results import ImplResult, Verdict
from ..ivl.verify import VerifyOptions, failure_message, verify_program
from ..syntax.source import SourceFile

EXIT_OK, EXIT_USAGE, EXIT_SYNTAX, EXIT_VERIFY = 0, 1, 2, 4


class _UsageError(Exception):
    pass


class _ArgParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(message)


def _parser() -> _ArgParser:
    p = _ArgParser(prog="pydafny boogie", description="verify IVL (Boogie-syntax) programs")
    p.add_argument("files", nargs="+", metavar="FILE.bpl")
    p.add_argument("--time-limit", type=float, default=0.0,
                   help="seconds per solver query (0: none)")
    p.add_argument("--resource-limit", type=int, default=0,
                   help="z3 resource limit (rlimit) per solver query (0: none)")
    p.add_argument("--error-limit", type=int, default=5,
                   help="failures reported per implementation")
    p.add_argument("--cores", type=int, default=1, help="verify implementations in N processes")
    p.add_argument("--seed", type=int, default=0, help="random seed for the solver")
    p.add_argument("--print-smt", action="store_true", help="print each query as SMT-LIB")
    p.add_argument("--json", action="store_true", help="print a JSON document of the results")
    p.add_argument("--z3-option", action="append", default=[], metavar="NAME=VALUE",
                   help="set a z3 parameter (repeatable)")
    p.add_argument("--proc", action="append", default=[], metavar="NAME",
                   help="verify only this implementation (repeatable)")
    return p


def _z3_value(v: str) -> object:
    if v.lower() in ("true", "false"):
        return v.lower() == "true"
    try:
        return int(v)
    except ValueError:
        try:
            return float(v)
        except ValueError:
            return v


def run(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except _UsageError as e:
        print(f"pydafny boogie: {e}", file=sys.stderr)
        return EXIT_USAGE
    opts = VerifyOptions(time_limit=args.time_limit, resource_limit=args.resource_limit,
                         error_limit=max(1, args.error_limit), cores=max(1, args.cores),
                         seed=args.seed, print_smt=args.print_smt, only=tuple(args.proc))
    for o in args.z3_option:
        if "=" not in o:
            print(f"pydafny boogie: --z3-option expects NAME=VALUE, got '{o}'", file=sys.stderr)
            return EXIT_USAGE
        k, v = o.split("=", 1)
        opts.z3_params[k] = _z3_value(v)
    decls: list[A.Decl] = []
    for path in args.files:
        try:
            src = SourceFile.read(path)
        except OSError as e:
            print(f"pydafny boogie: cannot read '{path}': {e.strerror or e}", file=sys.stderr)
            return EXIT_USAGE
        try:
            decls.extend(parse_program(src).decls)
        except IvlSyntaxError as e:
            d = Diagnostic(e.span, e.message)
            if args.json:
                print(json.dumps({"errors": [_json_diag(d)]}, indent=2))
            else:
                print(d.format())
                print(f"1 parse errors detected in {path}")
            return EXIT_SYNTAX
    program = A.Program(tuple(decls))
    name = args.files[0]
    printed = 0

    def stream(r: ImplResult) -> None:
        nonlocal printed
        if not args.json:
            _print_result(r, opts)
            printed += 1

    results, diags = verify_program(program, opts, on_result=stream)
    if any(d.severity == "Error" for d in diags):
        if args.json:
            print(json.dumps({"errors": [_json_diag(d) for d in diags]}, indent=2))
            return EXIT_SYNTAX
        for d in diags:
            print(d.format())
        n = sum(1 for d in diags if d.severity == "Error")
        kind = "name resolution" if any(d.code == "resolution" for d in diags) else \
            "type checking" if any(d.code == "type" for d in diags) else "verification"
        print(f"{n} {kind} errors detected in {name}")
        return EXIT_SYNTAX
    if args.json:
        print(json.dumps(_json(results), indent=2))
    else:
        for r in results[printed:]:
            _print_result(r, opts)
        print()
        print(_summary(results))
    return EXIT_OK if all(r.verdict == Verdict.VERIFIED for r in results) else EXIT_VERIFY


def _cex_text(cex: dict[str, str]) -> str:
    return ", ".join(f"{k} = {v}" for k, v in cex.items())


def _print_result(r: ImplResult, opts: VerifyOptions) -> None:
    if r.smtlib:
        print(f"; SMT-LIB query for implementation {r.name}")
        print(r.smtlib, end="")
    for f in r.failures:
        msg, rel = failure_message(f)
        related = (Related(f.clause_span, rel),) if rel else ()
        print(Diagnostic(f.span, msg, related=related).format())
        if f.counterexample:
            print(f"  counterexample: {_cex_text(f.counterexample)}")
    if r.verdict in Verdict.INCONCLUSIVE and not r.failures:
        what = {Verdict.TIMEOUT: "timed out", Verdict.OUT_OF_RESOURCE: "out of resource"}.get(
            r.verdict, f"solver gave up: {r.reason}" if r.reason else "solver gave up")
        print(Diagnostic(r.span, f"verification of '{r.name}' could not be proved "
                                 f"({what})").format())


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _summary(results: list[ImplResult]) -> str:
    verified = sum(1 for r in results if r.verdict == Verdict.VERIFIED)
    errors = sum(len(r.failures) for r in results)
    timeouts = sum(1 for r in results if r.verdict == Verdict.TIMEOUT and not r.failures)
    resource = sum(1 for r in results if r.verdict == Verdict.OUT_OF_RESOURCE and not r.failures)
    unknown = sum(1 for r in results if r.verdict == Verdict.UNKNOWN and not r.failures)
    s = f"Boogie program verifier finished with {verified} verified, {_plural(errors, 'error')}"
    if timeouts:
        s += f", {_plural(timeouts, 'time out')}"
    if resource:
        s += f", {resource} out of resource"
    if unknown:
        s += f", {unknown} inconclusive"
    return s


def _pos(span) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {"file": span.filename, "line": span.line, "col": span.col}


def _json_diag(d: Diagnostic) -> dict[str, object]:
    return {"message": d.message, **_pos(d.span)}


def _json(results: list[ImplResult]) -> dict[str, object]:
    impls = []
    for r in results:
        fails = []
        for f in r.failures:
            msg, rel = failure_message(f)
            d: dict[str, object] = {"kind": f.kind, "message": msg, **_pos(f.span),
                                    "counterexample": f.counterexample}
            if rel:
                d["related"] = {"message": rel, **_pos(f.clause_span)}
            fails.append(d)
        impls.append({"name": r.name, **_pos(r.span), "verdict": r.verdict,
                      "time": round(r.time, 4), "reason": r.reason, "failures": fails})
    return {"implementations": impls, "summary": _summary(results)}
