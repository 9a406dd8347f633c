"""The `pydafny` command line.

Each subcommand lives in its own module under `pydafny.commands`; this module only
dispatches. Exit codes follow Dafny's: 0 ok, 1 command-line errors, 2 syntax or
resolution errors, 3 compilation errors, 4 verification errors.
"""

from __future__ import annotations

import importlib
import sys
import threading

EXIT_OK = 0
EXIT_USAGE = 1
EXIT_RESOLUTION = 2
EXIT_COMPILE = 3
EXIT_VERIFICATION = 4

# subcommand name -> (module under pydafny.commands, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "resolve": ("resolve", "parse and resolve Dafny files, report errors"),
    "verify": ("verify", "verify Dafny files"),
    "boogie": ("boogie", "verify a program in the intermediate verification language (.bpl)"),
    "run": ("run", "verify, compile to Python and run a Dafny program"),
    "translate": ("translate", "compile a Dafny program to another language (py)"),
    "format": ("format", "print Dafny files in a standard layout"),
}

USAGE = "usage: pydafny <command> [options] FILE...\n\ncommands:\n" + "".join(
    f"  {name:10} {help_}\n" for name, (_, help_) in COMMANDS.items())


# Deeply nested input (10,000 nested parentheses) recurses deeply in the recursive-descent
# parser and in later tree walks; commands run on a thread with a large stack instead of
# failing with RecursionError.
STACK_BYTES = 512 * 1024 * 1024
RECURSION_LIMIT = 400_000


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    result: list[int] = [EXIT_USAGE]

    def target() -> None:
        result[0] = _main(args)

    old_limit = sys.getrecursionlimit()
    old_size = threading.stack_size()
    try:
        threading.stack_size(STACK_BYTES)
        sys.setrecursionlimit(RECURSION_LIMIT)
        worker = threading.Thread(target=target, name="pydafny")
        worker.start()
        worker.join()
    finally:
        threading.stack_size(old_size)
        sys.setrecursionlimit(old_limit)
    sys.stdout.flush()
    return result[0]


def _main(args: list[str]) -> int:
    if not args or args[0] in ("-h", "--help", "help"):
        print(USAGE, end="")
        return EXIT_OK if args else EXIT_USAGE
    if args[0] == "--version":
        from . import __version__
        print(f"pydafny {__version__}")
        return EXIT_OK
    name = args[0]
    if name not in COMMANDS:
        print(f"pydafny: unknown command '{name}'\n{USAGE}", end="", file=sys.stderr)
        return EXIT_USAGE
    try:
        module = importlib.import_module(f"pydafny.commands.{COMMANDS[name][0]}")
    except ModuleNotFoundError:
        print(f"pydafny: the '{name}' command is not implemented yet", file=sys.stderr)
        return EXIT_USAGE
    try:
        return int(module.run(args[1:]))
    except KeyboardInterrupt:
        print("pydafny: interrupted", file=sys.stderr)
        return 130
    except RecursionError:
        print("pydafny: internal error: input nested too deeply", file=sys.stderr)
        return EXIT_USAGE
    except Exception as e:  # a last line of defence: never a traceback for a user
        print(f"pydafny: internal error: {type(e).__name__}: {e}", file=sys.stderr)
        return 70


if __name__ == "__main__":
    sys.exit(main())
