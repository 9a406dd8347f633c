"""Expression resolution and type inference.

`ExprResolver.expr(e, expected)` resolves the names in `e`, infers and records `e.type`
(possibly containing inference variables until the member is finished), and returns it.
`expected` is a hint used for bidirectional inference (literals, displays, lambdas, null,
constructors); it is not a check: callers check assignability and report mismatches.
This module has the entry point, literals, collections, operators and binders; names,
members and calls are in `members`, patterns in `patterns`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..syntax import ast
from ..syntax.source import Span
from . import builtins as B
from .patterns import PatternResolver
from .types import (
    TypeVar,
    family,
    normalize,
    prune,
    strip_subset,
    subst_map,
    type_to_str,
    types_equal,
)

Type = ast.Type
BOOL = ast.BoolType()
INT = ast.IntType()

LOGIC_OPS = ("<==>", "==>", "<==", "&&", "||")
CMP_OPS = ("<", "<=", ">", ">=")


class ExprResolver(PatternResolver):
    def __init__(self, reporter: Any) -> None:
        super().__init__(reporter)
        self._dispatch: dict[type, Callable[[Any, Type | None], Type]] = {}

    # ------------------------------------------------------------------ entry
    def expr(self, e: ast.Expr, expected: Type | None = None) -> Type:
        fn = self._dispatch.get(type(e))
        if fn is None:
            fn = getattr(self, "e_" + type(e).__name__, None)
            if fn is None:
                self.error(e.span, f"unsupported: expression {type(e).__name__}")
                e.type = self.fresh()
                return e.type
            self._dispatch[type(e)] = fn
        allow = self.allow_method_call
        self.allow_method_call = False
        self.cur_allow = allow
        t = fn(e, expected)
        self.allow_method_call = allow
        e.type = t
        self.pending_exprs.append(e)
        return t

    def expect_bool(self, e: ast.Expr, what: str = "condition") -> None:
        t = self.expr(e, BOOL)
        if not self.unify(BOOL, t):
            self.error(e.span, f"{what} is expected to be of type bool, but is {type_to_str(t)}")

    def expect_int(self, e: ast.Expr, what: str) -> None:
        t = self.expr(e, INT)
        self.unify_numeric_int(t, e.span, what)

    def unify_numeric_int(self, t: Type, span: Span, what: str) -> None:
        f = family(t)
        if f in ("int", "bv", "?", "ordinal"):
            if f == "?":
                self.unify(INT, t)
            return
        self.error(span, f"{what} must be an integer or bitvector (got {type_to_str(t)})")

    def is_frame_type(self, t: Type) -> bool:
        """An object, a set/iset/multiset/seq of objects, or a function returning one."""
        n = strip_subset(t)
        if isinstance(n, ast.ArrowType):
            n = strip_subset(n.result)
        if isinstance(n, (ast.SetType, ast.MultisetType, ast.SeqType)):
            n = strip_subset(n.elem)
        f = family(n)
        return f in ("ref", "?", "typeparam", "opaque") or isinstance(n, ast.InferredType) \
            or (isinstance(n, ast.UserType) and isinstance(n.decl, ast.IteratorDecl))

    def spec(self, s: ast.SpecExpr) -> None:
        self.expect_bool(s.expr, "specification")

    def decreases(self, d: ast.Decreases) -> None:
        for e in d.exprs:
            self.expr(e)

    def frame(self, fr: ast.FrameExpr, clause: str = "") -> None:
        """A reads/modifies/unchanged frame item; `clause` ('reads', 'modifies') names
        the clause for the error about non-object frames ('' checks nothing)."""
        t: Type | None = None
        if fr.expr is not None:
            t = self.expr(fr.expr)
            if clause and fr.field_name is None and not isinstance(fr.expr, ast.WildcardExpr) \
                    and not self.is_frame_type(t):
                self.error(fr.expr.span, f"a {clause}-clause expression must denote an object "
                                         f"or a collection of objects (instead got "
                                         f"{type_to_str(t)})")
        else:
            t = self.this_type()
        if fr.field_name is not None:
            obj_t = t
            if obj_t is not None:
                st = strip_subset(obj_t)
                if isinstance(st, (ast.SetType, ast.SeqType, ast.MultisetType)):
                    obj_t = st.elem
            decl = self.lookup_member_of_type(obj_t, fr.field_name) if obj_t else None
            if not isinstance(decl, ast.Field):
                self.error(fr.span, f"member '{fr.field_name}' does not exist in "
                                    f"{self.type_desc(obj_t)}")
            else:
                fr.field_decl = decl

    # ------------------------------------------------------------------ literals
    def e_BoolLit(self, e: ast.BoolLit, exp: Type | None) -> Type:
        return ast.BoolType()

    def e_IntLit(self, e: ast.IntLit, exp: Type | None) -> Type:
        if exp is not None:
            f = family(exp)
            if f in ("int", "bv", "ordinal"):
                return exp
        return self.fresh(ast.IntType())

    def e_RealLit(self, e: ast.RealLit, exp: Type | None) -> Type:
        if exp is not None and family(exp) == "real":
            return exp
        return self.fresh(ast.RealType())

    def e_CharLit(self, e: ast.CharLit, exp: Type | None) -> Type:
        return ast.CharType()

    def e_StringLit(self, e: ast.StringLit, exp: Type | None) -> Type:
        return ast.SeqType(ast.CharType())

    def e_NullLit(self, e: ast.NullLit, exp: Type | None) -> Type:
        if exp is not None:
            return exp
        return self.fresh(ast.ObjectType(nullable=True))

    # ------------------------------------------------------------------ collections
    def elem_of(self, t: Type) -> Type | None:
        n = strip_subset(t)
        if isinstance(n, (ast.SeqType, ast.SetType, ast.MultisetType)):
            return n.elem
        return None

    def flows_nullable(self, x: ast.Expr, t: Type) -> bool:
        """Does expression x (of resolved type t) carry a possibly-null value: the literal
        `null`, or a value of a nullable type `C?` / `object?` / `array?`?"""
        from .types import is_nullable
        return isinstance(x, ast.NullLit) or is_nullable(t)

    def widen_to_nullable(self, v: Type) -> None:
        """Dafny infers a display's element (key, value) type as the join of its elements'
        types, and the join of `C` and `C?` (or `null`) is `C?`. Here: when v is an
        inference variable bound to a non-null class, trait, array or `object` type, rebind
        it to the nullable form. A declared (non-inferred) type is left alone, so that
        `null` flowing into a declared `C` is still rejected by the verifier."""
        if not isinstance(v, ast.InferredType):
            return
        last = v
        for _ in range(100):
            nxt = last.resolved
            if not isinstance(nxt, ast.InferredType):
                break
            last = nxt
        conc = last.resolved
        if isinstance(conc, ast.ObjectType):
            if not conc.nullable:
                last.resolved = ast.ObjectType(nullable=True, span=conc.span)
            return
        if not isinstance(conc, ast.UserType) or conc.path[-1].endswith("?"):
            return
        d = conc.decl
        if isinstance(d, ast.ClassDecl):    # classes, traits and arrays
            last.resolved = ast.UserType(conc.path[:-1] + [conc.path[-1] + "?"],
                                         list(conc.args), decl=d, span=conc.span)

    def e_SeqDisplay(self, e: ast.SeqDisplay, exp: Type | None) -> Type:
        el = (self.elem_of(exp) if exp is not None and isinstance(strip_subset(exp), ast.SeqType)
              else None) or self.fresh()
        nullable = False
        for x in e.elems:
            t = self.expr(x, el)
            nullable = self.flows_nullable(x, t) or nullable
            self.check_assignable(el, t, x.span, "All elements of display must have some "
                                                 "common supertype (got {src}, but needed "
                                                 "type or type of previous elements is {dst})")
        if nullable:
            self.widen_to_nullable(el)
        return ast.SeqType(el)

    def e_SetDisplay(self, e: ast.SetDisplay, exp: Type | None) -> Type:
        el = (self.elem_of(exp) if exp is not None and isinstance(strip_subset(exp), ast.SetType)
              else None) or self.fresh()
        nullable = False
        for x in e.elems:
            t = self.expr(x, el)
            nullable = self.flows_nullable(x, t) or nullable
            self.check_assignable(el, t, x.span, "All elements of display must have some "
                                                 "common supertype (got {src}, but needed "
                                                 "type or type of previous elements is {dst})")
        if nullable:
            self.widen_to_nullable(el)
        return ast.SetType(el, e.finite)

    def e_MultisetDisplay(self, e: ast.MultisetDisplay, exp: Type | None) -> Type:
        el = (self.elem_of(exp) if exp is not None and isinstance(strip_subset(exp),
                                                                  ast.MultisetType)
              else None) or self.fresh()
        nullable = False
        for x in e.elems:
            t = self.expr(x, el)
            nullable = self.flows_nullable(x, t) or nullable
            self.check_assignable(el, t, x.span, "All elements of display must have some "
                                                 "common supertype (got {src}, but needed "
                                                 "type or type of previous elements is {dst})")
        if nullable:
            self.widen_to_nullable(el)
        return ast.MultisetType(el)

    def e_MapDisplay(self, e: ast.MapDisplay, exp: Type | None) -> Type:
        ex = strip_subset(exp) if exp is not None else None
        k = ex.key if isinstance(ex, ast.MapType) else self.fresh()
        v = ex.value if isinstance(ex, ast.MapType) else self.fresh()
        null_k = null_v = False
        for a, b in e.items:
            ta = self.expr(a, k)
            null_k = self.flows_nullable(a, ta) or null_k
            self.check_assignable(k, ta, a.span,
                                  "map key type mismatch (expected {dst}, got {src})")
            tb = self.expr(b, v)
            null_v = self.flows_nullable(b, tb) or null_v
            self.check_assignable(v, tb, b.span,
                                  "map value type mismatch (expected {dst}, got {src})")
        if null_k:
            self.widen_to_nullable(k)
        if null_v:
            self.widen_to_nullable(v)
        return ast.MapType(k, v, e.finite)

    def e_MultisetConversion(self, e: ast.MultisetConversion, exp: Type | None) -> Type:
        t = self.expr(e.operand)
        n = strip_subset(t)
        if isinstance(n, (ast.SeqType, ast.SetType)):
            return ast.MultisetType(n.elem)
        if isinstance(n, ast.InferredType):
            el = self.fresh()
            self.unify(n, ast.SeqType(el))
            return ast.MultisetType(el)
        self.error(e.span, f"can only form a multiset from a seq or set (got {type_to_str(t)})")
        return ast.MultisetType(self.fresh())

    def e_SeqConstructor(self, e: ast.SeqConstructor, exp: Type | None) -> Type:
        self.expect_int(e.length, "sequence-construction length")
        el = self.resolve_type(e.elem_type) if e.elem_type is not None else None
        if el is None:
            el = self.elem_of(exp) if exp is not None and isinstance(
                strip_subset(exp), ast.SeqType) else None
        el = el or self.fresh()
        ft = self.expr(e.init, ast.ArrowType([INT], el, "->"))
        n = strip_subset(ft)
        if isinstance(n, ast.ArrowType):
            if len(n.args) == 1:
                self.unify(n.args[0], INT)
            self.unify(el, n.result)
        return ast.SeqType(el)

    def e_TupleExpr(self, e: ast.TupleExpr, exp: Type | None) -> Type:
        ex = strip_subset(exp) if exp is not None else None
        hints = ex.elems if isinstance(ex, ast.TupleType) and len(ex.elems) == len(
            e.elems) else [None] * len(e.elems)
        return ast.TupleType([self.expr(x, h) for x, h in zip(e.elems, hints)], list(e.ghost))

    def collection_index(self, st: Type, e: ast.Expr, index: ast.Expr) -> Type:
        n = strip_subset(st)
        if isinstance(n, ast.UserType) and isinstance(n.decl, ast.NewtypeDecl):
            n = strip_subset(n.decl.base)
        if isinstance(n, ast.SeqType):
            self.expect_int(index, "index expression")
            return n.elem
        if isinstance(n, ast.MapType):
            t = self.expr(index, n.key)
            self.check_assignable(n.key, t, index.span,
                                  "map index type mismatch (expected {dst}, got {src})")
            return n.value
        if isinstance(n, ast.MultisetType):
            t = self.expr(index, n.elem)
            self.check_assignable(n.elem, t, index.span,
                                  "multiset element type mismatch (expected {dst}, got {src})")
            return ast.IntType()
        if isinstance(n, ast.UserType) and B.array_dims(n.decl) == 1:
            self.expect_int(index, "index expression")
            return n.args[0] if n.args else self.fresh()
        if isinstance(n, ast.InferredType):
            self.expr(index)
            el = self.fresh()
            self.unify(n, ast.SeqType(el))
            return el
        self.expr(index)
        self.error(e.span, f"sequence, array, multiset, or map expected (instead got "
                           f"{type_to_str(st)})")
        return self.fresh()

    def e_IndexExpr(self, e: ast.IndexExpr, exp: Type | None) -> Type:
        st = self.expr(e.seq)
        return self.collection_index(st, e, e.index)

    def e_MultiIndexExpr(self, e: ast.MultiIndexExpr, exp: Type | None) -> Type:
        at = self.expr(e.array)
        n = strip_subset(at)
        for i in e.indices:
            self.expect_int(i, "array index")
        if isinstance(n, ast.UserType) and B.array_dims(n.decl) == len(e.indices):
            return n.args[0] if n.args else self.fresh()
        self.error(e.span, f"array selection requires an array{len(e.indices)} (got "
                           f"{type_to_str(at)})")
        return self.fresh()

    def e_SliceExpr(self, e: ast.SliceExpr, exp: Type | None) -> Type:
        st = self.expr(e.seq)
        for b in (e.lo, e.hi):
            if b is not None:
                self.expect_int(b, "slice bound")
        n = strip_subset(st)
        if isinstance(n, ast.SeqType):
            return st if isinstance(strip_subset(st), ast.SeqType) and not isinstance(
                normalize(st), ast.UserType) else n
        if isinstance(n, ast.UserType) and B.array_dims(n.decl) == 1:
            return ast.SeqType(n.args[0] if n.args else self.fresh())
        if isinstance(n, ast.InferredType):
            el = self.fresh()
            self.unify(n, ast.SeqType(el))
            return ast.SeqType(el)
        self.error(e.span, f"selection requires a sequence or array (got {type_to_str(st)})")
        return self.fresh()

    def e_SeqSplitExpr(self, e: ast.SeqSplitExpr, exp: Type | None) -> Type:
        st = self.expr(e.seq)
        for b in e.lengths:
            self.expect_int(b, "slice length")
        n = strip_subset(st)
        if isinstance(n, ast.UserType) and B.array_dims(n.decl) == 1:
            n = ast.SeqType(n.args[0] if n.args else self.fresh())
        return ast.SeqType(n)

    def e_SeqUpdateExpr(self, e: ast.SeqUpdateExpr, exp: Type | None) -> Type:
        st = self.expr(e.seq, exp)
        n = strip_subset(st)
        if isinstance(n, ast.SeqType):
            self.expect_int(e.index, "sequence update index")
            vt = self.expr(e.value, n.elem)
            self.check_assignable(n.elem, vt, e.value.span,
                                  "sequence update value type mismatch (expected {dst}, "
                                  "got {src})")
            return st
        if isinstance(n, ast.MapType):
            kt = self.expr(e.index, n.key)
            self.check_assignable(n.key, kt, e.index.span,
                                  "map update key type mismatch (expected {dst}, got {src})")
            vt = self.expr(e.value, n.value)
            self.check_assignable(n.value, vt, e.value.span,
                                  "map update value type mismatch (expected {dst}, got {src})")
            return st
        if isinstance(n, ast.MultisetType):
            self.expr(e.index, n.elem)
            self.expect_int(e.value, "multiset update count")
            return st
        self.expr(e.index)
        self.expr(e.value)
        if not isinstance(n, ast.InferredType):
            self.error(e.span, f"update requires a sequence, map, or multiset (got "
                               f"{type_to_str(st)})")
        return st

    def e_DatatypeUpdateExpr(self, e: ast.DatatypeUpdateExpr, exp: Type | None) -> Type:
        t = self.expr(e.obj, exp)
        n = strip_subset(t)
        if not (isinstance(n, ast.UserType) and isinstance(n.decl, ast.DatatypeDecl)):
            for _, v in e.updates:
                self.expr(v)
            if not isinstance(n, ast.InferredType):
                self.error(e.span, f"datatype update expression requires a root expression "
                                   f"of a datatype (got {type_to_str(t)})")
            return t
        tab = self.tables.get(id(n.decl))
        sub = subst_map(n.decl.type_params, n.args)
        for name, v in e.updates:
            f = tab.destructors.get(name) if tab else None
            if f is None:
                self.error(v.span, f"member '{name}' does not exist in datatype "
                                   f"'{n.decl.name}'")
                self.expr(v)
                continue
            ft = self.subst(f.type, sub)
            self.check_assignable(ft, self.expr(v, ft), v.span,
                                  "type mismatch in datatype update of '" + name
                                  + "' (expected {dst}, got {src})")
        return t

    # ------------------------------------------------------------------ operators
    def e_UnaryExpr(self, e: ast.UnaryExpr, exp: Type | None) -> Type:
        if e.op == "|.|":
            t = self.expr(e.operand)
            f = family(t)
            if f not in ("seq", "set", "multiset", "map", "?"):
                self.error(e.span, f"size operator expects a collection argument (instead got "
                                   f"{type_to_str(t)})")
            return ast.IntType()
        if e.op == "!":
            t = self.expr(e.operand, exp if exp is not None else BOOL)
            f = family(t)
            if f == "?":
                self.unify(BOOL, t)
            elif f not in ("bool", "bv"):
                self.error(e.span, f"logical/bitwise negation expects a boolean or bitvector "
                                   f"argument (instead got {type_to_str(t)})")
            return t
        t = self.expr(e.operand, exp)
        f = family(t)
        if f not in ("int", "real", "bv", "ordinal", "?"):
            self.error(e.span, f"type of unary - must be of a numeric or bitvector type "
                               f"(instead got {type_to_str(t)})")
        if isinstance(e.operand, (ast.IntLit, ast.RealLit)):
            return t    # a negative literal takes the type its context asks for
        return self.arith_result(t)

    def e_BinaryExpr(self, e: ast.BinaryExpr, exp: Type | None) -> Type:
        op = e.op
        if op in LOGIC_OPS:
            self.expect_bool(e.left, f"first argument to {op}")
            self.expect_bool(e.right, f"second argument to {op}")
            e.resolved_op = op + ":bool"
            return ast.BoolType()
        if op in ("in", "!in"):
            rt = self.expr(e.right)
            n = strip_subset(rt)
            if isinstance(n, ast.UserType) and isinstance(n.decl, ast.NewtypeDecl):
                n = strip_subset(n.decl.base)
            if isinstance(n, (ast.SeqType, ast.SetType, ast.MultisetType)):
                want: Type | None = n.elem
            elif isinstance(n, ast.MapType):
                want = n.key
            elif isinstance(n, ast.InferredType):
                want = None
            else:
                self.error(e.span, f"second argument to \"{op}\" must be a set, multiset, or "
                                   f"sequence with elements of type T, or a map with domain T "
                                   f"(instead got {type_to_str(rt)})")
                want = None
            lt = self.expr(e.left, want)
            # a bound variable ranging over a collection gets its element type (`forall x
            # :: x in s ==> ...` with s: set<nat> makes x a nat); other operands are weak
            # ... but a declared `n: nat` does not narrow the collection's element type
            # (`var s := [-4, 7]; set n: nat | n in s` leaves s a seq<int>)
            bound = isinstance(e.left, ast.NameExpr) and isinstance(e.left.decl, ast.BoundVar)
            unify = self.unify if bound and not self.declared_bound(e.left.decl) \
                else self.unify_weak
            if want is not None and not unify(want, lt):
                self.error(e.span, f"first argument to {op} must be of type "
                                   f"{type_to_str(want)} (instead got {type_to_str(lt)})")
            if isinstance(n, ast.InferredType):
                self.unify(n, ast.SetType(lt))
            e.resolved_op = op + ":" + family(rt)
            return ast.BoolType()
        lt = self.expr(e.left)
        if op in ("<<", ">>"):
            rt = self.expr(e.right)
            e.resolved_op = op + ":" + family(lt)
            return lt
        rt = self.expr(e.right, lt)
        fam = family(lt)
        if fam == "?":
            fam = family(rt)
        if op == "-" and fam in ("map", "imap"):
            n = strip_subset(lt)
            rn = strip_subset(rt)
            if isinstance(n, ast.MapType) and isinstance(rn, ast.SetType):
                self.unify(n.key, rn.elem)
                e.resolved_op = "-:" + fam
                return lt
        if op in ("==", "!="):
            if not self.unify_weak(lt, rt):
                self.error(e.span, f"arguments must have comparable types (got "
                                   f"{type_to_str(lt)} and {type_to_str(rt)})")
            e.resolved_op = op + ":" + fam
            return ast.BoolType()
        if op in CMP_OPS or op == "!!":
            if not self.unify_weak(lt, rt):
                self.error(e.span, f"arguments to {op} must have a common supertype (got "
                                   f"{type_to_str(lt)} and {type_to_str(rt)})")
            elif op == "!!":
                if fam not in ("set", "iset", "multiset", "?"):
                    self.error(e.span, f"arguments must be of a set or multiset type (got "
                                       f"{type_to_str(lt)})")
            elif fam not in ("int", "real", "bv", "char", "ordinal", "seq", "set", "iset",
                             "multiset", "map", "imap", "?", "typeparam", "opaque",
                             "datatype"):
                self.error(e.span, f"arguments to {op} must be of a numeric type, bitvector "
                                   f"type, ORDINAL, char, a sequence type, or a set-like or "
                                   f"map-like type (instead got {type_to_str(lt)})")
            e.resolved_op = op + ":" + fam
            return ast.BoolType()
        # arithmetic and collection operators
        if not self.unify_weak(lt, rt):
            self.error(e.span, f"type of left argument to {op} ({type_to_str(lt)}) must "
                               f"agree with the type of the right argument "
                               f"({type_to_str(rt)})")
            e.resolved_op = op + ":" + fam
            return lt
        allowed = {
            "+": ("int", "real", "bv", "ordinal", "char", "seq", "set", "iset", "multiset",
                  "map", "imap"),
            "-": ("int", "real", "bv", "ordinal", "char", "set", "iset", "multiset", "map",
                  "imap"),
            "*": ("int", "real", "bv", "set", "iset", "multiset"),
            "/": ("int", "real", "bv"),
            "%": ("int", "bv"),
            "&": ("bv",), "|": ("bv",), "^": ("bv",),
        }.get(op, ())
        if fam not in allowed and fam not in ("?", "typeparam", "opaque"):
            self.error(e.span, f"type of {op} must be of a numeric type, a bitvector type, "
                               f"or a collection type (instead got {type_to_str(lt)})"
                       if op in "+-*" else
                       f"arguments to {op} must be of a numeric or bitvector type (instead "
                       f"got {type_to_str(lt)})")
        e.resolved_op = op + ":" + fam
        shared = self.local_operand_type(e.left, rt, op) or \
            self.local_operand_type(e.right, lt, op)
        if shared is not None:
            return shared
        res = rt if isinstance(prune(lt), TypeVar) and not isinstance(prune(rt), TypeVar) \
            else _join_or_same(lt, rt)
        return self.arith_result(res)

    def local_operand_type(self, operand: ast.Expr, other: Type, op: str = "") -> Type | None:
        """Like Dafny, arithmetic on an inferred local (`x - 1` after `var x := n`) has the
        local's own type, unless the other operand has a different concrete type."""
        if not isinstance(operand, ast.NameExpr) or not isinstance(operand.decl, ast.LocalVar):
            return None
        tv = operand.decl.type
        if not isinstance(tv, TypeVar) or id(tv) not in self.inferred_locals:
            return None
        if op == "-" and self.softly_narrowed(tv):
            return None     # `i - 1` on a local that is a nat only by use: an int
        o = prune(other)
        if isinstance(o, ast.InferredType) or types_equal(o, tv):
            return tv
        return None

    def arith_result(self, t: Type) -> Type:
        """Arithmetic on a subset type (e.g. nat) yields its base type (int)."""
        n = normalize(t)
        if isinstance(n, ast.UserType) and isinstance(n.decl, ast.SubsetTypeDecl):
            return strip_subset(n)
        return t

    def e_ChainExpr(self, e: ast.ChainExpr, exp: Type | None) -> Type:
        types = [self.expr(e.operands[0])]
        for i, op in enumerate(e.ops):
            nxt = self.expr(e.operands[i + 1], types[-1])
            if not self.unify_weak(types[-1], nxt):
                if op in ("==", "!="):
                    self.error(e.span, f"arguments must have comparable types (got "
                                       f"{type_to_str(types[-1])} and {type_to_str(nxt)})")
                else:
                    self.error(e.span, f"arguments to {op} must have a common supertype (got "
                                       f"{type_to_str(types[-1])} and {type_to_str(nxt)})")
            types.append(nxt)
        return ast.BoolType()

    def e_ITEExpr(self, e: ast.ITEExpr, exp: Type | None) -> Type:
        self.expect_bool(e.cond, "guard condition in if-then-else expression")
        t1 = self.expr(e.then, exp)
        t2 = self.expr(e.else_, t1 if exp is None else exp)
        if not self.unify(t1, t2):
            self.error(e.span, f"the two branches of an if-then-else expression must have the "
                               f"same type (got {type_to_str(t1)} and {type_to_str(t2)})")
        if exp is None or isinstance(prune(exp), ast.InferredType):
            # as in Dafny, an if-then-else whose type is inferred is not of a (top-level)
            # subset type: `var x := if c then n else 0;` (n: nat) makes x an int
            return self.arith_result(self.join(t1, t2))
        return self.join(t1, t2)

    def join(self, t1: Type, t2: Type) -> Type:
        """The type of a value that is either t1 or t2 (already unified): t1 if both are
        the same type, else t1 without its top-level subset type (`nat` and `int` give int)."""
        if types_equal(t1, t2) or isinstance(prune(t1), TypeVar):
            return t1
        return strip_subset(t1)

    def e_ConversionExpr(self, e: ast.ConversionExpr, exp: Type | None) -> Type:
        self.expr(e.operand)
        return self.resolve_type(e.to)

    def e_TypeTestExpr(self, e: ast.TypeTestExpr, exp: Type | None) -> Type:
        self.expr(e.operand)
        self.resolve_type(e.to)
        return ast.BoolType()

    # ------------------------------------------------------------------ state
    def e_EllipsisExpr(self, e: ast.Expr, exp: Type | None) -> Type:
        return exp if exp is not None else self.fresh(ast.BoolType())

    def e_PrefixEqExpr(self, e: ast.PrefixEqExpr, exp: Type | None) -> Type:
        lt = self.expr(e.left)
        rt = self.expr(e.right, lt)
        if not self.unify(lt, rt):
            self.error(e.span, f"arguments must have comparable types (got "
                               f"{type_to_str(lt)} and {type_to_str(rt)})")
        self.expr(e.depth, ast.OrdinalType())
        return ast.BoolType()

    def e_OldExpr(self, e: ast.OldExpr, exp: Type | None) -> Type:
        return self.expr(e.operand, exp)

    def e_UnchangedExpr(self, e: ast.UnchangedExpr, exp: Type | None) -> Type:
        for fr in e.frames:
            self.frame(fr)
        return ast.BoolType()

    def e_FreshExpr(self, e: ast.FreshExpr, exp: Type | None) -> Type:
        self.expr(e.operand)
        return ast.BoolType()

    def e_AllocatedExpr(self, e: ast.AllocatedExpr, exp: Type | None) -> Type:
        self.expr(e.operand)
        return ast.BoolType()

    # ------------------------------------------------------------------ binders
    def bound_vars(self, vs: list[ast.BoundVar]) -> None:
        for v in vs:
            if v.domain is not None:
                dt = self.expr(v.domain)
                el = self.elem_of(dt)
                n = strip_subset(dt)
                if el is None and isinstance(n, ast.MapType):
                    el = n.key
                if el is None and isinstance(n, ast.UserType) and B.array_dims(n.decl) == 1:
                    el = n.args[0] if n.args else None
            else:
                el = None
            declared = not isinstance(v.type, ast.InferredType)
            t = self.resolve_type(v.type)
            if t is not v.type:
                v.type = t
            if declared:
                self.declared_bounds.add(id(v))
            if el is not None:
                # a declared `x: nat <- s` does not make s's elements nats
                (self.unify_weak if declared else self.unify)(el, t)
            self.pending_vars.append(v)
            self.declare_var(v.name, v, v.span)
        for a in (x for v in vs for x in v.attributes):
            self.attribute(a)

    def declared_bound(self, v: ast.BoundVar) -> bool:
        """Was the bound variable's type written in the program (not inferred)?"""
        return id(v) in self.declared_bounds

    def attribute(self, a: ast.Attribute) -> None:
        for x in a.args:
            self.expr_lenient(x)

    def expr_lenient(self, e: ast.Expr) -> None:
        """Resolve an attribute argument: errors in it are not reported (Dafny is lenient
        about unknown attributes)."""
        saved = (self.reporter, self.errors, set(self._seen_errors))
        from ..diagnostics import Reporter
        self.reporter = Reporter()
        try:
            self.expr(e)
        finally:
            self.reporter, self.errors, self._seen_errors = saved

    def e_QuantifierExpr(self, e: ast.QuantifierExpr, exp: Type | None) -> Type:
        self.locals.push()
        self.bound_vars(e.vars)
        if e.range is not None:
            self.expect_bool(e.range, "range of quantifier")
        self.expect_bool(e.body, "body of quantifier")
        for a in e.attributes:
            self.attribute(a)
        self.locals.pop()
        return ast.BoolType()

    def e_SetComprehension(self, e: ast.SetComprehension, exp: Type | None) -> Type:
        self.locals.push()
        self.bound_vars(e.vars)
        self.expect_bool(e.range, "range of comprehension")
        if e.term is not None:
            hint = self.elem_of(exp) if exp is not None else None
            t = self.expr(e.term, hint)
        else:
            t = self.var_type(e.vars[0]) if e.vars else self.fresh()
        self.locals.pop()
        return ast.SetType(t, e.finite)

    def e_MapComprehension(self, e: ast.MapComprehension, exp: Type | None) -> Type:
        self.locals.push()
        self.bound_vars(e.vars)
        if e.range is not None:
            self.expect_bool(e.range, "range of comprehension")
        ex = strip_subset(exp) if exp is not None else None
        if e.key is not None:
            k = self.expr(e.key, ex.key if isinstance(ex, ast.MapType) else None)
        else:
            k = self.var_type(e.vars[0]) if e.vars else self.fresh()
        v = self.expr(e.value, ex.value if isinstance(ex, ast.MapType) else None)
        self.locals.pop()
        return ast.MapType(k, v, e.finite)

    def e_LambdaExpr(self, e: ast.LambdaExpr, exp: Type | None) -> Type:
        ex = strip_subset(exp) if exp is not None else None
        self.locals.push()
        self.bound_vars(e.vars)
        if isinstance(ex, ast.ArrowType) and len(ex.args) == len(e.vars):
            for v, at in zip(e.vars, ex.args):
                self.unify(v.type, at)
        for r in e.requires:
            self.expect_bool(r, "lambda precondition")
        for fr in e.reads:
            self.frame(fr, "reads")
        body_t = self.expr(e.body, ex.result if isinstance(ex, ast.ArrowType) else None)
        self.locals.pop()
        arrow = "->" if not e.reads and not e.requires else ("~>" if e.reads else "-->")
        return ast.ArrowType([v.type for v in e.vars], body_t, arrow)

    def e_LetExpr(self, e: ast.LetExpr, exp: Type | None) -> Type:
        if e.such_that:
            self.locals.push()
            for p in e.pats:
                self.pattern(p, self.fresh(), e.span)
            for r in e.rhss:
                self.expect_bool(r, "such-that constraint")
            t = self.expr(e.body, exp)
            self.locals.pop()
            return t
        rts = [self.expr(r, self.pattern_hint(p)) for r, p in zip(e.rhss, e.pats)]
        if len(e.rhss) != len(e.pats):
            self.error(e.span, f"let expression must have same number of LHSs (found "
                               f"{len(e.pats)}) as RHSs (found {len(e.rhss)})")
        self.locals.push()
        for p, t in zip(e.pats, rts):
            self.pattern(p, t, e.span)
        t = self.expr(e.body, exp)
        self.locals.pop()
        return t

    def pattern_hint(self, p: ast.Pattern) -> Type | None:
        if isinstance(p, ast.VarPattern) and p.type is not None and not isinstance(
                p.type, ast.InferredType):
            return self.resolve_type(p.type)
        return None

    def e_StmtExpr(self, e: ast.StmtExpr, exp: Type | None) -> Type:
        self.stmt_in_expr(e.stmt)
        return self.expr(e.body, exp)

    def stmt_in_expr(self, s: ast.Stmt) -> None:
        raise NotImplementedError

    def e_MatchExpr(self, e: ast.MatchExpr, exp: Type | None) -> Type:
        st = self.expr(e.source)
        result: Type | None = exp
        first: Type | None = None
        for c in e.cases:
            self.locals.push()
            self.pattern(c.pattern, st, c.span, in_match=True)
            t = self.expr(c.body, result)
            if first is None:
                first = t
                if result is None:
                    result = t
            elif not self.unify(first, t):
                self.error(c.body.span, f"type of case bodies do not agree (found "
                                        f"{type_to_str(t)}, previous types {type_to_str(first)})")
            else:
                first = self.join(first, t)
            self.locals.pop()
        if first is None:
            return self.fresh()
        if exp is None or isinstance(prune(exp), ast.InferredType):
            # like an if-then-else: `var x := match d case A => n case B => n;` is an int
            return self.arith_result(first)
        return first


