"""The Dafny printer: AST back to Dafny text.

`print_program(program) -> str` prints the includes and every declaration of the default
module; `print_expr(e) -> str` prints one expression; `print_type(t) -> str` one type.

Guarantee: for any `p` produced by the parser, `parse(print_program(p)) == p`
(structural equality; spans ignored). Parentheses are inserted conservatively from the
binding strength of each expression (levels below); expressions that extend as far right
as possible (quantifiers, lambdas, let, `if`, `match`, comprehensions, statement
expressions) are parenthesized whenever they are an operand. Comments and the original
layout are not preserved.
"""

from __future__ import annotations

from collections.abc import Callable

from . import ast

# Binding strength of an expression: a child printed where strength `need` is required
# gets parentheses when its own strength is lower.
TOP, EQUIV, IMPLIES, LOGICAL, REL, SHIFT, ADD, MUL, BIT, AS, UNARY, ATOM = range(12)

LINE_WIDTH = 100   # long `&&`/`||` chains in specifications and bodies are split

_BINARY_LEVEL = {
    "<==>": EQUIV, "==>": IMPLIES, "<==": IMPLIES, "&&": LOGICAL, "||": LOGICAL,
    "==": REL, "!=": REL, "<": REL, "<=": REL, ">": REL, ">=": REL, "in": REL, "!in": REL,
    "!!": REL, "<<": SHIFT, ">>": SHIFT, "+": ADD, "-": ADD, "*": MUL, "/": MUL, "%": MUL,
    "&": BIT, "|": BIT, "^": BIT,
}

_ENDLESS = (ast.QuantifierExpr, ast.LambdaExpr, ast.LetExpr, ast.ITEExpr, ast.MatchExpr,
            ast.StmtExpr, ast.SetComprehension, ast.MapComprehension)

_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0", "\\": "\\\\", '"': '\\"',
            "'": "\\'"}


def _escape(s: str) -> str:
    out: list[str] = []
    for c in s:
        e = _ESCAPES.get(c)
        if e is not None:
            out.append(e)
        elif c.isprintable():
            out.append(c)
        else:
            out.append(f"\\U{{{ord(c):X}}}")
    return "".join(out)


def _ends_with_open_match(e: ast.Expr) -> bool:
    """`e` printed without parentheses ends with a brace-less `match`, whose cases would
    absorb whatever `case` follows."""
    while True:
        if isinstance(e, ast.MatchExpr):
            return not e.braced
        if isinstance(e, ast.ITEExpr):
            e = e.else_
        elif isinstance(e, (ast.LetExpr, ast.StmtExpr, ast.QuantifierExpr)):
            e = e.body
        elif isinstance(e, ast.SetComprehension) and e.term is not None:
            e = e.term
        elif isinstance(e, ast.MapComprehension):
            e = e.value
        else:
            return False


def level(e: ast.Expr) -> int:
    """The binding strength of `e` as printed without parentheses."""
    if isinstance(e, ast.BinaryExpr):
        return _BINARY_LEVEL.get(e.op, REL)
    if isinstance(e, (ast.ChainExpr, ast.PrefixEqExpr)):
        return REL
    if isinstance(e, (ast.ConversionExpr, ast.TypeTestExpr)):
        return AS
    if isinstance(e, ast.UnaryExpr):
        return ATOM if e.op == "|.|" else UNARY
    if isinstance(e, _ENDLESS):
        return TOP
    return ATOM


# --------------------------------------------------------------------------- types

def print_type(t: ast.Type) -> str:
    if isinstance(t, ast.UserType):
        s = ".".join(t.path)
        return s + (f"<{', '.join(print_type(a) for a in t.args)}>" if t.args else "")
    if isinstance(t, ast.IntType):
        return "int"
    if isinstance(t, ast.BoolType):
        return "bool"
    if isinstance(t, ast.RealType):
        return "real"
    if isinstance(t, ast.CharType):
        return "char"
    if isinstance(t, ast.OrdinalType):
        return "ORDINAL"
    if isinstance(t, ast.BitvectorType):
        return f"bv{t.width}"
    if isinstance(t, ast.ObjectType):
        return "object?" if t.nullable else "object"
    if isinstance(t, ast.SeqType):
        return _coll("seq", [t.elem])
    if isinstance(t, ast.SetType):
        return _coll("set" if t.finite else "iset", [t.elem])
    if isinstance(t, ast.MultisetType):
        return _coll("multiset", [t.elem])
    if isinstance(t, ast.MapType):
        return _coll("map" if t.finite else "imap", [t.key, t.value])
    if isinstance(t, ast.TupleType):
        if t.ghost:
            return "(" + ", ".join(("ghost " if g else "") + print_type(a)
                                   for g, a in zip(t.ghost, t.elems)) + ")"
        return "(" + ", ".join(print_type(a) for a in t.elems) + ")"
    if isinstance(t, ast.ArrowType):
        if len(t.args) == 1 and not isinstance(t.args[0], (ast.TupleType, ast.ArrowType)):
            dom = print_type(t.args[0])
        else:
            dom = "(" + ", ".join(print_type(a) for a in t.args) + ")"
            if len(t.args) == 1 and isinstance(t.args[0], ast.TupleType):
                dom = "(" + dom + ")"
        return f"{dom} {t.arrow} {print_type(t.result)}"
    if isinstance(t, ast.InferredType):
        return print_type(t.resolved) if t.resolved is not None else "?"
    return f"<{type(t).__name__}>"


def _coll(name: str, args: list[ast.Type]) -> str:
    if all(isinstance(a, ast.InferredType) and a.resolved is None for a in args):
        return name
    return f"{name}<{', '.join(print_type(a) for a in args)}>"


def _inferred(t: ast.Type | None) -> bool:
    return t is None or (isinstance(t, ast.InferredType) and t.resolved is None)


# --------------------------------------------------------------------------- printer

