"""Front end + code generator + runner, shared by `pydafny translate` and `pydafny run`.

`load_and_compile(paths, extern_paths)` parses and resolves the files, then compiles the
program; it prints diagnostics itself and returns (GeneratedModule or None, exit code):
2 for syntax/resolution errors, 3 for constructs that cannot be compiled. `execute(gen,
module_name, argv)` runs a generated module in this process (Main on a big-stack thread)
and returns the program's exit code.
"""

from __future__ import annotations

import linecache
import os
import sys

from ..diagnostics import Reporter
from ..syntax import ast
from .emitter import CompileError
from .python_gen import GeneratedModule, compile_program

EXIT_RESOLUTION = 2
EXIT_COMPILE = 3


def load_program_reporting(paths: list[str]) -> tuple[ast.Program | None, int]:
    """Parse and resolve; print Dafny-style diagnostics; (program or None, exit code)."""
    from ..api import parse_program
    from ..semantics.resolver import resolve
    reporter = Reporter()
    program = parse_program(paths, reporter)
    stage = "parse"
    if program is not None:
        stage = "resolution/type"
        resolve(program, reporter)
    if reporter.error_count:
        reporter.print_all()
        print(f"{reporter.error_count} {stage} errors detected in "
              f"{os.path.basename(paths[0])}")
        return None, EXIT_RESOLUTION
    return program, 0


def load_and_compile(paths: list[str], extern_paths: list[str] | None = None,
                     program: ast.Program | None = None) -> tuple[GeneratedModule | None, int]:
    if program is None:
        program, code = load_program_reporting(paths)
        if program is None:
            return None, code
    try:
        gen = compile_program(program, os.path.basename(paths[0]),
                              [os.path.abspath(p) for p in (extern_paths or [])])
    except CompileError as e:
        print(f"{e.span}: Error: {e.message}")
        print(f"1 compilation error detected in {os.path.basename(paths[0])}")
        return None, EXIT_COMPILE
    except RecursionError:
        print(f"{paths[0]}: Error: program nested too deeply to compile")
        return None, EXIT_COMPILE
    return gen, 0


def execute(gen: GeneratedModule, module_name: str, argv: list[str],
            source_dir: str | None = None) -> int:
    """Run the generated module's Main; returns its exit code (see runtime.program).
    `source_dir` (the .dfy file's directory) is put on sys.path so that
    `{:extern "module"}` finds Python modules next to the Dafny source."""
    from . import runtime
    if source_dir is not None and source_dir not in sys.path:
        sys.path.insert(0, source_dir)
    filename = f"<pydafny:{module_name}>"
    # make the generated text visible to tracebacks (for Dafny line numbers)
    linecache.cache[filename] = (len(gen.text), None, gen.text.splitlines(True), filename)
    try:
        code = compile(gen.text, filename, "exec")
    except SyntaxError as e:  # a generator bug; never show a traceback
        print(f"pydafny: internal error: generated code does not compile: {e}",
              file=sys.stderr)
        return EXIT_COMPILE
    namespace: dict[str, object] = {"__name__": f"_pydafny_{module_name}"}
    try:
        exec(code, namespace)  # noqa: S102 - running the generated program is the point
    except Exception as e:  # noqa: BLE001 - e.g. an extern module that fails to import
        print(f"Program failed while loading: {type(e).__name__}: {e}", file=sys.stderr)
        return EXIT_COMPILE
    main = namespace["_dafny_main"]
    return runtime.run_main(main, argv)  # type: ignore[arg-type]
