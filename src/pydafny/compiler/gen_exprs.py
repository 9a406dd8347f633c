"""Expression compilation: a resolved Dafny expression -> one Python expression (a string).

Every compound result is parenthesized, so results compose without precedence analysis.
Operators are chosen by the resolver's `resolved_op` family (`+:seq` is concatenation,
`<=:set` subset, ...). Expression forms with local bindings (let, match, such-that) become
immediately applied lambdas here; in tail positions of function bodies the statement
compiler (`gen_stmts`) turns them into plain statements instead. Ghost-only expressions
(`old`, `fresh`, `unchanged`, `allocated`) are rejected with a CompileError at their span.
"""

from __future__ import annotations

from typing import Any

from ..semantics import builtins as B
from ..semantics import types as T
from ..syntax import ast
from . import gen_bounds
from .emitter import CompileError
from .gen_base import GenBase
from .names import member_ident, py_ident


def _binding_exprs(args: list[ast.Binding]) -> list[ast.Expr]:
    return [b.expr for b in args]


def auto_init(tp: Any) -> bool:
    """A type parameter `T(0)`: its uninitialized values are the type's default."""
    return "0" in (getattr(tp, "characteristics", None) or [])


def tparam_default_name(tp: Any) -> str:
    return "_d_" + py_ident(tp.name)


