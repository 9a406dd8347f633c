"""The z3 backend: the only module that imports z3.

Takes: `Term`s (pydafny.smt.terms) and `SolverOptions`.
Guarantees: terms become z3 ASTs directly (no SMT-LIB text), each shared node converted once,
iteratively (no Python recursion, so deep terms are safe); every session uses the configured
parameters (Dafny's defaults; unknown parameter names are skipped), fixed random seeds, and the
time limit / resource limit as z3's `timeout` / `rlimit`; quantifier patterns become z3
multi-patterns. `check()` returns "sat", "unsat" or "unknown".
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, cast

import z3  # type: ignore[import-untyped]

from .solver import SolverOptions
from .terms import Binder, FunSym, Sort, Term

# parameters z3 takes only globally; all others are set on each solver
_GLOBAL_ONLY = ("auto_config", "type_check", "model.completion")
_configured: dict[str, object] = {}   # global parameter -> value set by this module
_originals: dict[str, object] = {}    # global parameter -> z3's value before the first change


def _configure_globals(params: dict[str, object]) -> None:
    """Set the global-only parameters as asked, and put back z3's own value of any that an
    earlier caller set but this one leaves out (so settings never leak between callers)."""
    for k in _GLOBAL_ONLY:
        if k in params:
            want: object = params[k]
        elif k in _originals:
            want = _originals[k]
        else:
            continue
        if _configured.get(k) == want:
            continue
        try:
            if k not in _originals:
                _originals[k] = z3.get_param(k)
            z3.set_param(k, want)
            _configured[k] = want
        except z3.Z3Exception:
            continue  # unknown here or a value of the wrong kind: keep z3's default


class Z3Converter:
    """Converts terms to z3 ASTs, with sorts and function declarations cached."""

    def __init__(self, ctx: z3.Context) -> None:
        self.ctx = ctx
        self.sorts: dict[Sort, z3.SortRef] = {}
        self.funcs: dict[FunSym, z3.FuncDeclRef] = {}
        self.memo: dict[int, Any] = {}
        self.keep: list[Term] = []  # keeps memo keys (ids) alive

    def sort(self, s: Sort) -> z3.SortRef:
        r = self.sorts.get(s)
        if r is not None:
            return r
        ctx = self.ctx
        if s.kind == "Int":
            r = z3.IntSort(ctx)
        elif s.kind == "Real":
            r = z3.RealSort(ctx)
        elif s.kind == "Bool":
            r = z3.BoolSort(ctx)
        elif s.kind == "BV":
            r = z3.BitVecSort(s.width, ctx)
        elif s.kind == "Array":
            assert s.range is not None
            r = z3.ArraySort(*[self.sort(d) for d in s.domain], self.sort(s.range))
        else:
            r = z3.DeclareSort(s.name, ctx)
        self.sorts[s] = r
        return r

    def func(self, f: FunSym) -> z3.FuncDeclRef:
        r = self.funcs.get(f)
        if r is None:
            r = z3.Function(f.name, *[self.sort(d) for d in f.domain], self.sort(f.range))
            self.funcs[f] = r
        return r

    def convert(self, root: Term) -> Any:
        memo = self.memo
        r = memo.get(id(root))
        if r is not None:
            return r
        # iterative post-order; binders get their bound variables substituted by z3 Consts
        stack: list[tuple[Term, bool]] = [(root, False)]
        while stack:
            t, ready = stack.pop()
            if id(t) in memo:
                continue
            b = t.data if isinstance(t.data, Binder) else None
            if not ready:
                stack.append((t, True))
                for a in t.args:
                    if id(a) not in memo:
                        stack.append((a, False))
                if b is not None:
                    for v in b.vars:
                        if id(v) not in memo:
                            stack.append((v, False))
                    for p in b.patterns:
                        for pe in p:
                            if id(pe) not in memo:
                                stack.append((pe, False))
                    for pe in b.no_patterns:
                        if id(pe) not in memo:
                            stack.append((pe, False))
                continue
            memo[id(t)] = self._build(t, [memo[id(a)] for a in t.args], b)
            self.keep.append(t)
        return memo[id(root)]

    def _wrap(self, ast: Any, sort: Sort) -> Any:
        """A z3 Python object of the right class for an AST of the given sort."""
        return _REF_CLASS.get(sort.kind, z3.ExprRef)(ast, self.ctx)

    def _build(self, t: Term, a: list[Any], b: Binder | None) -> Any:
        op = t.op
        fast = _FAST_NARY.get(op)
        if fast is not None:  # the C API directly: no coercions or sort checks per node
            arr = (z3.Ast * len(a))(*[x.as_ast() for x in a])
            return self._wrap(fast(self.ctx.ref(), len(a), arr), t.sort)
        fast = _FAST_BINARY.get(op)
        if fast is not None:
            return self._wrap(fast(self.ctx.ref(), a[0].as_ast(), a[1].as_ast()), t.sort)
        if op == "app":
            f = self.func(t.data)  # type: ignore[arg-type]
            arr = (z3.Ast * len(a))(*[x.as_ast() for x in a])
            return self._wrap(z3.Z3_mk_app(self.ctx.ref(), f.ast, len(a), arr), t.sort)
        if op == "not":
            return z3.BoolRef(z3.Z3_mk_not(self.ctx.ref(), a[0].as_ast()), self.ctx)
        if op == "ite":
            return self._wrap(z3.Z3_mk_ite(self.ctx.ref(), a[0].as_ast(), a[1].as_ast(),
                                           a[2].as_ast()), t.sort)
        if op == "select" and len(a) == 2:
            return self._wrap(z3.Z3_mk_select(self.ctx.ref(), a[0].as_ast(), a[1].as_ast()),
                              t.sort)
        if op == "store" and len(a) == 3:
            return self._wrap(z3.Z3_mk_store(self.ctx.ref(), a[0].as_ast(), a[1].as_ast(),
                                             a[2].as_ast()), t.sort)
        return self._build_slow(t, a, b)

    def _build_slow(self, t: Term, a: list[Any], b: Binder | None) -> Any:
        op = t.op
        ctx = self.ctx
        if op == "const" or op == "bvar":
            return z3.Const(str(t.data), self.sort(t.sort))
        if op == "int":
            return z3.IntVal(int(cast(int, t.data)), ctx)
        if op == "real":
            v: Fraction = t.data  # type: ignore[assignment]
            return z3.RealVal(f"{v.numerator}/{v.denominator}", ctx)
        if op == "bool":
            return z3.BoolVal(bool(t.data), ctx)
        if op == "bv":
            return z3.BitVecVal(int(cast(int, t.data)), t.sort.width, ctx)
        if op == "and":
            return z3.And(*a)
        if op == "or":
            return z3.Or(*a)
        if op == "not":
            return z3.Not(a[0])
        if op == "=>":
            return z3.Implies(a[0], a[1])
        if op == "=":
            return a[0] == a[1]
        if op == "distinct":
            return z3.Distinct(*a)
        if op == "ite":
            return z3.If(a[0], a[1], a[2])
        if op == "+":
            return a[0] + a[1]
        if op == "-":
            return a[0] - a[1]
        if op == "*":
            return a[0] * a[1]
        if op == "neg":
            return -a[0]
        if op == "div":
            return a[0] / a[1]   # integer division on Int (SMT-LIB div)
        if op == "mod":
            return a[0] % a[1]   # SMT-LIB mod on Int
        if op == "/":
            x, y = a
            if z3.is_int(x):
                x = z3.ToReal(x)
            if z3.is_int(y):
                y = z3.ToReal(y)
            return x / y
        if op == "<":
            return a[0] < a[1]
        if op == "<=":
            return a[0] <= a[1]
        if op == ">":
            return a[0] > a[1]
        if op == ">=":
            return a[0] >= a[1]
        if op == "to_real":
            return z3.ToReal(a[0])
        if op == "to_int":
            return z3.ToInt(a[0])
        if op == "select":
            return z3.Select(a[0], *a[1:])
        if op == "store":
            return z3.Store(a[0], *a[1:])
        if op == "extract":
            hi, lo = cast(tuple[int, int], t.data)
            return z3.Extract(hi - 1, lo, a[0])
        if op == "concat":
            return z3.Concat(a[0], a[1])
        if op == "builtin":
            if t.data == "int2bv":  # indexed by the result width
                return z3.Int2BV(a[0], t.sort.width)
            if t.data == "bv2int":
                return z3.BV2Int(a[0])
            return _builtin(str(t.data), a)
        if op == "app":
            return self.func(t.data)(*a)  # type: ignore[arg-type]
        if op in ("forall", "exists", "lambda"):
            assert b is not None
            vs = [self.memo[id(v)] for v in b.vars]
            if op == "lambda":
                return z3.Lambda(vs, a[0])
            pats = [z3.MultiPattern(*[self.memo[id(e)] for e in p]) if len(p) > 1
                    else self.memo[id(p[0])] for p in b.patterns if p]
            q = z3.ForAll if op == "forall" else z3.Exists
            nopats = [self.memo[id(e)] for e in b.no_patterns]
            return q(vs, a[0], weight=b.weight, qid=b.qid, patterns=pats, no_patterns=nopats)
        raise ValueError(f"unknown term operator {op}")


_REF_CLASS = {"Bool": z3.BoolRef, "Int": z3.ArithRef, "Real": z3.ArithRef,
              "BV": z3.BitVecRef, "Array": z3.ArrayRef}
# n-ary and binary operators over arguments of the same (already checked) sorts
_FAST_NARY = {"and": z3.Z3_mk_and, "or": z3.Z3_mk_or, "+": z3.Z3_mk_add, "*": z3.Z3_mk_mul,
              "-": z3.Z3_mk_sub, "distinct": z3.Z3_mk_distinct}
_FAST_BINARY = {"=": z3.Z3_mk_eq, "=>": z3.Z3_mk_implies, "<": z3.Z3_mk_lt, "<=": z3.Z3_mk_le,
                ">": z3.Z3_mk_gt, ">=": z3.Z3_mk_ge, "div": z3.Z3_mk_div, "mod": z3.Z3_mk_mod}

_BV_BINARY = {
    "bvadd": lambda x, y: x + y, "bvsub": lambda x, y: x - y, "bvmul": lambda x, y: x * y,
    "bvudiv": z3.UDiv, "bvurem": z3.URem, "bvsdiv": lambda x, y: x / y,
    "bvsrem": z3.SRem, "bvsmod": lambda x, y: x % y, "bvand": lambda x, y: x & y,
    "bvor": lambda x, y: x | y, "bvxor": lambda x, y: x ^ y, "bvshl": lambda x, y: x << y,
    "bvlshr": z3.LShR, "bvashr": lambda x, y: x >> y, "bvult": z3.ULT, "bvule": z3.ULE,
    "bvugt": z3.UGT, "bvuge": z3.UGE, "bvslt": lambda x, y: x < y,
    "bvsle": lambda x, y: x <= y, "bvsgt": lambda x, y: x > y, "bvsge": lambda x, y: x >= y,
    "bvnand": lambda x, y: ~(x & y), "bvnor": lambda x, y: ~(x | y),
    "bvxnor": lambda x, y: ~(x ^ y), "bvcomp": lambda x, y: z3.If(x == y, z3.BitVecVal(
        1, 1, x.ctx), z3.BitVecVal(0, 1, x.ctx)),
}
_BV_UNARY = {"bvnot": lambda x: ~x, "bvneg": lambda x: -x}



def _builtin(name: str, a: list[Any]) -> Any:
    if name in _BV_BINARY and len(a) == 2:
        return _BV_BINARY[name](a[0], a[1])
    if name in _BV_UNARY and len(a) == 1:
        return _BV_UNARY[name](a[0])
    if name == "abs":
        return z3.If(a[0] >= 0, a[0], -a[0])
    simple = {"+": lambda x, y: x + y, "-": lambda x, y: x - y, "*": lambda x, y: x * y,
              "div": lambda x, y: x / y, "mod": lambda x, y: x % y, "<": lambda x, y: x < y,
              "<=": lambda x, y: x <= y, ">": lambda x, y: x > y, ">=": lambda x, y: x >= y}
    if name in simple and len(a) == 2:
        return simple[name](a[0], a[1])
    if name == "to_real":
        return z3.ToReal(a[0])
    if name == "to_int":
        return z3.ToInt(a[0])
    raise ValueError(f"unsupported builtin {name}")


def _smt_value(v: object) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


_PARAM_KINDS: dict[str, dict[str, int]] = {}


def _set_solver_params(s: z3.Solver, params: dict[str, object],
                       key: str = "") -> dict[str, object]:
    """Set the parameters this z3 version knows, coerced to their kinds; skip the rest.
    (z3 validates solver parameters only at check time, so they are checked here.) `key`
    names the kind of solver, whose parameter descriptions are then looked up once."""
    kinds = _PARAM_KINDS.get(key)
    if kinds is None:  # asking z3 costs about 2 ms per session: once per process
        descrs = s.param_descrs()
        kinds = {descrs.get_name(i): descrs.get_kind(descrs.get_name(i))
                 for i in range(descrs.size())}
        _PARAM_KINDS[key] = kinds
    applied: dict[str, object] = {}
    for k, v in params.items():
        short = k.removeprefix("smt.")
        kind = kinds.get(short)
        if kind is None:
            continue
        try:
            if kind == z3.Z3_PK_DOUBLE:
                v = float(v)  # type: ignore[arg-type]
            elif kind == z3.Z3_PK_UINT:
                v = int(v)  # type: ignore[call-overload]
            elif kind == z3.Z3_PK_BOOL:
                v = bool(v)
            s.set(k, v)
            applied[k] = v
        except (z3.Z3Exception, TypeError, ValueError):
            continue  # a value this z3 version rejects: keep its default
    return applied


class Z3Session:
    def __init__(self, conv: Z3Converter, options: SolverOptions) -> None:
        self.conv = conv
        s = z3.Solver(ctx=conv.ctx) if options.preprocess else z3.SimpleSolver(ctx=conv.ctx)
        params = {k: v for k, v in options.params.items() if k not in _GLOBAL_ONLY}
        params["smt.random_seed"] = options.seed
        if options.time_limit > 0:
            params["timeout"] = max(1, int(options.time_limit * 1000))
        if options.resource_limit > 0:
            params["rlimit"] = int(options.resource_limit)
        self.params = _set_solver_params(s, params, "full" if options.preprocess else "simple")
        self.options = options
        self.solver = s
        self.model: z3.ModelRef | None = None

    def add(self, t: Term) -> None:
        self.solver.add(self.conv.convert(t))

    def check(self) -> str:
        r = self.solver.check()
        self.model = None
        if r == z3.sat:
            return "sat"
        if r == z3.unsat:
            return "unsat"
        return "unknown"

    def reason_unknown(self) -> str:
        try:
            return str(self.solver.reason_unknown())
        except z3.Z3Exception:
            return ""

    def _model(self) -> z3.ModelRef | None:
        if self.model is None:
            try:
                self.model = self.solver.model()
            except z3.Z3Exception:
                return None
        return self.model

    def eval_bool(self, t: Term) -> bool | None:
        m = self._model()
        if m is None:
            return None
        v = m.eval(self.conv.convert(t), model_completion=True)
        if z3.is_true(v):
            return True
        if z3.is_false(v):
            return False
        return None

    def eval_text(self, t: Term) -> str | None:
        m = self._model()
        if m is None:
            return None
        v = m.eval(self.conv.convert(t), model_completion=True)
        if z3.is_true(v):
            return "true"
        if z3.is_false(v):
            return "false"
        if z3.is_int_value(v):
            return str(v)
        if z3.is_rational_value(v):
            return str(v.as_fraction()).replace("/", " / ") if v.denominator_as_long() != 1 \
                else f"{v.numerator_as_long()}.0"
        if z3.is_bv_value(v):
            return f"{v.as_long()}bv{v.size()}"
        text = " ".join(str(v).split())
        return text if len(text) <= 200 else text[:197] + "..."

    def smtlib(self) -> str:
        """The query as an SMT-LIB script, with the options it is checked under."""
        head = [f"(set-option :{k} {_smt_value(v)})" for k, v in self.options.params.items()
                if k in _GLOBAL_ONLY]
        head += [f"(set-option :{k} {_smt_value(v)})" for k, v in self.params.items()
                 if k not in ("timeout", "rlimit")]
        return "\n".join(head) + "\n" + str(self.solver.sexpr()) + "(check-sat)\n"


class Z3Solver:
    """Opens z3 sessions, each in a fresh z3 context: what was solved before in the process
    cannot influence a verdict or a counterexample (z3's heuristics depend on term ids)."""

    def open(self, options: SolverOptions) -> Z3Session:
        _configure_globals(options.params)
        return Z3Session(Z3Converter(z3.Context()), options)
