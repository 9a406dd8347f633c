"""The Dafny 4 parser: source text to `ast.Program`.

API (stable; other stages call exactly this):

* `parse_source(source: SourceFile, reporter: Reporter) -> ast.Program`
  Parses one file. Never raises on bad input: syntax errors are reported to `reporter`
  as `file(line,col): Error: message` diagnostics, and parsing resumes at the next
  declaration or statement, so several errors are reported in one run. The file's
  top-level declarations go into `program.module`, a `ModuleDecl(name="_default")`;
  `include` directives are listed in `program.includes` (not followed).
* `parse_files(paths: list[str], reporter: Reporter) -> ast.Program`
  Reads the files (an unreadable file is an error), follows `include "x.dfy"`
  relative to the including file (each file once, by real path), and merges all
  top-level declarations into one default module. `program.files` lists the files read.
* `parse_error_summary(count, filename) -> str` gives Dafny's closing line
  `N parse errors detected in FILE`.

Guarantees: every node has a span into its file; `parse(print(parse(x))) == parse(x)`
(see `printer`). Spelling decisions the resolver relies on:
  - `new M.C(args)` / `new C.Init(args)`: a dotted class name followed by arguments is
    split, the last part going to `NewObjectRhs.ctor_name` (the resolver re-joins when
    the whole path names a class).
  - an anonymous constructor has name `""`; unnamed datatype constructor parameters
    have name `""`.
  - `function`/`predicate` have `is_ghost=False` unless written `ghost` (Dafny 4), or
    least/greatest/twostate (always ghost). `function method` is compiled.
  - `-5` in expressions is `UnaryExpr('-', IntLit(5))`; in patterns `IntLit(-5, "-5")`.
  - a set comprehension without range gets `BoolLit(True)` as its range.
  - several calc hints between two lines are wrapped in one `BlockStmt`.
  - per-variable quantifier ranges (`forall x | P, y | Q`) are conjoined into `range`;
    attributes after the last bound variable go to the quantifier.
  - `!!p` (two negations) is `UnaryExpr('!', UnaryExpr('!', p))`; a leading `&&`/`||`
    (`&& a && b`) is dropped.
  - `P#[k](x)` sets `NameExpr.prefix_depth` (`d.P#[k](x)`: `MemberSelect.prefix_depth`);
    `least predicate P[nat]` sets `k_type` ('nat'/'ORDINAL'/''); `a ==#[k] b` is a `PrefixEqExpr`;
    `new;` in a constructor is `NewPhaseStmt`; refinement `...` in expressions is
    `EllipsisExpr`, a `...;` statement `SkeletonStmt`.
  - several `modifies`/`decreases` clauses of one loop or method are merged into one.
  - attributes on `reads`/`modifies` clauses go to `reads_attributes`/`modifies_attributes`
    of the method/function/iterator; on `else` to `IfStmt.else_attributes`; on `match`
    and `modify` statements to their `attributes`.
  - `break continue;` is `BreakStmt(count=2, is_continue=True)`.
  - `(ghost a, b)` is a `TupleExpr` with `ghost=[True, False]`; `(ghost int, int)` a
    `TupleType` with the same flags (not part of type equality).
  - a let-or-fail `var x :- e; body` is desugared into `var valueOrError<n> := e; if
    valueOrError<n>.IsFailure() then valueOrError<n>.PropagateFailure() else var x :=
    valueOrError<n>.Extract(); body` (LetExpr/ITEExpr/ApplyExpr nodes).
Reported as `unsupported:` errors: `f@L(args)` (two-state call at a label), `reveal *`,
`hide` statements.
Rejected like Dafny does (syntax errors): mixing `&&`/`||`, `==>`/`<==` or `&`/`|`/`^`
without parentheses, illegal comparison chains, `L:` without `label`, module-level
mutable fields, declared names starting with `_`, `=` instead of `:=`.
Deeply nested input recurses deeply: run under `pydafny.cli` (large stack, high
recursion limit); elsewhere a too-deep nesting is reported as an error, never raised.

Implementation: `lexer` -> tokens; the productions live in mixins `parse_types`,
`parse_exprs`, `parse_stmts`, `parse_decls` over `parse_base.ParserBase`.
"""