def join_nullable(a: Type, b: Type) -> Type:
    """The type of a collection operation `a + b` (`-`, `*`) whose operand types unify: a,
    except that a reference component (a class, trait, array or `object`) that is
    nullable in either operand is nullable in the result, as Dafny's join of `C` and `C?`
    is `C?` (`map<C, int> + map<C?, int>` is a `map<C?, int>`). Returns a itself when no
    component changes."""
    pa, pb = prune(a), prune(b)
    if isinstance(pa, ast.ObjectType) and isinstance(pb, ast.ObjectType):
        return pb if pb.nullable and not pa.nullable else pa
    if isinstance(pa, ast.UserType) and isinstance(pb, ast.UserType):
        if isinstance(pa.decl, ast.ClassDecl) and pa.decl is pb.decl and \
                pb.path[-1].endswith("?") and not pa.path[-1].endswith("?"):
            return pb
        return pa
    if isinstance(pa, ast.SeqType) and isinstance(pb, ast.SeqType):
        e = join_nullable(pa.elem, pb.elem)
        return pa if e is pa.elem else ast.SeqType(e)
    if isinstance(pa, ast.MultisetType) and isinstance(pb, ast.MultisetType):
        e = join_nullable(pa.elem, pb.elem)
        return pa if e is pa.elem else ast.MultisetType(e)
    if isinstance(pa, ast.SetType) and isinstance(pb, ast.SetType):
        e = join_nullable(pa.elem, pb.elem)
        return pa if e is pa.elem else ast.SetType(e, pa.finite)
    if isinstance(pa, ast.MapType) and isinstance(pb, ast.MapType):
        k = join_nullable(pa.key, pb.key)
        v = join_nullable(pa.value, pb.value)
        return pa if k is pa.key and v is pa.value else ast.MapType(k, v, pa.finite)
    return a


def _join_or_same(a: Type, b: Type) -> Type:
    """`join_nullable(a, b)`, or a itself (not its pruned form) when nothing changes."""
    j = join_nullable(a, b)
    return a if j is prune(a) else j