class Printer:
    """Accumulates lines of Dafny text."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.indent = 0

    def line(self, text: str) -> None:
        self.lines.append("  " * self.indent + text)

    # ------------------------------------------------------------------ attributes etc.
    def attrs(self, attrs: list[ast.Attribute]) -> str:
        """Attributes followed by a space, or ''."""
        if not attrs:
            return ""
        parts = []
        for a in attrs:
            args = ", ".join(self.expr(x) for x in a.args)
            parts.append("{:" + a.name + (" " + args if args else "") + "}")
        return " ".join(parts) + " "

    def type_params(self, tps: list[ast.TypeParam]) -> str:
        if not tps:
            return ""
        parts = []
        for tp in tps:
            chars = f"({', '.join(tp.characteristics)})" if tp.characteristics else ""
            parts.append(f"{tp.variance}{tp.name}{chars}")
        return "<" + ", ".join(parts) + ">"

    def formal(self, f: ast.Formal) -> str:
        mods = ("ghost " if f.is_ghost else "") + ("nameonly " if f.is_nameonly else "") + \
            ("older " if f.is_old else "")
        if not f.name:
            return mods + print_type(f.type)
        s = f"{mods}{f.name}: {print_type(f.type)}"
        if f.default is not None:
            s += " := " + self.expr(f.default)
        return s

    def formals(self, fs: list[ast.Formal]) -> str:
        return "(" + ", ".join(self.formal(f) for f in fs) + ")"

    def frame(self, f: ast.FrameExpr) -> str:
        if f.expr is None:
            return "`" + (f.field_name or "")
        s = self.sub(f.expr, EQUIV)
        if f.field_name is not None:
            s = self.wrap_atom(f.expr, s) + "`" + f.field_name
        return s

    def frame_clause(self, kw: str, fs: list[ast.FrameExpr], attrs: list[ast.Attribute]
                     ) -> None:
        if fs or attrs:
            self.line(f"{kw} {self.attrs(attrs)}{self.frames(fs)}".rstrip())

    def frames(self, fs: list[ast.FrameExpr]) -> str:
        return ", ".join(self.frame(f) for f in fs)

    def spec(self, keyword: str, s: ast.SpecExpr) -> None:
        label = f"{s.label}: " if s.label is not None else ""
        head = f"{keyword} {self.attrs(s.attributes)}{label}"
        text = self.expr(s.expr)
        parts = self.split_chain(s.expr, text, len(head))
        if parts is None:
            self.line(head + text)
            return
        self.line(head.rstrip())
        self.indent += 1
        for part in parts:
            self.line(part)
        self.indent -= 1

    def split_chain(self, e: ast.Expr, text: str, used: int) -> list[str] | None:
        """A long `&&`/`||` chain (left-nested, as parsed) as lines with a leading
        operator (`&& a` / `&& b`), which Dafny reads back as the same chain; None when
        the one-line form fits."""
        if used + len(text) + 2 * self.indent <= LINE_WIDTH or not isinstance(e, ast.BinaryExpr) \
                or e.op not in ("&&", "||"):
            return None
        op = e.op
        operands: list[ast.Expr] = []
        node: ast.Expr = e
        while isinstance(node, ast.BinaryExpr) and node.op == op:
            operands.append(node.right)
            node = node.left
        operands.append(node)
        operands.reverse()
        return [f"{op} {self.sub(x, REL)}" for x in operands]

    def decreases(self, d: ast.Decreases | None) -> None:
        if d is not None:
            self.line(f"decreases {self.attrs(d.attributes)}"
                      f"{', '.join(self.expr(e) for e in d.exprs)}")

    # ------------------------------------------------------------------ expressions
    def wrap_atom(self, e: ast.Expr, s: str) -> str:
        return s if level(e) >= ATOM and not isinstance(e, (ast.IntLit, ast.RealLit)) \
            else f"({s})"

    def sub(self, e: ast.Expr, need: int) -> str:
        s = self.expr(e)
        if level(e) < need or (need > TOP and isinstance(e, _ENDLESS)):
            return f"({s})"
        return s

    def expr(self, e: ast.Expr, semi_ok: bool = False) -> str:
        """Print `e` in a delimited position (no parentheses needed around it).
        `semi_ok`: the position allows `L(x); e` (a function body)."""
        fn = _EXPR_PRINTERS.get(type(e))
        if fn is None:
            return f"<{type(e).__name__}>"
        if isinstance(e, ast.StmtExpr) and not semi_ok and \
                isinstance(e.stmt, ast.AssignStmt):
            return "(" + fn(self, e) + ")"
        if semi_ok and isinstance(e, ast.StmtExpr):
            return self.p_stmt_expr(e, True)
        if isinstance(e, ast.LambdaExpr):    # Dafny forbids bare lambdas in some contexts
            return "(" + fn(self, e) + ")"
        if isinstance(e, (ast.NameExpr, ast.MemberSelect)) and e.type_args is not None:
            # `f<int>` is read as an instantiation only before `(`, `.`, `)`, ...
            return "(" + fn(self, e) + ")"
        return fn(self, e)

    def head(self, e: ast.Expr) -> str:
        """The object of a suffix (`e.f`, `e[i]`, `e(args)`): an atom, parenthesized if
        needed; a generic instantiation `f<int>` stays bare before the suffix."""
        if isinstance(e, (ast.NameExpr, ast.MemberSelect)) and e.type_args is not None:
            return _EXPR_PRINTERS[type(e)](self, e)
        return self.wrap_atom(e, self.expr(e))

    def arg(self, e: ast.Expr) -> str:
        """An argument of a call or constructor, where a bare lambda is allowed."""
        return self.p_lambda(e) if isinstance(e, ast.LambdaExpr) else self.expr(e)

    def exprs(self, es: list[ast.Expr]) -> str:
        return ", ".join(self.expr(x) for x in es)

    def p_bool(self, e: ast.BoolLit) -> str:
        return "true" if e.value else "false"

    def p_int(self, e: ast.IntLit) -> str:
        return e.text or str(e.value)

    def p_real(self, e: ast.RealLit) -> str:
        return e.text

    def p_char(self, e: ast.CharLit) -> str:
        return "'" + _escape(e.value) + "'"

    def p_string(self, e: ast.StringLit) -> str:
        if e.verbatim:
            return '@"' + e.value.replace('"', '""') + '"'
        return '"' + _escape(e.value) + '"'

    def p_null(self, e: ast.Expr) -> str:
        return "null"

    def p_this(self, e: ast.Expr) -> str:
        return "this"

    def p_wildcard(self, e: ast.Expr) -> str:
        return "*"

    def p_ellipsis(self, e: ast.Expr) -> str:
        return "..."

    def targs(self, ts: list[ast.Type] | None) -> str:
        return "" if ts is None else "<" + ", ".join(print_type(t) for t in ts) + ">"

    def p_name(self, e: ast.NameExpr) -> str:
        s = e.name + self.targs(e.type_args)
        if e.prefix_depth is not None:
            s += "#[" + self.expr(e.prefix_depth) + "]"
        return s

    def p_member(self, e: ast.MemberSelect) -> str:
        s = self.head(e.obj) + "." + e.name + self.targs(e.type_args)
        if e.prefix_depth is not None:
            s += "#[" + self.expr(e.prefix_depth) + "]"
        return s

    def bindings(self, args: list[ast.Binding]) -> str:
        return "(" + ", ".join((f"{b.name} := " if b.name is not None else "") +
                               self.arg(b.expr) for b in args) + ")"

    def p_apply(self, e: ast.ApplyExpr) -> str:
        return self.head(e.callee) + self.bindings(e.args)

    def p_index(self, e: ast.IndexExpr) -> str:
        return f"{self.head(e.seq)}[{self.expr(e.index)}]"

    def p_multi_index(self, e: ast.MultiIndexExpr) -> str:
        return f"{self.head(e.array)}[{self.exprs(e.indices)}]"

    def p_slice(self, e: ast.SliceExpr) -> str:
        lo = self.expr(e.lo) if e.lo is not None else ""
        hi = self.expr(e.hi) if e.hi is not None else ""
        return f"{self.head(e.seq)}[{lo}..{hi}]"

    def p_split(self, e: ast.SeqSplitExpr) -> str:
        inner = " : ".join(self.expr(x) for x in e.lengths) + (" :" if e.trailing_colon else "")
        return f"{self.head(e.seq)}[{inner}]"

    def p_seq_update(self, e: ast.SeqUpdateExpr) -> str:
        return (f"{self.head(e.seq)}"
                f"[{self.sub(e.index, EQUIV)} := {self.expr(e.value)}]")

    def p_dt_update(self, e: ast.DatatypeUpdateExpr) -> str:
        ups = ", ".join(f"{n} := {self.expr(v)}" for n, v in e.updates)
        return f"{self.head(e.obj)}.({ups})"

    def p_unary(self, e: ast.UnaryExpr) -> str:
        if e.op == "|.|":
            inner = self.expr(e.operand)
            if "|" in inner and level(e.operand) < ATOM:
                inner = f"({inner})"
            if inner.startswith("|") or inner.endswith("|"):
                inner = f" {inner} "        # `| |s| |`, not the `||` operator
            return f"|{inner}|"
        s = self.sub(e.operand, UNARY)
        if s.startswith(e.op) or (e.op == "-" and s.startswith(">")):
            s = " " + s
        return e.op + s

    def p_binary(self, e: ast.BinaryExpr) -> str:
        op = e.op
        lv = _BINARY_LEVEL.get(op, REL)
        l_need, r_need = lv, lv + 1
        same_left = isinstance(e.left, ast.BinaryExpr) and e.left.op == op
        same_right = isinstance(e.right, ast.BinaryExpr) and e.right.op == op
        if op == "==>":
            l_need, r_need = LOGICAL, (IMPLIES if same_right else LOGICAL)
        elif op == "<==":
            l_need, r_need = (IMPLIES if same_left else LOGICAL), LOGICAL
        elif lv in (LOGICAL, BIT):
            l_need = lv if same_left else lv + 1
        elif lv == REL:
            l_need = SHIFT
        left = self.sub(e.left, l_need)
        right = self.sub(e.right, r_need)
        return f"{left} {op} {right}"

    def p_chain(self, e: ast.ChainExpr) -> str:
        parts = [self.sub(e.operands[0], SHIFT)]
        for op, x in zip(e.ops, e.operands[1:]):
            parts.append(f" {op} {self.sub(x, SHIFT)}")
        return "".join(parts)

    def p_prefix_eq(self, e: ast.PrefixEqExpr) -> str:
        op = "!=#" if e.negated else "==#"
        return (f"{self.sub(e.left, SHIFT)} {op}[{self.expr(e.depth)}] "
                f"{self.sub(e.right, SHIFT)}")

    def as_type(self, t: ast.Type) -> str:
        s = print_type(t)
        return f"({s})" if isinstance(t, ast.ArrowType) else s

    def p_conversion(self, e: ast.ConversionExpr) -> str:
        return f"{self.sub(e.operand, AS)} as {self.as_type(e.to)}"

    def p_type_test(self, e: ast.TypeTestExpr) -> str:
        return f"{self.sub(e.operand, AS)} is {self.as_type(e.to)}"

    def p_ite(self, e: ast.ITEExpr) -> str:
        return f"if {self.expr(e.cond)} then {self.expr(e.then)} else {self.expr(e.else_)}"

    def bound_var(self, v: ast.BoundVar) -> str:
        s = v.name if _inferred(v.type) else f"{v.name}: {print_type(v.type)}"
        if v.domain is not None:
            d = self.expr(v.domain)
            if "|" in d or level(v.domain) == TOP:
                d = f"({d})"
            s += " <- " + d
        if v.attributes:
            s += " " + self.attrs(v.attributes).rstrip()
        return s

    def domain(self, vars_: list[ast.BoundVar], range_: ast.Expr | None,
               attrs: list[ast.Attribute]) -> str:
        s = ", ".join(self.bound_var(v) for v in vars_)
        if attrs:
            s += " " + self.attrs(attrs).rstrip()
        if range_ is not None:
            s += " | " + self.expr(range_)
        return s

    def p_quantifier(self, e: ast.QuantifierExpr) -> str:
        return f"{e.kind} {self.domain(e.vars, e.range, e.attributes)} :: {self.expr(e.body)}"

    def p_set_comp(self, e: ast.SetComprehension) -> str:
        kw = "set" if e.finite else "iset"
        s = f"{kw} {self.domain(e.vars, e.range, e.attributes)}"
        if e.term is not None:
            s += " :: " + self.expr(e.term)
        return s

    def p_map_comp(self, e: ast.MapComprehension) -> str:
        kw = "map" if e.finite else "imap"
        s = f"{kw} {self.domain(e.vars, e.range, e.attributes)} :: "
        if e.key is not None:
            s += self.sub(e.key, EQUIV) + " := "
        return s + self.expr(e.value)

    def p_lambda(self, e: ast.LambdaExpr) -> str:
        s = "(" + ", ".join(self.bound_var(v) for v in e.vars) + ")"
        for r in e.requires:
            s += " requires " + self.sub(r, EQUIV)
        if e.reads:
            s += " reads " + self.frames(e.reads)
        return s + " => " + self.expr(e.body)

    def p_seq_display(self, e: ast.SeqDisplay) -> str:
        return "[" + self.exprs(e.elems) + "]"

    def p_set_display(self, e: ast.SetDisplay) -> str:
        return ("" if e.finite else "iset") + "{" + self.exprs(e.elems) + "}"

    def p_multiset_display(self, e: ast.MultisetDisplay) -> str:
        return "multiset{" + self.exprs(e.elems) + "}"

    def p_map_display(self, e: ast.MapDisplay) -> str:
        items = ", ".join(f"{self.sub(k, EQUIV)} := {self.expr(v)}" for k, v in e.items)
        return ("map" if e.finite else "imap") + "[" + items + "]"

    def p_multiset_conv(self, e: ast.MultisetConversion) -> str:
        return f"multiset({self.expr(e.operand)})"

    def p_seq_cons(self, e: ast.SeqConstructor) -> str:
        t = f"<{print_type(e.elem_type)}>" if e.elem_type is not None else ""
        return f"seq{t}({self.expr(e.length)}, {self.arg(e.init)})"

    def p_tuple(self, e: ast.TupleExpr) -> str:
        if not e.ghost:
            return "(" + self.exprs(e.elems) + ")"
        return "(" + ", ".join(("ghost " if g else "") + self.expr(x)
                               for g, x in zip(e.ghost, e.elems)) + ")"

    def at_label(self, label: str | None) -> str:
        return f"@{label}" if label is not None else ""

    def p_old(self, e: ast.OldExpr) -> str:
        return f"old{self.at_label(e.label)}({self.expr(e.operand)})"

    def p_unchanged(self, e: ast.UnchangedExpr) -> str:
        return f"unchanged{self.at_label(e.label)}({self.frames(e.frames)})"

    def p_fresh(self, e: ast.FreshExpr) -> str:
        return f"fresh{self.at_label(e.label)}({self.expr(e.operand)})"

    def p_allocated(self, e: ast.AllocatedExpr) -> str:
        return f"allocated({self.expr(e.operand)})"

    def p_let(self, e: ast.LetExpr) -> str:
        ghost = bool(e.pats) and isinstance(e.pats[0], ast.VarPattern) and e.pats[0].is_ghost
        pats = ", ".join(self.pattern(p, not ghost) for p in e.pats)
        op = ":|" if e.such_that else ":="
        return (f"{'ghost ' if ghost else ''}var {self.attrs(e.attributes)}{pats} {op} "
                f"{self.exprs(e.rhss)}; {self.expr(e.body)}")

    def p_stmt_expr(self, e: ast.StmtExpr, semi_ok: bool = False) -> str:
        sub = Printer()
        sub.stmt(e.stmt)
        return " ".join(x.strip() for x in sub.lines) + " " + self.expr(e.body, semi_ok)

    def p_match_expr(self, e: ast.MatchExpr) -> str:
        parts = []
        for i, c in enumerate(e.cases):
            body = self.expr(c.body)
            last_open = i == len(e.cases) - 1 and not e.braced
            if not last_open and _ends_with_open_match(c.body):
                body = f"({body})"    # else it would swallow the following cases
            parts.append(f"case {self.attrs(c.attributes)}{self.pattern(c.pattern)} => {body}")
        cases = " ".join(parts)
        source = self.sub(e.source, EQUIV)
        if e.braced:
            return f"match {source} {{ {cases} }}"
        return f"match {source} {cases}"

    # ------------------------------------------------------------------ patterns
    def pattern(self, p: ast.Pattern, show_ghost: bool = True) -> str:
        if isinstance(p, ast.VarPattern):
            s = ("ghost " if p.is_ghost and show_ghost else "") + p.name
            return s + (f": {print_type(p.type)}" if p.type is not None else "")
        if isinstance(p, ast.CtorPattern):
            return p.name + "(" + ", ".join(self.pattern(a) for a in p.args) + ")"
        if isinstance(p, ast.LitPattern):
            return self.expr(p.value)
        if isinstance(p, ast.DisjunctivePattern):
            return " | ".join(self.pattern(a) for a in p.alternatives)
        return f"<{type(p).__name__}>"

    # ------------------------------------------------------------------ statements
    def block(self, b: ast.BlockStmt, head: str = "") -> None:
        """`head {` ... `}`"""
        self.line((head + " {").lstrip())
        self.indent += 1
        for s in b.stmts:
            self.stmt(s)
        self.indent -= 1
        self.line("}")

    def stmt(self, s: ast.Stmt) -> None:
        fn = _STMT_PRINTERS.get(type(s))
        if fn is None:
            self.line(f"<{type(s).__name__}>;")
        else:
            fn(self, s)

    def stmts(self, ss: list[ast.Stmt]) -> None:
        self.indent += 1
        for s in ss:
            self.stmt(s)
        self.indent -= 1

    def rhs(self, r: ast.Rhs) -> str:
        if isinstance(r, ast.ExprRhs):
            s = self.arg(r.expr)
        elif isinstance(r, ast.HavocRhs):
            s = "*"
        elif isinstance(r, ast.NewObjectRhs):
            s = "new " + print_type(r.type)
            if r.ctor_name is not None:
                s += "." + r.ctor_name
            if r.args is not None:
                s += self.bindings(r.args)
        elif isinstance(r, ast.NewArrayRhs):
            s = "new " + (print_type(r.elem_type) if r.elem_type is not None else "")
            s += "[" + self.exprs(r.dims) + "]"
            if r.init_fn is not None:
                s += "(" + self.arg(r.init_fn) + ")"
            elif r.init_elems is not None:
                s += " [" + self.exprs(r.init_elems) + "]"
        else:
            s = f"<{type(r).__name__}>"
        if r.attributes:
            s += " " + self.attrs(r.attributes).rstrip()
        return s

    def rhss(self, rs: list[ast.Rhs]) -> str:
        return ", ".join(self.rhs(r) for r in rs)

    def assignment_tail(self, s: ast.Stmt) -> str:
        if isinstance(s, ast.AssignStmt):
            return " := " + self.rhss(s.rhss)
        if isinstance(s, ast.AssignSuchThatStmt):
            return " :| " + ("assume " if s.assume_ else "") + self.expr(s.cond)
        if isinstance(s, ast.AssignOrReturnStmt):
            kw = s.keyword + " " if s.keyword else ""
            extra = "".join(", " + self.rhs(r) for r in s.extra_rhss)
            return " :- " + kw + self.rhs(s.rhs) + extra
        return " <?>"

    def s_block(self, s: ast.BlockStmt) -> None:
        self.block(s)

    def s_var_decl(self, s: ast.VarDeclStmt) -> None:
        ghost = "ghost " if s.vars and s.vars[0].is_ghost else ""
        vs = ", ".join(self.attrs(v.attributes) + v.name +
                       ("" if _inferred(v.type) else ": " + print_type(v.type)) for v in s.vars)
        tail = self.assignment_tail(s.rhs) if s.rhs is not None else ""
        self.line(f"{ghost}var {vs}{tail};")

    def s_var_pattern(self, s: ast.VarDeclPatternStmt) -> None:
        self.line(f"{'ghost ' if s.is_ghost else ''}var {self.pattern(s.pattern)} := "
                  f"{self.expr(s.rhs)};")

    def lhss(self, es: list[ast.Expr]) -> str:
        """Left-hand sides (and call statements): an expression starting with a keyword
        that also starts a statement (`assert`, `var`, `if`, ...) is parenthesized."""
        out = []
        for e in es:
            t = self.sub(e, EQUIV)
            out.append(f"({t})" if t.startswith("{") else t)   # not a block
        return ", ".join(out)

    def s_assign(self, s: ast.AssignStmt) -> None:
        if not s.lhss:
            r = s.rhss[0] if len(s.rhss) == 1 else None
            if isinstance(r, ast.ExprRhs) and not r.attributes:
                self.line(self.lhss([r.expr]) + ";")
            else:
                self.line(self.rhss(s.rhss) + ";")
        else:
            self.line(self.lhss(s.lhss) + self.assignment_tail(s) + ";")

    def s_such_that(self, s: ast.AssignSuchThatStmt) -> None:
        self.line(self.lhss(s.lhss) + self.assignment_tail(s) + ";")

    def s_or_return(self, s: ast.AssignOrReturnStmt) -> None:
        self.line((self.lhss(s.lhss) + self.assignment_tail(s)).lstrip() + ";")

    def guard(self, g: ast.Expr | None, bound: list[ast.BoundVar] | None) -> str:
        if bound is not None:
            return ", ".join(self.bound_var(v) for v in bound) + " :| " + \
                (self.expr(g) if g is not None else "true")
        return "*" if g is None else self.expr(g)

    def s_if(self, s: ast.IfStmt, prefix: str = "") -> None:
        head = f"{prefix}if {self.attrs(s.attributes)}{self.guard(s.guard, s.bound_vars)}"
        self.block(s.then, head)
        if s.else_ is not None:
            last = self.lines.pop()
            ea = self.attrs(s.else_attributes)
            if isinstance(s.else_, ast.IfStmt):
                self.s_if(s.else_, last.strip() + " else " + ea)
            elif isinstance(s.else_, ast.BlockStmt):
                self.block(s.else_, (last.strip() + " else " + ea).rstrip())
            else:
                self.block(ast.BlockStmt([s.else_]), (last.strip() + " else " + ea).rstrip())

    def alternatives(self, head: str, cases: list[ast.GuardedAlternative]) -> None:
        self.line((head + " {").lstrip())
        self.indent += 1
        for c in cases:
            self.line(f"case {self.attrs(c.attributes)}{self.guard(c.guard, c.bound_vars)} =>")
            self.stmts(c.body)
        self.indent -= 1
        self.line("}")

    def s_alt_if(self, s: ast.AlternativeIfStmt) -> None:
        self.alternatives(f"if {self.attrs(s.attributes)}".rstrip(), s.cases)

    def loop_spec(self, spec: ast.LoopSpec) -> None:
        self.indent += 1
        for inv in spec.invariants:
            self.spec("invariant", inv)
        self.decreases(spec.decreases)
        if spec.modifies or spec.modifies_attributes:
            self.line(f"modifies {self.attrs(spec.modifies_attributes)}"
                      f"{self.frames(spec.modifies)}")
        self.indent -= 1

    def s_while(self, s: ast.WhileStmt) -> None:
        g = "*" if s.guard is None else self.expr(s.guard)
        self.line(f"while {self.attrs(s.attributes)}{g}")
        self.loop_spec(s.spec)
        if s.body is not None:
            self.block(s.body)

    def s_alt_loop(self, s: ast.AlternativeLoopStmt) -> None:
        self.line(f"while {self.attrs(s.attributes)}".rstrip())
        self.loop_spec(s.spec)
        self.alternatives("", s.cases)

    def s_for(self, s: ast.ForLoopStmt) -> None:
        end = "*" if s.end is None else self.expr(s.end)
        self.line(f"for {self.attrs(s.attributes)}{self.bound_var(s.var)} := "
                  f"{self.expr(s.start)} {'downto' if s.downto else 'to'} {end}")
        self.loop_spec(s.spec)
        if s.body is not None:
            self.block(s.body)

    def s_forall(self, s: ast.ForallStmt) -> None:
        if s.vars:
            head = "forall " + self.domain(s.vars, s.range, s.attributes)
        else:
            head = "forall " + self.attrs(s.attributes).rstrip()
        self.line(head.rstrip())
        self.indent += 1
        for e in s.ensures:
            self.spec("ensures", e)
        self.indent -= 1
        if s.body is not None:
            self.block(s.body)

    def s_match(self, s: ast.MatchStmt) -> None:
        source = self.expr(s.source)
        if isinstance(s.source, ast.MatchExpr) or source.startswith("{"):
            source = f"({source})"
        self.line(f"match {self.attrs(s.attributes)}{source}" + (" {" if s.braced else ""))
        self.indent += 1
        for c in s.cases:
            self.line(f"case {self.attrs(c.attributes)}{self.pattern(c.pattern)} =>")
            self.stmts(c.body)
        self.indent -= 1
        if s.braced:
            self.line("}")

    def s_assert(self, s: ast.AssertStmt) -> None:
        label = f"{s.label}: " if s.label is not None else ""
        head = f"assert {self.attrs(s.attributes)}{label}{self.expr(s.expr)}"
        if s.by is not None:
            self.block(s.by, head + " by")
        else:
            self.line(head + ";")

    def s_assume(self, s: ast.AssumeStmt) -> None:
        self.line(f"assume {self.attrs(s.attributes)}{self.expr(s.expr)};")

    def s_expect(self, s: ast.ExpectStmt) -> None:
        msg = ", " + self.expr(s.message) if s.message is not None else ""
        self.line(f"expect {self.attrs(s.attributes)}{self.expr(s.expr)}{msg};")

    def s_print(self, s: ast.PrintStmt) -> None:
        self.line(f"print {self.exprs(s.args)};")

    def s_return(self, s: ast.ReturnStmt) -> None:
        kw = "yield" if isinstance(s, ast.YieldStmt) else "return"
        self.line(kw + (" " + self.rhss(s.rhss) if s.rhss is not None else "") + ";")

    def s_break(self, s: ast.BreakStmt) -> None:
        kw = (" ".join(["break"] * (max(1, s.count) - 1) + ["continue"]) if s.is_continue
              else " ".join(["break"] * max(1, s.count)))
        self.line(kw + (" " + s.label if s.label is not None else "") + ";")

    def s_calc(self, s: ast.CalcStmt) -> None:
        op = s.op + " " if s.op else ""
        self.line(f"calc {self.attrs(s.attributes)}{op}{{")
        self.indent += 1
        for step in s.steps:
            line = self.expr(step.expr)
            if line.startswith("{"):       # would be read as a hint
                line = f"({line})"
            self.line(line + ";")
            if step.op is not None or step.hint is not None:
                if step.hint is not None:
                    self.block(step.hint, step.op or "")
                else:
                    self.line(step.op or "")
        self.indent -= 1
        self.line("}")

    def s_reveal(self, s: ast.RevealStmt) -> None:
        self.line(f"reveal {self.exprs(s.exprs)};")

    def s_modify(self, s: ast.ModifyStmt) -> None:
        head = f"modify {self.attrs(s.attributes)}{self.frames(s.frames)}"
        if s.body is not None:
            self.block(s.body, head)
        else:
            self.line(head + ";")

    def s_labeled(self, s: ast.LabeledStmt) -> None:
        self.line(f"label {s.label}:")
        self.stmt(s.stmt)

    def s_skeleton(self, s: ast.Stmt) -> None:
        self.line("...;")

    def s_new_phase(self, s: ast.Stmt) -> None:
        self.line("new;")

    # ------------------------------------------------------------------ declarations
    def decls(self, ds: list[ast.Decl]) -> None:
        first = True
        for d in ds:
            if not first and not isinstance(d, (ast.Field, ast.ImportDecl)):
                self.lines.append("")
            first = False
            self.decl(d)

    def decl(self, d: ast.Decl) -> None:
        fn = _DECL_PRINTERS.get(type(d))
        if fn is None:
            self.line(f"// <{type(d).__name__}>")
        else:
            fn(self, d)

    def members(self, head: str, members: list[ast.Decl]) -> None:
        self.line(head + " {")
        self.indent += 1
        self.decls(members)
        self.indent -= 1
        self.line("}")

    def d_module(self, d: ast.ModuleDecl) -> None:
        mods = ("abstract " if d.is_abstract else "") + \
            ("replaceable " if d.is_replaceable else "")
        refines = " refines " + ".".join(d.refines) if d.refines is not None else ""
        self.members(f"{mods}module {self.attrs(d.attributes)}{d.name}{refines}", d.decls)

    def d_import(self, d: ast.ImportDecl) -> None:
        target = ".".join(d.target)
        opened = "opened " if d.opened else ""
        if d.is_abstract:
            s = f"import {opened}{d.name} : {target}"
        elif d.name == d.target[-1]:
            s = f"import {opened}{target}"
        else:
            s = f"import {opened}{d.name} = {target}"
        if d.export_names:
            s += "`{" + ", ".join(d.export_names) + "}"
        self.line(s)

    def d_export(self, d: ast.ExportDecl) -> None:
        s = "export" + (" " + d.name if d.name else "")
        if d.extends:
            s += " extends " + ", ".join(d.extends)
        if d.provides or d.provides_all:
            s += " provides " + ", ".join(d.provides + (["*"] if d.provides_all else []))
        if d.reveals or d.reveals_all:
            s += " reveals " + ", ".join(d.reveals + (["*"] if d.reveals_all else []))
        self.line(s)

    def d_class(self, d: ast.ClassDecl) -> None:
        kw = "trait" if d.is_trait else "class"
        ext = " extends " + ", ".join(print_type(t) for t in d.extends) if d.extends else ""
        self.members(f"{kw} {self.attrs(d.attributes)}{d.name}{self.type_params(d.type_params)}"
                     f"{ext}", d.members)

    def d_datatype(self, d: ast.DatatypeDecl) -> None:
        kw = "codatatype" if d.is_co else "datatype"
        ext = " extends " + ", ".join(print_type(t) for t in d.extends) if d.extends else ""
        ctors = " | ".join(
            self.attrs(c.attributes) + ("ghost " if c.is_ghost else "") + c.name +
            (self.formals(c.formals) if c.formals else "") for c in d.ctors)
        head = (f"{kw} {self.attrs(d.attributes)}{d.name}{self.type_params(d.type_params)}"
                f"{ext} = {ctors}")
        if d.members:
            self.members(head, d.members)
        else:
            self.line(head)

    def witness(self, kind: str, w: ast.Expr | None) -> str:
        if kind == "*":
            return " witness *"
        if kind and w is not None:
            return f" {kind} {self.expr(w)}"
        return ""

    def d_newtype(self, d: ast.NewtypeDecl) -> None:
        if d.var is None:
            rhs = print_type(d.base)
        else:
            t = "" if _inferred(d.base) else ": " + print_type(d.base)
            c = self.expr(d.constraint) if d.constraint is not None else "true"
            rhs = f"{d.var}{t} | {c}"
        head = f"newtype {self.attrs(d.attributes)}{d.name} = {rhs}" + \
            self.witness(d.witness_kind, d.witness)
        if d.members:
            self.members(head, d.members)
        else:
            self.line(head)

    def d_subset(self, d: ast.SubsetTypeDecl) -> None:
        t = "" if _inferred(d.base) else ": " + print_type(d.base)
        self.line(f"type {self.attrs(d.attributes)}{d.name}{self.type_params(d.type_params)} = "
                  f"{d.var}{t} | {self.expr(d.constraint)}"
                  + self.witness(d.witness_kind, d.witness))

    def d_synonym(self, d: ast.TypeSynonymDecl) -> None:
        chars = f"({', '.join(d.characteristics)})" if d.characteristics else ""
        head = f"type {self.attrs(d.attributes)}{d.name}{chars}{self.type_params(d.type_params)}"
        if d.rhs is not None:
            head += " = " + print_type(d.rhs)
        if d.members:
            self.members(head, d.members)
        else:
            self.line(head)

    def d_iterator(self, d: ast.IteratorDecl) -> None:
        outs = " yields " + self.formals(d.outs) if d.outs else ""
        self.line(f"iterator {self.attrs(d.attributes)}{d.name}"
                  f"{self.type_params(d.type_params)}{self.formals(d.ins)}{outs}")
        self.indent += 1
        for r in d.requires:
            self.spec("requires", r)
        self.frame_clause("reads", d.reads, d.reads_attributes)
        self.frame_clause("modifies", d.modifies, d.modifies_attributes)
        for r in d.yield_requires:
            self.spec("yield requires", r)
        for r in d.yield_ensures:
            self.spec("yield ensures", r)
        for r in d.ensures:
            self.spec("ensures", r)
        self.decreases(d.decreases)
        self.indent -= 1
        if d.body is not None:
            self.block(d.body)

    @staticmethod
    def k_type(k: str) -> str:
        return f"[{k}]" if k else ""

    def d_method(self, d: ast.Method) -> None:
        mods = ("ghost " if d.is_ghost else "") + ("static " if d.is_static else "")
        name = " " + d.name if d.name else " "
        outs = " returns " + self.formals(d.outs) if d.outs else ""
        self.line(f"{mods}{d.kind} {self.attrs(d.attributes)}".rstrip() + name +
                  f"{self.type_params(d.type_params)}{self.k_type(d.k_type)}"
                  f"{self.formals(d.ins)}{outs}")
        self.indent += 1
        for r in d.requires:
            self.spec("requires", r)
        self.frame_clause("modifies", d.modifies, d.modifies_attributes)
        self.frame_clause("reads", d.reads, d.reads_attributes)
        for r in d.ensures:
            self.spec("ensures", r)
        self.decreases(d.decreases)
        self.indent -= 1
        if d.body is not None:
            self.block(d.body)

    def d_function(self, d: ast.Function) -> None:
        mods = ("static " if d.is_static else "") + ("opaque " if d.is_opaque else "")
        if d.is_ghost and not d.extreme and not d.is_twostate:
            mods += "ghost "
        if d.is_twostate:
            mods += "twostate "
        if d.extreme:
            mods += d.extreme + " "
        if d.result is not None:
            res = f": ({d.result.name}: {print_type(d.result.type)})"
        elif d.kind == "predicate" and isinstance(d.result_type, ast.BoolType):
            res = ""
        else:
            res = ": " + print_type(d.result_type)
        self.line(f"{mods}{d.kind} {self.attrs(d.attributes)}{d.name}"
                  f"{self.type_params(d.type_params)}{self.k_type(d.k_type)}"
                  f"{self.formals(d.formals)}{res}")
        self.indent += 1
        for r in d.requires:
            self.spec("requires", r)
        self.frame_clause("reads", d.reads, d.reads_attributes)
        for r in d.ensures:
            self.spec("ensures", r)
        self.decreases(d.decreases)
        self.indent -= 1
        if d.body is not None:
            self.line("{")
            self.indent += 1
            text = self.expr(d.body, semi_ok=True)
            parts = self.split_chain(d.body, text, 0)
            for part in parts if parts is not None else [text]:
                self.line(part)
            self.indent -= 1
            if d.by_method is not None:
                self.block(d.by_method, "} by method")
            else:
                self.line("}")

    def d_field(self, d: ast.Field) -> None:
        mods = ("ghost " if d.is_ghost else "") + ("static " if d.is_static else "")
        kw = "const" if d.is_const else "var"
        t = "" if _inferred(d.type) else ": " + print_type(d.type)
        init = " := " + self.expr(d.init) if d.init is not None else ""
        self.line(f"{mods}{kw} {self.attrs(d.attributes)}{d.name}{t}{init}")


_EXPR_PRINTERS: dict[type, Callable[..., str]] = {
    ast.BoolLit: Printer.p_bool, ast.IntLit: Printer.p_int, ast.RealLit: Printer.p_real,
    ast.CharLit: Printer.p_char, ast.StringLit: Printer.p_string, ast.NullLit: Printer.p_null,
    ast.ThisExpr: Printer.p_this, ast.WildcardExpr: Printer.p_wildcard,
    ast.EllipsisExpr: Printer.p_ellipsis, ast.NameExpr: Printer.p_name,
    ast.MemberSelect: Printer.p_member, ast.ApplyExpr: Printer.p_apply,
    ast.IndexExpr: Printer.p_index, ast.MultiIndexExpr: Printer.p_multi_index,
    ast.SliceExpr: Printer.p_slice, ast.SeqSplitExpr: Printer.p_split,
    ast.SeqUpdateExpr: Printer.p_seq_update, ast.DatatypeUpdateExpr: Printer.p_dt_update,
    ast.UnaryExpr: Printer.p_unary, ast.BinaryExpr: Printer.p_binary,
    ast.ChainExpr: Printer.p_chain, ast.PrefixEqExpr: Printer.p_prefix_eq,
    ast.ITEExpr: Printer.p_ite, ast.QuantifierExpr: Printer.p_quantifier,
    ast.SetComprehension: Printer.p_set_comp, ast.MapComprehension: Printer.p_map_comp,
    ast.LambdaExpr: Printer.p_lambda, ast.SeqDisplay: Printer.p_seq_display,
    ast.SetDisplay: Printer.p_set_display, ast.MultisetDisplay: Printer.p_multiset_display,
    ast.MapDisplay: Printer.p_map_display, ast.MultisetConversion: Printer.p_multiset_conv,
    ast.SeqConstructor: Printer.p_seq_cons, ast.TupleExpr: Printer.p_tuple,
    ast.OldExpr: Printer.p_old, ast.UnchangedExpr: Printer.p_unchanged,
    ast.FreshExpr: Printer.p_fresh, ast.AllocatedExpr: Printer.p_allocated,
    ast.ConversionExpr: Printer.p_conversion, ast.TypeTestExpr: Printer.p_type_test,
    ast.LetExpr: Printer.p_let, ast.StmtExpr: Printer.p_stmt_expr,
    ast.MatchExpr: Printer.p_match_expr,
}

_STMT_PRINTERS: dict[type, Callable[..., None]] = {
    ast.BlockStmt: Printer.s_block, ast.VarDeclStmt: Printer.s_var_decl,
    ast.VarDeclPatternStmt: Printer.s_var_pattern, ast.AssignStmt: Printer.s_assign,
    ast.AssignSuchThatStmt: Printer.s_such_that, ast.AssignOrReturnStmt: Printer.s_or_return,
    ast.IfStmt: Printer.s_if, ast.AlternativeIfStmt: Printer.s_alt_if,
    ast.WhileStmt: Printer.s_while, ast.AlternativeLoopStmt: Printer.s_alt_loop,
    ast.ForLoopStmt: Printer.s_for, ast.ForallStmt: Printer.s_forall,
    ast.MatchStmt: Printer.s_match, ast.AssertStmt: Printer.s_assert,
    ast.AssumeStmt: Printer.s_assume, ast.ExpectStmt: Printer.s_expect,
    ast.PrintStmt: Printer.s_print, ast.ReturnStmt: Printer.s_return,
    ast.YieldStmt: Printer.s_return, ast.BreakStmt: Printer.s_break,
    ast.CalcStmt: Printer.s_calc, ast.RevealStmt: Printer.s_reveal,
    ast.ModifyStmt: Printer.s_modify, ast.LabeledStmt: Printer.s_labeled,
    ast.SkeletonStmt: Printer.s_skeleton, ast.NewPhaseStmt: Printer.s_new_phase,
}

_DECL_PRINTERS: dict[type, Callable[..., None]] = {
    ast.ModuleDecl: Printer.d_module, ast.ImportDecl: Printer.d_import,
    ast.ExportDecl: Printer.d_export, ast.ClassDecl: Printer.d_class,
    ast.DatatypeDecl: Printer.d_datatype, ast.NewtypeDecl: Printer.d_newtype,
    ast.SubsetTypeDecl: Printer.d_subset, ast.TypeSynonymDecl: Printer.d_synonym,
    ast.IteratorDecl: Printer.d_iterator, ast.Method: Printer.d_method,
    ast.Function: Printer.d_function, ast.Field: Printer.d_field,
}


def print_program(program: ast.Program) -> str:
    """Dafny text of a whole program: include directives, then the default module's
    declarations."""
    p = Printer()
    for inc in program.includes:
        p.line('include "' + _escape(inc.path) + '"')
    if program.includes:
        p.lines.append("")
    p.decls(program.module.decls)
    return "\n".join(p.lines) + "\n" if p.lines else ""


def print_expr(e: ast.Expr) -> str:
    """Dafny text of one expression."""
    return Printer().expr(e)


def print_stmt(s: ast.Stmt) -> str:
    """Dafny text of one statement (possibly several lines)."""
    p = Printer()
    p.stmt(s)
    return "\n".join(p.lines)


__all__ = ["print_expr", "print_program", "print_stmt", "print_type"]
