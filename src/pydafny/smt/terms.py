"""SMT terms: a small solver-independent term language for verification conditions.

Takes: nothing; defines `Sort`, `FunSym`, `Term` and builder functions.
Guarantees: every `Term` knows its sort; builders do only local, obviously sound
simplifications (true/false absorption in and/or/implies/not); terms are compared by identity
(a term DAG may share subterms; backends convert each shared node once). The z3 backend turns
terms into z3 ASTs directly; the fake solver in `solver.py` works on them without z3.

Term ops: "const" (data=name), "bvar" (a bound variable, data=name), "int"/"real"/"bool"/"bv"
literals (data=value), "and", "or", "not", "=>", "=", "distinct", "ite", "+", "-", "neg", "*",
"div", "mod", "/", "<", "<=", ">", ">=", "to_real", "to_int", "select", "store", "extract"
(data=(hi, lo)), "concat", "builtin" (data=SMT-LIB operator name such as "bvadd"), "app"
(data=FunSym), "forall"/"exists" (args=(body,), data=Binder), "lambda" (data=Binder).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True, slots=True)
class Sort:
    kind: str  # "Int", "Real", "Bool", "BV", "Array", "U"
    width: int = 0
    domain: tuple[Sort, ...] = ()
    range: Sort | None = None
    name: str = ""

    def __str__(self) -> str:
        if self.kind == "BV":
            return f"(_ BitVec {self.width})"
        if self.kind == "Array":
            return f"(Array {' '.join(map(str, self.domain))} {self.range})"
        if self.kind == "U":
            return self.name
        return self.kind


INT = Sort("Int")
REAL = Sort("Real")
BOOL = Sort("Bool")


def bv_sort(width: int) -> Sort:
    return Sort("BV", width)


def array_sort(domain: tuple[Sort, ...], rng: Sort) -> Sort:
    return Sort("Array", 0, domain, rng)


def uninterpreted(name: str) -> Sort:
    return Sort("U", 0, (), None, name)


@dataclass(frozen=True, slots=True)
class FunSym:
    name: str
    domain: tuple[Sort, ...]
    range: Sort


# SMT-LIB operator names a `{:bvbuiltin}`/`{:builtin}` function may name
SUPPORTED_BUILTINS = frozenset((
    "bvadd", "bvsub", "bvmul", "bvudiv", "bvurem", "bvsdiv", "bvsrem", "bvsmod", "bvand",
    "bvor", "bvxor", "bvshl", "bvlshr", "bvashr", "bvult", "bvule", "bvugt", "bvuge", "bvslt",
    "bvsle", "bvsgt", "bvsge", "bvnand", "bvnor", "bvxnor", "bvcomp", "bvnot", "bvneg",
    "+", "-", "*", "div", "mod", "<", "<=", ">", ">=", "to_real", "to_int", "abs",
    "int2bv", "bv2int"))  # int2bv: the width is the result sort's


class Binder:
    """Bound variables of a quantifier or lambda, with patterns (multi-patterns), terms that
    must not serve as patterns, qid and weight."""

    __slots__ = ("no_patterns", "patterns", "qid", "vars", "weight")

    def __init__(self, vars: tuple[Term, ...], patterns: tuple[tuple[Term, ...], ...] = (),
                 qid: str = "", weight: int = 1, no_patterns: tuple[Term, ...] = ()) -> None:
        self.vars = vars
        self.patterns = patterns
        self.qid = qid
        self.weight = weight
        self.no_patterns = no_patterns


class Term:
    """`binders` is True when the term contains a quantifier or lambda (computed once)."""

    __slots__ = ("args", "binders", "data", "op", "sort")

    def __init__(self, op: str, args: tuple[Term, ...], sort: Sort, data: object = None):
        self.op = op
        self.args = args
        self.sort = sort
        self.data = data
        self.binders: bool = op in ("forall", "exists", "lambda") or any(
            a.binders for a in args)

    def __repr__(self) -> str:
        if self.op in ("const", "bvar"):
            return str(self.data)
        if self.op in ("int", "real"):
            return str(self.data)
        if self.op == "bool":
            return "true" if self.data else "false"
        if self.op == "bv":
            return f"#bv{self.data}[{self.sort.width}]"
        head = self.op
        if self.op == "app":
            head = self.data.name if isinstance(self.data, FunSym) else "app"
        elif self.op == "builtin":
            head = str(self.data)
        elif self.op == "extract":
            head = f"extract{self.data}"
        if self.op in ("forall", "exists", "lambda"):
            b: Binder = self.data  # type: ignore[assignment]
            return f"({self.op} ({' '.join(map(repr, b.vars))}) {self.args[0]!r})"
        return f"({head} {' '.join(map(repr, self.args))})"


TRUE = Term("bool", (), BOOL, True)
FALSE = Term("bool", (), BOOL, False)


def const(name: str, sort: Sort) -> Term:
    return Term("const", (), sort, name)


def bvar(name: str, sort: Sort) -> Term:
    return Term("bvar", (), sort, name)


def int_lit(v: int) -> Term:
    return Term("int", (), INT, v)


def real_lit(v: Fraction) -> Term:
    return Term("real", (), REAL, v)


def bool_lit(v: bool) -> Term:
    return TRUE if v else FALSE


def bv_lit(v: int, width: int) -> Term:
    return Term("bv", (), bv_sort(width), v)


def is_true(t: Term) -> bool:
    return t.op == "bool" and t.data is True


def is_false(t: Term) -> bool:
    return t.op == "bool" and t.data is False


def and_(*args: Term) -> Term:
    out: list[Term] = []
    for a in args:
        if is_false(a):
            return FALSE
        if not is_true(a):
            out.append(a)
    if not out:
        return TRUE
    if len(out) == 1:
        return out[0]
    return Term("and", tuple(out), BOOL)


def or_(*args: Term) -> Term:
    out: list[Term] = []
    for a in args:
        if is_true(a):
            return TRUE
        if not is_false(a):
            out.append(a)
    if not out:
        return FALSE
    if len(out) == 1:
        return out[0]
    return Term("or", tuple(out), BOOL)


def not_(a: Term) -> Term:
    if a.op == "bool":
        return bool_lit(not a.data)
    if a.op == "not":
        return a.args[0]
    return Term("not", (a,), BOOL)


def implies(a: Term, b: Term) -> Term:
    if is_true(a) or is_true(b):
        return b
    if is_false(a):
        return TRUE
    return Term("=>", (a, b), BOOL)


def eq(a: Term, b: Term) -> Term:
    return Term("=", (a, b), BOOL)


def distinct(args: tuple[Term, ...]) -> Term:
    return Term("distinct", args, BOOL) if len(args) > 1 else TRUE


def ite(c: Term, a: Term, b: Term) -> Term:
    return Term("ite", (c, a, b), a.sort)


def arith(op: str, a: Term, b: Term) -> Term:
    """+ - * div mod / over Int or Real; comparisons < <= > >= give Bool."""
    if op in ("<", "<=", ">", ">="):
        return Term(op, (a, b), BOOL)
    if op == "/":
        return Term("/", (a, b), REAL)
    return Term(op, (a, b), a.sort)


def neg(a: Term) -> Term:
    return Term("neg", (a,), a.sort)


def to_real(a: Term) -> Term:
    return Term("to_real", (a,), REAL)


def to_int(a: Term) -> Term:
    return Term("to_int", (a,), INT)


def select(m: Term, idx: tuple[Term, ...]) -> Term:
    assert m.sort.range is not None
    return Term("select", (m,) + idx, m.sort.range)


def store(m: Term, idx: tuple[Term, ...], v: Term) -> Term:
    return Term("store", (m,) + idx + (v,), m.sort)


def extract(a: Term, hi: int, lo: int) -> Term:
    """Bits lo..hi-1 of a (Boogie's `a[hi:lo]`)."""
    return Term("extract", (a,), bv_sort(hi - lo), (hi, lo))


def concat(a: Term, b: Term) -> Term:
    return Term("concat", (a, b), bv_sort(a.sort.width + b.sort.width))


def builtin(name: str, args: tuple[Term, ...], sort: Sort) -> Term:
    return Term("builtin", args, sort, name)


def app(f: FunSym, args: tuple[Term, ...]) -> Term:
    return Term("app", args, f.range, f)


def quant(kind: str, vars: tuple[Term, ...], body: Term,
          patterns: tuple[tuple[Term, ...], ...] = (), qid: str = "", weight: int = 1,
          no_patterns: tuple[Term, ...] = ()) -> Term:
    if not vars:
        return body
    return Term(kind, (body,), BOOL, Binder(vars, patterns, qid, weight, no_patterns))


def lambda_(vars: tuple[Term, ...], body: Term) -> Term:
    return Term("lambda", (body,), array_sort(tuple(v.sort for v in vars), body.sort),
                Binder(vars))


def size(t: Term) -> int:
    """Number of distinct nodes in the DAG of t (for tests and benchmarks)."""
    seen: set[int] = set()
    stack = [t]
    while stack:
        x = stack.pop()
        if id(x) in seen:
            continue
        seen.add(id(x))
        stack.extend(x.args)
        if isinstance(x.data, Binder):
            stack.extend(x.data.vars)
            for p in x.data.patterns:
                stack.extend(p)
    return len(seen)


_NUMERALS = ("int", "real")


def _numeral(t: Term) -> bool:
    while t.op in ("neg", "to_real", "to_int"):
        t = t.args[0]
    return t.op in _NUMERALS


def has_nonlinear(terms: list[Term]) -> bool:
    """Does any of the terms (their DAGs, quantifier bodies included) multiply two
    non-numerals, or divide by a non-numeral (integer `div`/`mod`, real `/`)? Such queries
    need the solver's nonlinear arithmetic."""
    seen: set[int] = set()
    stack = list(terms)
    while stack:
        x = stack.pop()
        if id(x) in seen:
            continue
        seen.add(id(x))
        if x.op == "*" and sum(1 for a in x.args if not _numeral(a)) >= 2:
            return True
        if x.op in ("div", "mod", "/") and len(x.args) == 2 and not _numeral(x.args[1]):
            return True
        stack.extend(x.args)
    return False
