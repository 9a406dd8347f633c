"""Unit tests of the Python code generator (compiler/python_gen and its parts) and of the
`translate`/`run` commands' handling of bad input."""

from __future__ import annotations

import io
import subprocess
import sys
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from pydafny.compiler.emitter import CompileError, strip_parens
from pydafny.compiler.names import member_ident, py_ident
from pydafny.compiler.python_gen import GeneratedModule, compile_program
from pydafny.diagnostics import Reporter


def compile_src(tmp_path: Path, src: str) -> GeneratedModule:
    from pydafny.api import load_program
    f = tmp_path / "prog.dfy"
    f.write_text(src)
    reporter = Reporter()
    program = load_program([str(f)], reporter)
    assert program is not None, [d.format() for d in reporter.diagnostics]
    return compile_program(program, "prog.dfy")


def run_src(tmp_path: Path, src: str) -> tuple[int, str]:
    from pydafny.compiler.driver import execute
    gen = compile_src(tmp_path, src)
    buf = io.StringIO()
    with redirect_stdout(buf):
        code = execute(gen, "prog", ["prog.dfy"])
    return code, buf.getvalue()


# ------------------------------------------------------------------ names and text

def test_py_ident_mangles_reserved_and_primes() -> None:
    assert py_ident("x") == "x"
    assert py_ident("x'") == "x_k"
    assert py_ident("len") == "len_"
    assert py_ident("class") == "class_"
    assert py_ident("print") == "print_"
    assert member_ident("_x") == "m_x"


def test_strip_parens() -> None:
    assert strip_parens("(a + b)") == "a + b"
    assert strip_parens("(a) + (b)") == "(a) + (b)"
    assert strip_parens("('(' + b)") == "'(' + b"
    assert strip_parens("(1,)") == "(1,)"
    assert strip_parens("()") == "()"
    assert strip_parens("(x for x in y)") == "(x for x in y)"


# ------------------------------------------------------------------ generated code

def test_generated_code_is_readable(tmp_path: Path) -> None:
    gen = compile_src(tmp_path, """
method Max(a: int, b: int) returns (m: int) {
  if a > b { m := a; } else { m := b; }
}
method Main() { var x := Max(3, 4); print x, "\\n"; }
""")
    text = gen.text
    assert "def Max(a, b):" in text
    assert "# prog.dfy:3" in text
    assert "if a > b:" in text
    assert "return m" in text
    assert gen.main is not None and gen.main.name == "Main" and not gen.main_takes_args


def test_ghost_code_is_erased(tmp_path: Path) -> None:
    gen = compile_src(tmp_path, """
ghost function G(x: int): int { x }
lemma L(x: int) ensures G(x) == x {}
method Main() {
  ghost var g := G(1);
  L(2);
  assert G(3) == 3;
  print 1;
}
""")
    assert "def G" not in gen.text and "def L" not in gen.text and "g =" not in gen.text


def test_bounds_become_ranges_and_collection_iteration(tmp_path: Path) -> None:
    gen = compile_src(tmp_path, """
function AllPos(s: seq<int>): bool { forall i | 0 <= i < |s| :: s[i] > 0 }
function Squares(xs: set<int>): set<int> { set x | x in xs :: x * x }
method Main() { print AllPos([1, 2]), Squares({2}); }
""")
    assert "for i in range(0, len(s))" in gen.text
    assert "for x in xs" in gen.text


def test_unbounded_quantifier_is_a_compile_error(tmp_path: Path) -> None:
    with pytest.raises(CompileError) as info:
        compile_src(tmp_path, """
function Odd(): bool { exists k: int :: k * k == 49 }
method Main() { print Odd(); }
""")
    assert "no finite bound" in info.value.message and info.value.span.line == 2


def test_main_selection(tmp_path: Path) -> None:
    gen = compile_src(tmp_path, "method {:main} Start() { print 1; }\nmethod Other() {}\n")
    assert gen.main is not None and gen.main.name == "Start"
    gen = compile_src(tmp_path, "method Main(args: seq<string>) { print |args|; }\n")
    assert gen.main_takes_args
    gen = compile_src(tmp_path, "method Main(x: int) { }\n")
    assert gen.main is None and gen.main_error is not None
    gen = compile_src(tmp_path, "function F(): int { 1 }\n")
    assert gen.main is None and "no Main" in (gen.main_error or "")


# ------------------------------------------------------------------ behaviour

