"""`pydafny run [--no-verify] [--extern-module PATH]... FILE.dfy [ARGS...]`

As with `dafny run`, the two options are recognized after FILE too; everything after a
`--` that follows FILE is passed to the program unchanged.

Verifies the program (through the `verify` command, as `dafny run` does), compiles it to
Python and runs its Main method with ARGS (a `Main(args: seq<string>)` receives the
program name followed by ARGS). The program's output goes to stdout.

Exit codes: 0 the program ran and finished; 1 usage error, or a failed `expect`
(`[Program halted] ...`); 2 syntax/resolution errors; 3 constructs that cannot be compiled,
or a run-time failure of the program (reported on stderr with the Dafny line); 4 the
program did not verify, or verification is unavailable (it is then not run; `--no-verify`
skips verification). A program without Main is compiled but not run (exit 0, with a note
on stderr), as Dafny builds a library in that case.
"""

from __future__ import annotations

import importlib
import io
import os
import sys
from contextlib import redirect_stdout

USAGE = ("usage: pydafny run [--no-verify] [--extern-module PATH]... FILE.dfy [ARGS...]")
EXIT_VERIFICATION = 4


def _verify(files: list[str]) -> tuple[bool, int, str]:
    """(verified, exit code of the verifier, why not) using `pydafny verify`."""
    try:
        verify = importlib.import_module("pydafny.commands.verify")
    except ModuleNotFoundError:
        return False, EXIT_VERIFICATION, "the verifier is not available"
    paths_entry = getattr(verify, "verify_paths", None)
    if paths_entry is not None:
        # the programmatic entry point: a fresh parse, so the verifier's translation
        # cannot disturb the AST the compiler uses
        try:
            outcome = paths_entry(list(files))
        except Exception as e:  # noqa: BLE001 - never a traceback for the user
            return False, EXIT_VERIFICATION, f"the verifier failed ({type(e).__name__}: {e})"
        for d in outcome.diagnostics:
            print(d.format())
        if outcome.exit_code == 2:
            return False, 2, "the program has syntax or resolution errors"
        print()
        print(outcome.summary())
        if outcome.exit_code == 0:
            return True, 0, ""
        if any("unsupported" in d.message for d in outcome.diagnostics):
            return False, EXIT_VERIFICATION, ("the verifier does not support some constructs "
                                              "of this program, so it was not verified")
        return False, EXIT_VERIFICATION, "the program did not verify"
    entry = getattr(verify, "run", None)
    if entry is None:
        return False, EXIT_VERIFICATION, "the verifier has no entry point"
    buf = io.StringIO()
    try:
        with redirect_stdout(buf):
            code = int(entry(list(files)))
    except Exception as e:  # noqa: BLE001 - never a traceback for the user
        sys.stdout.write(buf.getvalue())
        return False, EXIT_VERIFICATION, f"the verifier failed ({type(e).__name__}: {e})"
    sys.stdout.write(buf.getvalue())
    if code == 0:
        return True, 0, ""
    if code == 2:
        return False, 2, "the program has syntax or resolution errors"
    return False, EXIT_VERIFICATION, "the program did not verify"


def run(argv: list[str]) -> int:
    no_verify = False
    externs: list[str] = []
    file: str | None = None
    prog_args: list[str] = []
    i = 0
    rest_are_args = False
    while i < len(argv):
        a = argv[i]
        if rest_are_args:
            prog_args.append(a)
        elif a == "--":
            rest_are_args = file is not None
        elif file is not None and a not in ("--no-verify", "--extern-module"):
            prog_args.append(a)
        elif a in ("-h", "--help"):
            print(USAGE, file=sys.stderr)
            return 1
        elif a == "--no-verify":
            no_verify = True
        elif a == "--extern-module":
            if i + 1 >= len(argv):
                print(USAGE, file=sys.stderr)
                return 1
            externs.append(argv[i + 1])
            i += 1
        elif a.startswith("-"):
            print(f"pydafny run: unknown option {a}\n{USAGE}", file=sys.stderr)
            return 1
        else:
            file = a
        i += 1
    if file is None:
        print(USAGE, file=sys.stderr)
        return 1
    for f in [file] + externs:
        if not os.path.isfile(f):
            print(f"*** Error: file {f} not found", file=sys.stderr)
            return 1
    from ..compiler.driver import execute, load_and_compile, load_program_reporting
    program, code = load_program_reporting([file])
    if program is None:
        return code
    if not no_verify:
        ok, vcode, why = _verify([file])
        if not ok:
            print(f"pydafny run: {why}; the program was not run "
                  "(use --no-verify to run it without verification)", file=sys.stderr)
            return vcode
    gen, code = load_and_compile([file], externs, program=program)
    if gen is None:
        return code
    if gen.main is None:
        print(f"pydafny run: {gen.main_error}; the program was compiled but not run",
              file=sys.stderr)
        return 0
    sys.stdout.flush()
    name = os.path.splitext(os.path.basename(file))[0]
    return execute(gen, name, [file] + prog_args,
                   os.path.dirname(os.path.abspath(file)))