class ExprMixin(GenBase):

    # ------------------------------------------------------------------ entry

    def expr(self, e: ast.Expr) -> str:
        m = getattr(self, "x_" + type(e).__name__, None)
        if m is None:
            raise CompileError(e.span, f"unsupported: cannot compile a {type(e).__name__}")
        return str(m(e))

    # ------------------------------------------------------------------ literals

    def x_BoolLit(self, e: ast.BoolLit) -> str:
        return "True" if e.value else "False"

    def x_IntLit(self, e: ast.IntLit) -> str:
        b = self.base(e.type)
        if isinstance(b, ast.RealType):
            return f"_Fraction({e.value})"
        return str(e.value)

    def x_RealLit(self, e: ast.RealLit) -> str:
        from fractions import Fraction
        f = Fraction(e.text.replace("_", ""))
        return f"_Fraction({f.numerator}, {f.denominator})"

    def x_CharLit(self, e: ast.CharLit) -> str:
        return repr(e.value)

    def x_StringLit(self, e: ast.StringLit) -> str:
        return f"_rt.Seq.of_str({e.value!r})"

    def x_NullLit(self, e: ast.NullLit) -> str:
        return "None"

    def x_ThisExpr(self, e: ast.ThisExpr) -> str:
        return self.this_name()

    # ------------------------------------------------------------------ names

    def x_NameExpr(self, e: ast.NameExpr) -> str:
        d = e.decl
        if d is None and e.name in self.name_fallback:
            return self.name_fallback[e.name]
        if isinstance(d, (ast.LocalVar, ast.Formal, ast.BoundVar)):
            if self.is_local_decl(d):
                return self.local_name(d)
            if isinstance(d, ast.Formal) and isinstance(getattr(d, "owner", None),
                                                       ast.IteratorDecl):
                return f"{self.this_name()}.{member_ident(d.name)}"
            if isinstance(d, ast.Formal):
                # a destructor used by name inside a datatype member: this.f
                return f"{self.this_name()}.{member_ident(d.name)}"
            return self.local_name(d)
        if isinstance(d, ast.Field):
            if self.is_static_member(d):
                return self.static_ref(d)
            return f"{self.this_name()}.{self.field_name(d)}"
        if isinstance(d, ast.Function):
            if self.is_static_member(d):
                return self.static_ref(d)
            return self.member_value(self.this_name(), d)
        if isinstance(d, ast.Method):
            raise CompileError(e.span, "unsupported: a method used as a value")
        if isinstance(d, ast.DatatypeCtor) and e.name.endswith("?"):
            # a bare discriminator on the implicit `this` of a datatype member
            return f"isinstance({self.this_name()}, {self.ctor_class(d)})"
        if isinstance(d, ast.DatatypeCtor):
            live = [f for f in d.formals if not f.is_ghost]
            if not live:
                return f"{self.ctor_class(d)}()"
            return self.ctor_class(d)
        raise CompileError(e.span, f"unsupported: cannot compile the name '{e.name}'")

    def member_value(self, obj: str, d: ast.Function) -> str:
        """A function member used as a first-class value."""
        if isinstance(d.owner, (ast.NewtypeDecl, ast.TypeSynonymDecl)):
            # the receiver's value is captured now, as Dafny does
            return f"(lambda *_a, _r={obj}: {self.decl_name(d)}(_r, *_a))"
        return f"{obj}.{member_ident(d.name)}"

    def is_type_or_module(self, e: ast.Expr) -> bool:
        return (isinstance(e, (ast.NameExpr, ast.MemberSelect)) and e.type is None
                and isinstance(e.decl, (ast.ModuleDecl, ast.ClassDecl, ast.DatatypeDecl,
                                        ast.NewtypeDecl, ast.TypeSynonymDecl,
                                        ast.SubsetTypeDecl, ast.ImportDecl)))

    def x_MemberSelect(self, e: ast.MemberSelect) -> str:
        d = e.decl
        if isinstance(d, B.BuiltinMember):
            obj = self.expr(e.obj)
            if d.owner_kind == "tuple":
                return f"{obj}[{d.index}]"
            if d is B.MAP_KEYS:
                return f"{obj}.Keys"
            if d is B.MAP_VALUES:
                return f"{obj}.Values"
            if d is B.MAP_ITEMS:
                return f"{obj}.Items"
            if d is B.REAL_FLOOR:
                return f"_rt.floor({obj})"
            if d is B.ORD_IS_NAT:
                return "True"
            if d is B.ORD_OFFSET:
                return obj
            if d is B.ORD_IS_LIMIT:
                return f"({obj} == 0)"
            if d is B.ORD_IS_SUCC:
                return f"({obj} > 0)"
            raise CompileError(e.span, f"unsupported: the member '{d.name}' in compiled code")
        if isinstance(d, ast.DatatypeCtor):
            if e.name.endswith("?"):
                return f"isinstance({self.expr(e.obj)}, {self.ctor_class(d)})"
            live = [f for f in d.formals if not f.is_ghost]
            return f"{self.ctor_class(d)}()" if not live else self.ctor_class(d)
        if isinstance(d, ast.Field):
            owner = d.owner
            if isinstance(owner, ast.ClassDecl) and B.array_dims(owner) is not None:
                obj = self.expr(e.obj)
                if d.name == "Length":
                    return f"len({obj}.arr)" if B.array_dims(owner) == 1 else f"{obj}.dims[0]"
                return f"{obj}.dims[{int(d.name[6:])}]"
            if self.is_static_member(d) or self.is_type_or_module(e.obj):
                return self.static_ref(d)
            return f"{self.expr(e.obj)}.{self.field_name(d)}"
        if isinstance(d, ast.Formal):    # datatype destructor
            return f"{self.expr(e.obj)}.{member_ident(d.name)}"
        if isinstance(d, ast.Function):
            if self.is_static_member(d) or self.is_type_or_module(e.obj):
                return self.static_ref(d)
            return self.member_value(self.expr(e.obj), d)
        raise CompileError(e.span, f"unsupported: cannot compile the member '{e.name}'")

    # ------------------------------------------------------------------ calls

    @staticmethod
    def formals_of(decl: Any) -> list[ast.Formal] | None:
        if isinstance(decl, ast.Function):
            return decl.formals
        if isinstance(decl, ast.Method):
            return decl.ins
        if isinstance(decl, ast.DatatypeCtor):
            return decl.formals
        return None

    @staticmethod
    def ordered_args(formals: list[ast.Formal],
                     args: list[ast.Binding]) -> list[ast.Expr | None]:
        """One entry per formal in declaration order (named arguments matched by
        `semantics.calls.formal_args`): the argument, or None when it was left out (the
        callee then evaluates the formal's default, which may mention other formals)."""
        from ..semantics.calls import formal_args
        given = formal_args(args, formals)
        return [None if (x is not None and x is f.default
                         and not any(b.expr is x for b in args)) else x
                for x, f in zip(given, formals)]

    def call_args(self, decl: Any, args: list[ast.Binding]) -> str:
        formals = self.formals_of(decl)
        if formals is None:
            return ", ".join(self.expr(b.expr) for b in args)
        return self.call_args_formals(formals, args)

    def call_args_formals(self, formals: list[ast.Formal], args: list[ast.Binding],
                          wrap: Any = None) -> str:
        """The compiled arguments of the live (non-ghost) formals, in declaration order;
        an omitted one is `_rt.MISSING` (trailing omitted ones are left out)."""
        for b in args:
            if b.name is not None and all(f.name != b.name for f in formals):
                raise CompileError(b.span, f"no parameter named '{b.name}'")
        slots = self.ordered_args(formals, args)
        live = [(f, x) for f, x in zip(formals, slots) if not f.is_ghost]
        while live and live[-1][1] is None:
            live.pop()
        out = []
        for _, x in live:
            if x is None:
                out.append("_rt.MISSING")
            else:
                out.append(self.expr(x) if wrap is None else wrap(x))
        return ", ".join(out)

    def lazy_args(self, ctor: ast.DatatypeCtor, args: list[ast.Binding]) -> str:
        """Arguments of a codatatype constructor: delayed (a `_rt.Lazy` evaluated on
        first use) unless they are literals or variables, so infinite values can exist."""
        def delayed(x: ast.Expr) -> str:
            code = self.expr(x)
            if isinstance(x, (ast.IntLit, ast.BoolLit, ast.CharLit, ast.RealLit,
                              ast.StringLit, ast.NullLit, ast.ThisExpr)) or (
                    isinstance(x, ast.NameExpr)
                    and isinstance(x.decl, (ast.LocalVar, ast.Formal, ast.BoundVar))):
                return code
            caps = self.lambda_captures(x, [])
            params = caps[2:] if caps else ""
            return f"_rt.Lazy(lambda {params}: {code})"
        return self.call_args_formals(ctor.formals, args, delayed)

    def callee_ref(self, callee: ast.Expr, decl: Any) -> tuple[str, str | None]:
        """(function expression, explicit receiver for newtype members or None)."""
        owner = getattr(decl, "owner", None)
        if isinstance(callee, ast.NameExpr):
            if self.is_static_member(decl):
                return self.static_ref(decl), None
            if isinstance(owner, (ast.NewtypeDecl, ast.TypeSynonymDecl)):
                return self.decl_name(decl), self.this_name()
            return f"{self.this_name()}.{member_ident(decl.name)}", None
        if isinstance(callee, ast.MemberSelect):
            if self.is_static_member(decl) or self.is_type_or_module(callee.obj):
                return self.static_ref(decl), None
            obj = self.expr(callee.obj)
            if isinstance(owner, (ast.NewtypeDecl, ast.TypeSynonymDecl)):
                return self.decl_name(decl), obj
            return f"{obj}.{member_ident(decl.name)}", None
        return self.expr(callee), None

    def x_ApplyExpr(self, e: ast.ApplyExpr) -> str:
        kind, d = e.kind, e.decl
        if isinstance(e.callee, ast.MemberSelect) and isinstance(e.callee.decl, B.BuiltinMember) \
                and e.callee.decl in (B.BV_ROTATE_LEFT, B.BV_ROTATE_RIGHT):
            fn = "bv_rotate_left" if e.callee.decl is B.BV_ROTATE_LEFT else "bv_rotate_right"
            w = self.bv_width(e.callee.obj.type) or 0
            return f"_rt.{fn}({self.expr(e.callee.obj)}, {self.expr(e.args[0].expr)}, {w})"
        if kind == "ctor":
            if isinstance(d.owner, ast.DatatypeDecl) and d.owner.is_co:
                return f"{self.ctor_class(d)}({self.lazy_args(d, e.args)})"
            return f"{self.ctor_class(d)}({self.call_args(d, e.args)})"
        if kind == "lambda" or d is None:
            args = ", ".join(self.expr(b.expr) for b in e.args)
            return f"{self.expr(e.callee)}({args})"
        if kind == "lemma":
            raise CompileError(e.span, "unsupported: a lemma call in compiled code")
        if isinstance(d, ast.Function) and (d.is_ghost or d.is_twostate):
            raise CompileError(e.span, f"unsupported: ghost function '{d.name}' "
                               "called from compiled code")
        fn, recv = self.callee_ref(e.callee, d)
        args = self.call_args(d, e.args) + self.type_default_args(d, e.inst)
        if recv is not None:
            args = recv + (", " + args if args else "")
        return f"{fn}({args.lstrip(', ')})"

    def type_default_args(self, decl: Any, inst: Any) -> str:
        """`, _d_T=<default>` for each auto-init type parameter `T(0)` of the callee,
        from the call's instantiation (see `PythonGen.tparam_defaults`)."""
        tps = [tp for tp in getattr(decl, "type_params", None) or [] if auto_init(tp)]
        if not tps or not isinstance(inst, list) \
                or len(inst) != len(getattr(decl, "type_params", [])):
            return ""
        out = ""
        for tp, t in zip(decl.type_params, inst):
            if auto_init(tp):
                out += f", {tparam_default_name(tp)}={self.default_value(t)}"
        return out

    # ------------------------------------------------------------------ collections

    def x_IndexExpr(self, e: ast.IndexExpr) -> str:
        fam = self.family(e.seq.type)
        s, i = self.expr(e.seq), self.expr(e.index)
        if fam == "ref":
            return f"{s}.arr[{i}]"
        if fam == "multiset":
            return f"{s}.count({i})"
        return f"{s}[{i}]"

    def x_MultiIndexExpr(self, e: ast.MultiIndexExpr) -> str:
        a = self.expr(e.array)
        ix = ", ".join(self.expr(i) for i in e.indices)
        return f"{a}.arr[{a}.index({ix})]"

    def x_SliceExpr(self, e: ast.SliceExpr) -> str:
        s = self.expr(e.seq)
        lo = self.expr(e.lo) if e.lo is not None else None
        hi = self.expr(e.hi) if e.hi is not None else None
        if self.family(e.seq.type) == "ref":
            return f"_rt.seq_of_array({s}, {lo}, {hi})"
        if lo is None and hi is None:
            return s
        if lo is None:
            return f"{s}.take({hi})"
        if hi is None:
            return f"{s}.drop({lo})"
        return f"{s}.slice({lo}, {hi})"

    def x_SeqUpdateExpr(self, e: ast.SeqUpdateExpr) -> str:
        return f"{self.expr(e.seq)}.update({self.expr(e.index)}, {self.expr(e.value)})"

    def x_DatatypeUpdateExpr(self, e: ast.DatatypeUpdateExpr) -> str:
        ups = ", ".join(f"{member_ident(n)}={self.expr(v)}" for n, v in e.updates)
        return f"{self.expr(e.obj)}._replace({ups})"

    def x_SeqDisplay(self, e: ast.SeqDisplay) -> str:
        if not e.elems:
            return "_rt.EMPTY_SEQ"
        return f"_rt.Seq.of({', '.join(self.expr(x) for x in e.elems)})"

    def x_SetDisplay(self, e: ast.SetDisplay) -> str:
        if not e.finite:
            raise CompileError(e.span, "unsupported: iset in compiled code")
        if not e.elems:
            return "_rt.EMPTY_SET"
        return f"_rt.Set.of({', '.join(self.expr(x) for x in e.elems)})"

    def x_MultisetDisplay(self, e: ast.MultisetDisplay) -> str:
        return f"_rt.MultiSet.of({', '.join(self.expr(x) for x in e.elems)})"

    def x_MapDisplay(self, e: ast.MapDisplay) -> str:
        if not e.finite:
            raise CompileError(e.span, "unsupported: imap in compiled code")
        if not e.items:
            return "_rt.EMPTY_MAP"
        pairs = ", ".join(f"({self.expr(k)}, {self.expr(v)})" for k, v in e.items)
        return f"_rt.Map.of({pairs})"

    def x_MultisetConversion(self, e: ast.MultisetConversion) -> str:
        if self.family(e.operand.type) == "set":
            return f"_rt.MultiSet.from_set({self.expr(e.operand)})"
        return f"_rt.MultiSet({self.expr(e.operand)})"

    def x_SeqConstructor(self, e: ast.SeqConstructor) -> str:
        return f"_rt.Seq.init({self.expr(e.length)}, {self.expr(e.init)})"

    def x_TupleExpr(self, e: ast.TupleExpr) -> str:
        ghost = list(getattr(e, "ghost", None) or [])
        ghost += [False] * (len(e.elems) - len(ghost))
        # a ghost component is erased to a placeholder (it may mention ghost variables)
        parts = ["None" if g else self.expr(x) for x, g in zip(e.elems, ghost)]
        if len(parts) == 1:
            return parts[0]
        return "(" + ", ".join(parts) + ")"

    # ------------------------------------------------------------------ operators

    def x_UnaryExpr(self, e: ast.UnaryExpr) -> str:
        x = self.expr(e.operand)
        if e.op == "|.|":
            return f"len({x})"
        w = self.bv_width(e.type)
        if e.op == "!":
            if w is not None:
                return f"({x} ^ {(1 << w) - 1})"
            return f"(not {x})"
        if e.op == "-":
            if w is not None:
                return f"((-{x}) & {(1 << w) - 1})"
            return f"(-{x})"
        raise CompileError(e.span, f"unsupported: unary operator {e.op}")

    def x_BinaryExpr(self, e: ast.BinaryExpr) -> str:
        op = e.op
        rop = e.resolved_op or ""
        fam = rop.split(":", 1)[1] if ":" in rop else "?"
        if fam in ("?", "typeparam"):
            # the resolver could not tell (e.g. literals typed late): ask the operands
            side = e.right if op in ("in", "!in") else e.left
            for t in (side.type, e.right.type, e.type):
                f = self.family(t)
                if f not in ("?", "typeparam", "bool") or (f == "bool" and t is not e.type):
                    fam = f
                    break
        if op == "&&":
            return f"({self.chain_left(e, ('&&',))} and {self.expr(e.right)})"
        if op == "||":
            return f"({self.chain_left(e, ('||',))} or {self.expr(e.right)})"
        if op == "==>":
            return f"(not {self.expr(e.left)} or {self.expr(e.right)})"
        if op == "<==":
            return f"({self.expr(e.left)} or not {self.expr(e.right)})"
        if op == "<==>":
            return f"({self.expr(e.left)} == {self.expr(e.right)})"
        if op == "+" and fam == "seq" and isinstance(e.right, ast.SeqDisplay) \
                and len(e.right.elems) == 1:
            return f"{self.expr(e.left)}.append({self.expr(e.right.elems[0])})"
        if op == "+" and fam == "set" and isinstance(e.right, ast.SetDisplay) \
                and len(e.right.elems) == 1:
            return f"{self.expr(e.left)}.add({self.expr(e.right.elems[0])})"
        if op in ("+", "-") and fam in ("int", "real", "seq", "set", "multiset"):
            a = self.chain_left(e, ("+", "-") if fam in ("int", "real") else (op,))
        elif op == "*" and fam in ("int", "real"):
            a = self.chain_left(e, ("*",))
        else:
            a = self.expr(e.left)
        b = self.expr(e.right)
        return self.binop(op, fam, a, b, e)

    def chain_left(self, e: ast.BinaryExpr, ops: tuple[str, ...]) -> str:
        """The left operand, without its outer parentheses when it is the same
        left-associative operator (`a + b + c`): long chains would otherwise nest
        parentheses deeper than Python's parser allows."""
        left = self.expr(e.left)
        if isinstance(e.left, ast.BinaryExpr) and e.left.op in ops and (
                e.left.resolved_op or "").split(":")[-1] == (e.resolved_op or "").split(":")[-1] \
                and not (left.endswith(")") and ".append(" in left[-40:]):
            from .emitter import strip_parens
            return strip_parens(left)
        return left

    def binop(self, op: str, fam: str, a: str, b: str, e: ast.Expr) -> str:
        if op in ("==", "!="):
            if fam in ("ref",) or b == "None" or a == "None":
                return f"({a} {'is' if op == '==' else 'is not'} {b})"
            return f"({a} {op} {b})"
        if op in ("in", "!in"):
            return f"({a} {'in' if op == 'in' else 'not in'} {b})"
        if op == "!!":
            return f"{a}.is_disjoint_from({b})"
        if fam == "char" and op in ("+", "-"):
            return f"_rt.char_of(ord({a}) {op} ord({b}))"
        if fam in ("int", "ordinal", "real", "char", "?", "typeparam"):
            if op in ("<", "<=", ">", ">=", "+", "-", "*"):
                return f"({a} {op} {b})"
            if op == "/":
                if fam == "real":
                    return f"({a} / {b})"
                if self._positive_literal(e, right=True):
                    return f"({a} // {b})"
                return f"_rt.div({a}, {b})"
            if op == "%":
                if self._positive_literal(e, right=True):
                    return f"({a} % {b})"
                return f"_rt.mod({a}, {b})"
        if fam == "bv":
            w = self.bv_width(e.type if op not in ("<", "<=", ">", ">=") else
                              getattr(e, "left", e).type) or 0
            mask = (1 << w) - 1
            if op in ("<", "<=", ">", ">=", "&", "|", "^"):
                return f"({a} {op} {b})"
            if op in ("+", "-", "*"):
                return f"(({a} {op} {b}) & {mask})"
            if op == "/":
                return f"_rt.bv_div({a}, {b})"
            if op == "%":
                return f"_rt.bv_mod({a}, {b})"
            if op == "<<":
                return f"_rt.shift_left({a}, {b}, {w})"
            if op == ">>":
                return f"_rt.shift_right({a}, {b}, {w})"
        if fam == "bool":
            if op == "&":
                return f"({a} and {b})"
            if op == "|":
                return f"({a} or {b})"
        if fam in ("seq", "set", "multiset"):
            if op in ("+", "-", "*", "<", "<="):
                return f"({a} {op} {b})"
            if op == ">":
                return f"({b} < {a})"
            if op == ">=":
                return f"({b} <= {a})"
        if fam == "map" and op in ("+", "-"):
            return f"({a} {op} {b})"
        raise CompileError(e.span, f"unsupported: operator {op} on {fam}")

    @staticmethod
    def _positive_literal(e: ast.Expr, right: bool) -> bool:
        r = getattr(e, "right", None)
        return isinstance(r, ast.IntLit) and r.value > 0

    def x_ChainExpr(self, e: ast.ChainExpr) -> str:
        fam = self.family(e.operands[0].type)
        if fam in ("int", "real", "char", "ordinal", "bv") and all(
                op in ("<", "<=", ">", ">=", "==", "!=") for op in e.ops):
            parts = [self.expr(e.operands[0])]
            for op, x in zip(e.ops, e.operands[1:]):
                parts.append(op)
                parts.append(self.expr(x))
            return "(" + " ".join(parts) + ")"
        pieces = gen_bounds.conjuncts(e)
        return "(" + " and ".join(self.expr(p) for p in pieces) + ")"

    def x_ITEExpr(self, e: ast.ITEExpr) -> str:
        return f"({self.expr(e.then)} if {self.expr(e.cond)} else {self.expr(e.else_)})"

    def x_ConversionExpr(self, e: ast.ConversionExpr) -> str:
        x = self.expr(e.operand)
        src = self.base(e.operand.type)
        dst = self.base(e.to)
        if isinstance(dst, ast.RealType):
            if isinstance(src, ast.RealType):
                return x
            if isinstance(src, ast.CharType):
                return f"_Fraction(ord({x}))"
            return f"_Fraction({x})"
        if isinstance(dst, (ast.IntType, ast.OrdinalType)):
            if isinstance(src, ast.RealType):
                return f"_rt.floor({x})"
            if isinstance(src, ast.CharType):
                return f"ord({x})"
            return x
        if isinstance(dst, ast.CharType):
            if isinstance(src, ast.CharType):
                return x
            if isinstance(src, ast.RealType):
                return f"_rt.char_of(_rt.floor({x}))"
            return f"_rt.char_of({x})"
        if isinstance(dst, ast.BitvectorType):
            mask = (1 << dst.width) - 1
            if isinstance(src, ast.CharType):
                return f"(ord({x}) & {mask})"
            if isinstance(src, ast.RealType):
                return f"(_rt.floor({x}) & {mask})"
            return f"({x} & {mask})"
        return x

    def x_TypeTestExpr(self, e: ast.TypeTestExpr) -> str:
        n = T.normalize(e.to)
        if isinstance(n, ast.UserType) and isinstance(n.decl, (ast.ClassDecl, ast.DatatypeDecl)):
            return f"isinstance({self.expr(e.operand)}, {self.decl_name(n.decl)})"
        raise CompileError(e.span, "unsupported: this type test in compiled code")

    # ------------------------------------------------------------------ binders

    def bound_iteration(self, vars_: list[ast.BoundVar], rng: ast.Expr | None,
                        where: ast.Node, search: bool = False) -> tuple[str, list[str]]:
        """`for x in A if P(x) for y in B if Q(x, y)` and the Python names of the variables
        (in the order of `vars_`). Each remaining conjunct of the range is tested right
        after the last variable it mentions is bound, so hopeless candidates are dropped
        early (and infinite `:|` searches stay productive). See `gen_bounds`."""
        bounds, rest = gen_bounds.discover(vars_, rng, where, search)
        order = [b.var for b in bounds]
        attach: dict[int, list[ast.Expr]] = {}
        for c in rest:
            pos = 0
            for k, v in enumerate(order):
                if gen_bounds.mentions(c, {id(v)}):
                    pos = k
            attach.setdefault(pos, []).append(c)
        fors = []
        for k, b in enumerate(bounds):
            if b.kind == "enum" and b.enum is not None:
                src = "(" + "".join(f"{self.ctor_class(c)}(), " for c in b.enum.ctors
                                    if not c.is_ghost) + ")"
            else:
                src = gen_bounds.iteration_source(b, self.expr)
            name = self.bind_local(b.var)
            fors.append(f"for {name} in {src}")
            conds: list[str] = []
            if b.kind in ("in", "domain") and b.source is not None and not b.path:
                test = self.implicit_type_test(name, b.var, b.source.type)
                if test is not None:
                    conds.append(test)
            conds.extend(self.expr(c) for c in attach.get(k, []))
            if conds:
                fors.append("if " + " and ".join(conds))
        self._pending_filter = []
        self._pending_tests = []
        return " ".join(fors), [self.local_name(v) for v in vars_]

    def implicit_type_test(self, name: str, var: ast.BoundVar,
                           coll: ast.Type | None) -> str | None:
        """Dafny keeps only the elements of the bound variable's type when it ranges over a
        collection of a wider type (`set o: C | o in objects`, `x: nat | x in ints`)."""
        if coll is None or var.type is None:
            return None
        b = T.normalize(coll)
        elem: ast.Type | None = None
        if isinstance(b, (ast.SeqType, ast.SetType, ast.MultisetType)):
            elem = b.elem
        elif isinstance(b, ast.MapType):
            elem = b.key
        if elem is None or T.types_equal(elem, var.type):
            return None
        vt = T.normalize(var.type)
        if isinstance(vt, ast.ObjectType):
            return None if vt.nullable else f"{name} is not None"
        if isinstance(vt, ast.UserType) and isinstance(vt.decl, ast.ClassDecl) \
                and B.array_dims(vt.decl) is None and vt.decl is not B.OBJECT:
            cls = self.decl_name(vt.decl)
            if T.is_nullable(vt):
                return f"({name} is None or isinstance({name}, {cls}))"
            return f"isinstance({name}, {cls})"
        info = T.subset_constraint(vt)
        if info is not None and info.var is not None:
            saved = self.locals.get(id(info.var))
            self.locals[id(info.var)] = name
            try:
                code = self.expr(info.constraint)
            finally:
                if saved is None:
                    self.locals.pop(id(info.var), None)
                else:
                    self.locals[id(info.var)] = saved
            return code
        return None

    def filter_clause(self) -> str:
        rest: list[ast.Expr] = getattr(self, "_pending_filter", [])
        tests: list[str] = getattr(self, "_pending_tests", [])
        self._pending_filter = []
        self._pending_tests = []
        conds = tests + [self.expr(c) for c in rest]
        if not conds:
            return ""
        return " if " + " and ".join(conds)

    def x_QuantifierExpr(self, e: ast.QuantifierExpr) -> str:
        rng, body = e.range, e.body
        if rng is None:
            if e.kind == "forall" and isinstance(body, ast.BinaryExpr) and body.op == "==>":
                rng, body = body.left, body.right
            elif e.kind == "exists":
                rng = body
                body = ast.BoolLit(True, type=ast.BoolType())
        fors, _ = self.bound_iteration(e.vars, rng, e)
        filt = self.filter_clause()
        fn = "all" if e.kind == "forall" else "any"
        return f"{fn}({self.expr(body)} {fors}{filt})"

    def x_SetComprehension(self, e: ast.SetComprehension) -> str:
        if not e.finite:
            raise CompileError(e.span, "unsupported: iset in compiled code")
        fors, names = self.bound_iteration(e.vars, e.range, e)
        filt = self.filter_clause()
        term = self.expr(e.term) if e.term is not None else names[0]
        return f"_rt.Set({term} {fors}{filt})"

    def x_MapComprehension(self, e: ast.MapComprehension) -> str:
        if not e.finite:
            raise CompileError(e.span, "unsupported: imap in compiled code")
        fors, names = self.bound_iteration(e.vars, e.range, e)
        filt = self.filter_clause()
        key = self.expr(e.key) if e.key is not None else names[0]
        return f"_rt.Map(({key}, {self.expr(e.value)}) {fors}{filt})"

    def lambda_captures(self, e: ast.Expr, own: list[Any]) -> str:
        """`, *, x=x, y=y` for the enclosing locals a lambda body reads: Dafny lambdas
        capture values, Python closures capture variables (which later change)."""
        own_ids = {id(v) for v in own}
        seen: dict[str, None] = {}
        stack: list[Any] = [e]
        while stack:
            n = stack.pop()
            if isinstance(n, ast.NameExpr) and id(n.decl) not in own_ids \
                    and isinstance(n.decl, (ast.LocalVar, ast.Formal, ast.BoundVar)) \
                    and self.is_local_decl(n.decl):
                name = self.local_name(n.decl)
                seen[self.this_name() if "." in name else name] = None
            elif isinstance(n, (ast.ThisExpr,)) or isinstance(n, ast.NameExpr) and isinstance(
                    n.decl, (ast.Field, ast.Function)) and not self.is_static_member(n.decl):
                seen[self.this_name()] = None
            stack.extend(ast.children(n))
        if not seen:
            return ""
        return ", *, " + ", ".join(f"{n}={n}" for n in seen)

    def x_LambdaExpr(self, e: ast.LambdaExpr) -> str:
        caps = self.lambda_captures(e.body, e.vars)
        names = [self.bind_local(v) for v in e.vars]
        params = ", ".join(names)
        if not names and caps:
            caps = caps[2:]
        return f"(lambda {params}{caps}: {self.expr(e.body)})"

    # ------------------------------------------------------------------ let / match

    def x_LetExpr(self, e: ast.LetExpr) -> str:
        if e.such_that:
            vars_ = [self.pattern_var(p) for p in e.pats]
            fors, names = self.bound_iteration(vars_, e.rhss[0], e, search=True)
            filt = self.filter_clause()
            tup = names[0] if len(names) == 1 else "(" + ", ".join(names) + ")"
            picked = f"_rt.first(({tup} {fors}{filt}))"
            return f"(lambda {', '.join(names)}: {self.expr(e.body)})" + (
                f"({picked})" if len(names) == 1 else f"(*{picked})")
        # bind the variables first (the body refers to them), then compile each
        # right-hand side (evaluated outside the lambda that binds its variables)
        plans: list[tuple[ast.Pattern, str, Any]] = []
        for p, rhs in zip(e.pats, e.rhss):
            if isinstance(p, ast.VarPattern) and p.is_ghost:
                continue
            val = self.expr(rhs)
            if isinstance(p, ast.VarPattern) and p.ctor is None:
                plans.append((p, val, self.bind_local(p.decl if p.decl is not None else p)))
            else:
                plans.append((p, val, self.pattern_test(p, "_m")[1]))
        out = self.expr(e.body)
        for p, val, info in reversed(plans):
            if isinstance(info, str):
                out = f"(lambda {info}: {out})({val})"
            else:
                names = [n for n, _ in info]
                vals = [v for _, v in info]
                inner = f"(lambda {', '.join(names)}: {out})({', '.join(vals)})" if names else out
                out = f"(lambda _m: {inner})({val})"
        return out

    def pattern_var(self, p: ast.Pattern) -> ast.BoundVar:
        if isinstance(p, ast.VarPattern) and isinstance(p.decl, ast.BoundVar):
            return p.decl
        raise CompileError(p.span, "unsupported: a pattern in a such-that let")

    def x_StmtExpr(self, e: ast.StmtExpr) -> str:
        return self.expr(e.body)

    def pattern_test(self, p: ast.Pattern, subj: str) -> tuple[list[str], list[tuple[str, str]]]:
        """Conditions for `subj` to match p, and (python name, value) bindings."""
        if isinstance(p, ast.VarPattern):
            if p.ctor is not None:
                return [f"isinstance({subj}, {self.ctor_class(p.ctor)})"], []
            if p.name == "_" or p.is_ghost:      # only `_` is a wildcard (`_x` binds)
                return [], []
            d = p.decl if p.decl is not None else p
            return [], [(self.bind_local(d), subj)]
        if isinstance(p, ast.LitPattern):
            return [f"({subj} == {self.expr(p.value)})"], []
        if isinstance(p, ast.CtorPattern):
            conds: list[str] = []
            binds: list[tuple[str, str]] = []
            if p.ctor is None:   # tuple
                if len(p.args) == 1:
                    return self.pattern_test(p.args[0], subj)
                for i, a in enumerate(p.args):
                    c, b = self.pattern_test(a, f"{subj}[{i}]")
                    conds += c
                    binds += b
                return conds, binds
            conds.append(f"isinstance({subj}, {self.ctor_class(p.ctor)})")
            formals = p.ctor.formals
            for i, a in enumerate(p.args):
                if i < len(formals) and formals[i].is_ghost:
                    continue
                fname = (member_ident(formals[i].name) if formals[i].name else f"f{i}") \
                    if i < len(formals) else f"f{i}"
                c, b = self.pattern_test(a, f"{subj}.{fname}")
                conds += c
                binds += b
            return conds, binds
        if isinstance(p, ast.DisjunctivePattern):
            alts = []
            for a in p.alternatives:
                c, _ = self.pattern_test(a, subj)
                alts.append("(" + (" and ".join(c) if c else "True") + ")")
            return ["(" + " or ".join(alts) + ")"], []
        raise CompileError(p.span, "unsupported: this pattern")

    def x_MatchExpr(self, e: ast.MatchExpr) -> str:
        out = "_rt.match_failure()"
        for case in reversed(e.cases):
            conds, binds = self.pattern_test(case.pattern, "_s")
            body = self.expr(case.body)
            if binds:
                body = (f"(lambda {', '.join(n for n, _ in binds)}: {body})"
                        f"({', '.join(v for _, v in binds)})")
            if conds:
                out = f"({body} if {' and '.join(conds)} else {out})"
            else:
                out = body
        return f"(lambda _s: {out})({self.expr(e.source)})"

    # ------------------------------------------------------------------ ghost-only

    def _ghost_only(self, e: ast.Expr) -> str:
        raise CompileError(e.span, f"unsupported: {type(e).__name__} is ghost and cannot "
                           "be compiled")

    x_OldExpr = _ghost_only
    x_FreshExpr = _ghost_only
    x_UnchangedExpr = _ghost_only
    x_AllocatedExpr = _ghost_only