def test_run_in_process(tmp_path: Path) -> None:
    code, out = run_src(tmp_path, """
method Main() {
  var s: seq<int> := [];
  for i := 0 to 5 { s := s + [i]; }
  print s, " ", |s|, "\\n";
}
""")
    assert code == 0 and out == "[0, 1, 2, 3, 4] 5\n"


def test_lambdas_capture_values_not_variables(tmp_path: Path) -> None:
    code, out = run_src(tmp_path, """
method Main() {
  var fs: seq<int -> int> := [];
  var i := 0;
  while i < 3 { fs := fs + [x => x + i]; i := i + 1; }
  print fs[0](10), " ", fs[2](10), "\\n";
}
""")
    assert code == 0 and out == "10 12\n"


def test_shadowed_locals_get_distinct_names(tmp_path: Path) -> None:
    code, out = run_src(tmp_path, """
method Main() {
  var x := 1;
  if true { var x := 2; print x; }
  print x, "\\n";
}
""")
    assert code == 0 and out == "21\n"


def test_expect_failure_halts(tmp_path: Path) -> None:
    code, out = run_src(tmp_path, 'method Main() { print "a"; expect 1 == 2, "no"; }\n')
    assert code == 1 and out == "a[Program halted] no\n"


# ------------------------------------------------------------------ commands

def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pydafny.cli", *args], check=False,
                          capture_output=True, text=True, timeout=60, cwd=cwd)


def test_translate_writes_a_runnable_module(tmp_path: Path) -> None:
    src = tmp_path / "hello.dfy"
    src.write_text('method Main() { print "hi ", 6 * 7, "\\n"; }\n')
    out = tmp_path / "hello_gen.py"
    p = _cli("translate", "py", str(src), "-o", str(out))
    assert p.returncode == 0, p.stdout + p.stderr
    r = subprocess.run([sys.executable, str(out)], check=False, capture_output=True,
                       text=True, timeout=60)
    assert r.returncode == 0 and r.stdout == "hi 42\n"


def test_command_usage_errors(tmp_path: Path) -> None:
    assert _cli("run").returncode == 1
    assert _cli("run", str(tmp_path / "missing.dfy")).returncode == 1
    assert _cli("translate", "cs", "x.dfy").returncode == 1
    assert _cli("run", "--bogus", "x.dfy").returncode == 1


def test_run_reports_compile_errors_with_location(tmp_path: Path) -> None:
    src = tmp_path / "bad.dfy"
    src.write_text("method Main() {\n  var b := exists k: int :: k * k == 49;\n  print b;\n}\n")
    p = _cli("run", "--no-verify", str(src))
    assert p.returncode == 3
    assert "bad.dfy(2," in p.stdout and "no finite bound" in p.stdout
    assert "Traceback" not in p.stdout + p.stderr


def test_unverified_program_is_not_run(tmp_path: Path) -> None:
    src = tmp_path / "wrong.dfy"
    src.write_text('method Main() {\n  var x := 5;\n  assert x == 6;\n  print "ran\\n";\n}\n')
    p = _cli("run", str(src))
    assert p.returncode == 4
    assert "ran" not in p.stdout and "not run" in p.stderr
    p = _cli("run", "--no-verify", str(src))
    assert p.returncode == 0 and p.stdout == "ran\n"


def test_filters_on_later_variables_are_kept(tmp_path: Path) -> None:
    code, out = run_src(tmp_path, """
method Main() {
  var s := set x, y | 0 <= x < 4 && 0 <= y < 4 && x + y == 3 && x < y :: (x, y);
  var p := var a, b :| 5 <= a < b < 9 && a * b == 42; (a, b);
  var n := |set i, j, k | 0 <= i < 3 && 0 <= j < 3 && 0 <= k < 3 && i + j + k == 2 :: (i, j, k)|;
  print s, " ", p, " ", n, "\\n";
}
""")
    assert code == 0 and out == "{(0, 3), (1, 2)} (6, 7) 6\n"


def test_run_options_after_the_file_and_program_arguments(tmp_path: Path) -> None:
    src = tmp_path / "args.dfy"
    src.write_text("method Main(args: seq<string>) {\n  print |args|, ' ', args[1..], \"\\n\";\n}\n"
                   .replace("' '", '" "'))
    p = _cli("run", str(src), "--no-verify", "a", "b")
    assert p.returncode == 0 and p.stdout == "3 [['a'], ['b']]\n", p.stdout + p.stderr
    p = _cli("run", "--no-verify", str(src), "--", "--no-verify")
    assert p.returncode == 0 and p.stdout == "2 [['-', '-', 'n', 'o', '-', 'v', 'e', 'r', 'i', 'f', 'y']]\n"