from __future__ import annotations

import os

from ..diagnostics import Diagnostic, Reporter
from . import ast
from .lexer import tokenize
from .parse_base import MAX_ERRORS, TooManyErrors
from .parse_decls import DeclParser
from .source import SourceFile, Span


class Parser(DeclParser):
    """The full Dafny parser for one file."""

    def parse_file(self) -> tuple[list[ast.Decl], list[ast.Include]]:
        self.includes = []
        self.in_members = False
        decls: list[ast.Decl] = []
        try:
            decls = self.parse_decls(True)
        except TooManyErrors:
            self.rep.error(self.tok_span(self.tok),
                           "too many errors; the rest of this file is not parsed")
        except RecursionError:
            self.rep.error(self.tok_span(self.tok), "expression nested too deeply")
            self.errors += 1
        except Exception as e:  # noqa: BLE001 - a last line of defence: report, never raise
            self.rep.error(self.tok_span(self.tok),
                           f"internal parser error: {type(e).__name__}: {e}")
            self.errors += 1
        return decls, self.includes


def _parse(source: SourceFile, reporter: Reporter) -> tuple[list[ast.Decl], list[ast.Include]]:
    """Lex and parse one file; its lexical and syntax errors reach `reporter` in source
    order."""
    local = Reporter()
    toks = tokenize(source, local)
    result = Parser(source, local, toks).parse_file()
    diags = sorted(local.diagnostics, key=lambda d: d.span.start)
    if len(diags) > MAX_ERRORS:      # garbage input: report the first ones only
        rest = diags[MAX_ERRORS]
        diags = [d for d in diags[:MAX_ERRORS] if "too many errors" not in d.message]
        diags.append(Diagnostic(rest.span, "too many errors; the rest of this file is not "
                                "checked"))
    for d in diags:
        reporter.report(d)
    return result


def parse_source(source: SourceFile, reporter: Reporter) -> ast.Program:
    """Parse one file into a Program (see the module docstring)."""
    decls, includes = _parse(source, reporter)
    module = ast.ModuleDecl("_default", decls, span=Span(source, 0, len(source.text)))
    return ast.Program(module, includes, [source.name], span=module.span)


def parse_files(paths: list[str], reporter: Reporter) -> ast.Program:
    """Parse files and everything they include into one Program."""
    seen: set[str] = set()
    files: list[str] = []
    decls: list[ast.Decl] = []
    includes: list[ast.Include] = []
    first: SourceFile | None = None

    def visit(path: str, where: Span | None) -> None:
        nonlocal first
        key = os.path.realpath(path)
        if key in seen:
            return
        seen.add(key)
        try:
            source = SourceFile.read(path)
        except OSError as e:
            span = where or Span(SourceFile(path, ""), 0, 0)
            what = "included file" if where else "file"
            reporter.error(span, f"unable to open {what} '{path}': {e.strerror or e}")
            return
        files.append(path)
        first = first or source
        file_decls, file_includes = _parse(source, reporter)
        decls.extend(file_decls)
        includes.extend(file_includes)
        base = os.path.dirname(path)
        for inc in file_includes:
            target = inc.path if os.path.isabs(inc.path) else os.path.join(base, inc.path)
            visit(target, inc.span)

    for p in paths:
        visit(p, None)
    span = Span(first, 0, len(first.text)) if first else Span()
    module = ast.ModuleDecl("_default", decls, span=span)
    return ast.Program(module, includes, files, span=span)


def parse_error_summary(count: int, filename: str) -> str:
    """Dafny's closing line after syntax errors."""
    return f"{count} parse error{'s' if count != 1 else ''} detected in {filename}"


__all__ = ["Parser", "parse_error_summary", "parse_files", "parse_source"]
