"""How Dafny types and values are represented in the IVL.

Takes: resolved Dafny types (`syntax.ast.Type`, normalized with `semantics.types`).
Guarantees:
  * `Encoding.ivl_type(t)` maps a Dafny type to its IVL type:
      bool -> bool, int/nat/char/int-based newtypes and subset types -> int, real -> real,
      seq<T> -> `Seq.<tag T>`, set<T> -> `Set.<tag T>`, classes/arrays/object -> `Ref`,
      datatypes -> `DT.<name>` (type arguments erased; fields of a type-parameter type are
      boxed), type parameters and opaque types -> `Box`.
    Anything else raises `Unsupported`.
  * Using a theory at an element type registers the template instance once
    (`Encoding.theory_decls()` returns them all, in first-use order), so the generated program
    only contains the theories it uses.
  * `Names` gives every Dafny declaration a unique IVL name (stable within one translation).
Type constraints of subset types (nat, user subset types), non-null references, and of the
elements of sequences/sets are produced by `constraints.py`.
"""

from __future__ import annotations

from typing import Any

from ..ivl import ast as I
from ..semantics import builtins as B
from ..semantics import types as T
from ..syntax import ast as D
from ..syntax.source import NO_SPAN
from . import prelude
from .unsupported import Unsupported

REF = I.CtorType("Ref")
BOX = I.CtorType("Box")
LAYER = I.CtorType("LayerType")
FUNC = I.CtorType("Func")


def tag(t: I.Type) -> str:
    """A name fragment identifying an IVL type (for theory instances and heaps)."""
    if isinstance(t, I.BasicType):
        return t.name
    if isinstance(t, I.CtorType) and not t.args:
        return t.name
    if isinstance(t, I.BvType):
        return f"bv{t.width}"
    raise ValueError(f"no tag for {t}")


class Names:
    """Unique IVL names for Dafny declarations (keyed by object identity)."""

    def __init__(self) -> None:
        self._by_id: dict[int, str] = {}
        self._used: set[str] = set()
        self._keep: list[Any] = []

    def fresh(self, base: str) -> str:
        base = base.replace("'", "_q").replace("?", "_Q")
        name = base
        k = 0
        while name in self._used:
            k += 1
            name = f"{base}#{k}"
        self._used.add(name)
        return name

    def of(self, decl: Any, base: str) -> str:
        n = self._by_id.get(id(decl))
        if n is None:
            n = self.fresh(base)
            self._by_id[id(decl)] = n
            self._keep.append(decl)
        return n


class Encoding:
    """The per-program type mapping and registry of theory instances."""

    def __init__(self, names: Names) -> None:
        self.names = names
        self._instances: dict[tuple[str, str], tuple[I.Decl, ...]] = {}
        self._order: list[tuple[str, str]] = []
        self.datatypes: list[D.DatatypeDecl] = []      # datatypes whose sort is used
        self._dt_seen: set[int] = set()
        self.opaque_types: dict[str, None] = {}
        self._shapes: dict[str, tuple[str, tuple[I.Type, ...]]] = {}
        from .conversions import Converter
        self.conv = Converter(self)
        self._elem_text: dict[str, str] = {}                # tag -> IVL element type text

    # ------------------------------------------------------------------ theories
    def use(self, theory: str, elem: I.Type) -> str:
        """Register the theory instance for `elem`; returns the element tag."""
        tg = tag(elem)
        if theory == "multiset":
            self.use("seq", elem)
            self.use("set", elem)
        if theory == "seqcreate":
            self.use("seq", elem)
            self.use("box", elem)
            self.use("box", I.INT)
        if theory == "seqbox":
            self.use("seq", elem)
            self.use("seq", BOX)
            self.use("box", elem)
        key = (theory, tg)
        self._elem_text[tg] = str(elem)
        if key not in self._instances:
            self._instances[key] = prelude.theory_decls(theory, str(elem), tg)
            self._order.append(key)
        return tg

    def use_map(self, key: I.Type, val: I.Type) -> str:
        kt = self.use("set", key)
        vt = self.use("set", val)
        mt = f"{kt}.{vt}"
        k = ("map", mt)
        if k not in self._instances:
            self._instances[k] = prelude.map_decls(str(key), kt, str(val), vt)
            self._order.append(k)
        return mt

    def add_instance(self, key: tuple[str, str], decls: tuple[I.Decl, ...]) -> None:
        """Register generated declarations (e.g. conversions) as a theory instance."""
        if key not in self._instances:
            self._instances[key] = decls
            self._order.append(key)

    def collection_sort(self, kind: str, elems: tuple[I.Type, ...]) -> I.CtorType:
        """The sort of a seq/set/multiset (one element type) or map (key, value) over the
        given IVL types; its shape is recorded for `shape`."""
        if kind == "map":
            t = I.CtorType("Map." + self.use_map(elems[0], elems[1]))
        else:
            prefix = {"seq": "Seq.", "set": "Set.", "iset": "Set.~",
                      "multiset": "MultiSet."}[kind]
            t = I.CtorType(prefix + self.use(kind, elems[0]))
        self._shapes[t.name] = (kind, elems)
        return t

    def set_sort(self, elem: I.Type) -> I.CtorType:
        return self.collection_sort("set", (elem,))

    def shape(self, t: I.Type) -> tuple[str, tuple[I.Type, ...]] | None:
        """('seq'|'set'|'multiset'|'map', element IVL types) of a collection sort made by
        `ivl_type`/`collection_sort`, else None."""
        return self._shapes.get(t.name) if isinstance(t, I.CtorType) else None

    def theory_decls(self) -> list[I.Decl]:
        out: list[I.Decl] = []
        for key in self._order:
            out.extend(self._instances[key])
        # bridges between instances, once all are known: multisets of boxed sequences
        if ("multiset", "Box") in self._instances:
            for th, tg in list(self._order):
                if th == "seqbox" and ("multiset", tg) in self._instances:
                    out.extend(prelude.theory_decls("msbox", self._elem_text[tg], tg))
        return out

    # ------------------------------------------------------------------ types
    def ivl_type(self, t: D.Type) -> I.Type:
        b = T.base_type(t)
        if isinstance(b, D.BoolType):
            return I.BOOL
        if isinstance(b, (D.IntType, D.CharType)):
            return I.INT
        if isinstance(b, D.RealType):
            return I.REAL
        if isinstance(b, D.BitvectorType):
            from .bitvectors import bv_type
            return bv_type(self, b.width, t.span)
        if isinstance(b, D.SeqType):
            return self.collection_sort("seq", (self.ivl_type(b.elem),))
        if isinstance(b, D.SetType):
            # isets: sort Set.~<tag>, the set theory without cardinality (iset.bpl)
            return self.collection_sort("set" if b.finite else "iset", (self.ivl_type(b.elem),))
        if isinstance(b, D.MapType) and b.finite:
            return self.collection_sort("map", (self.ivl_type(b.key), self.ivl_type(b.value)))
        if isinstance(b, D.MultisetType):
            return self.collection_sort("multiset", (self.ivl_type(b.elem),))
        if isinstance(b, D.ObjectType):
            return REF
        if isinstance(b, D.ArrowType):
            if b.arrow == "~>":
                raise Unsupported(t.span, "heap-reading arrow types '~>'")
            if len(b.args) > 3:
                raise Unsupported(t.span, "arrow types with more than 3 arguments")
            return FUNC
        if isinstance(b, D.TupleType):
            from .datatypes import tuple_decl
            return self.datatype_sort(tuple_decl(len(b.elems)))
        if isinstance(b, D.UserType):
            d = b.decl
            if isinstance(d, D.ClassDecl):
                # a trait type's values are objects like a class's (no dynamic types are
                # modelled: see `traits`); generic traits are not supported
                if d.is_trait and d is not B.OBJECT and d.type_params:
                    raise Unsupported(t.span, "generic traits")
                return REF
            if isinstance(d, D.DatatypeDecl):
                return self.datatype_sort(d)
            if isinstance(d, D.TypeParam):
                return BOX
            if isinstance(d, D.TypeSynonymDecl) and d.rhs is None:
                return BOX
        raise Unsupported(t.span if t.span is not NO_SPAN else NO_SPAN,
                          f"type {T.type_to_str(t)}")

    def datatype_sort(self, d: D.DatatypeDecl) -> I.CtorType:
        name = self.names.of(d, "DT." + d.name)
        if id(d) not in self._dt_seen:
            self._dt_seen.add(id(d))
            self.datatypes.append(d)
        return I.CtorType(name)

    # ------------------------------------------------------------------ boxes
    def box(self, e: I.Expr, t: I.Type) -> I.Expr:
        if t == BOX:
            return e
        tg = self.use("box", t)
        # re-boxing an unboxed value gives the box back: for the boxes of Dafny values (a
        # generic field or element holds a box of its instantiated type), Box(Unbox(b)) == b,
        # which the prelude cannot state for arbitrary boxes
        # (not for the results of function values: the same value is boxed again elsewhere,
        # e.g. `Cons(f(x), s)` and `Cons(v, s)` with v == f(x) in a function's definition, and
        # only Box(Unbox(f(x))) is then provably the same box)
        if isinstance(e, I.FunApp) and e.name == f"$Unbox.{tg}" and len(e.args) == 1 and not (
                isinstance(e.args[0], I.FunApp) and e.args[0].name.startswith("Apply")):
            return e.args[0]
        return I.FunApp(f"$Box.{tg}", (e,))

    def unbox(self, e: I.Expr, t: I.Type) -> I.Expr:
        if t == BOX:
            return e
        tg = self.use("box", t)
        # unboxing a box made from x gives back x (box.bpl)
        if isinstance(e, I.FunApp) and e.name == f"$Box.{tg}" and len(e.args) == 1:
            return e.args[0]
        return I.FunApp(f"$Unbox.{tg}", (e,))

    def coerce(self, e: I.Expr, have: I.Type, want: I.Type, span: Any = NO_SPAN) -> I.Expr:
        """Convert a value between representations: boxing/unboxing, and element-wise
        conversions of collections (`conversions.py`)."""
        return self.conv.convert(e, have, want, span)


def _elem_of(seq_t: I.CtorType) -> I.Type:
    """The element IVL type of `Seq.<tag>` (tags of basic types and sorts are their names)."""
    tg = seq_t.name[4:]
    if tg in ("int", "bool", "real"):
        return I.BasicType(tg)
    return I.CtorType(tg)


# ---------------------------------------------------------------------- sequence helpers

def seq_fn(op: str, st: I.Type, *args: I.Expr) -> I.Expr:
    """`Seq#<op>.<tag>(args)` for the sequence sort `st` (a CtorType named `Seq.<tag>`)."""
    assert isinstance(st, I.CtorType)
    return I.FunApp(f"Seq#{op}.{st.name[4:]}", tuple(args))


def seq_empty(st: I.Type) -> I.Expr:
    assert isinstance(st, I.CtorType)
    return I.Ident(f"Seq#Empty.{st.name[4:]}")


def set_fn(op: str, st: I.Type, *args: I.Expr) -> I.Expr:
    assert isinstance(st, I.CtorType)
    return I.FunApp(f"Set#{op}.{st.name[4:]}", tuple(args))


def set_empty(st: I.Type) -> I.Expr:
    assert isinstance(st, I.CtorType)
    return I.Ident(f"Set#Empty.{st.name[4:]}")


def ms_fn(op: str, st: I.Type, *args: I.Expr) -> I.Expr:
    assert isinstance(st, I.CtorType)
    return I.FunApp(f"MultiSet#{op}.{st.name[9:]}", tuple(args))


def ms_empty(st: I.Type) -> I.Expr:
    assert isinstance(st, I.CtorType)
    return I.Ident(f"MultiSet#Empty.{st.name[9:]}")


def map_fn(op: str, mt: I.Type, *args: I.Expr) -> I.Expr:
    assert isinstance(mt, I.CtorType)
    return I.FunApp(f"Map#{op}.{mt.name[4:]}", tuple(args))


def is_map(t: I.Type) -> bool:
    return isinstance(t, I.CtorType) and t.name.startswith("Map.")


def is_multiset(t: I.Type) -> bool:
    return isinstance(t, I.CtorType) and t.name.startswith("MultiSet.")


def is_seq(t: I.Type) -> bool:
    return isinstance(t, I.CtorType) and t.name.startswith("Seq.")


def is_set(t: I.Type) -> bool:
    return isinstance(t, I.CtorType) and t.name.startswith("Set.")


def equal(t: I.Type, a: I.Expr, b: I.Expr) -> I.Expr:
    """Dafny equality at IVL type t: extensional for sequences and sets."""
    if is_seq(t):
        return seq_fn("Equal", t, a, b)
    if is_set(t):
        return set_fn("Equal", t, a, b)
    if is_multiset(t):
        return ms_fn("Equal", t, a, b)
    if is_map(t):
        return map_fn("Equal", t, a, b)
    return I.Binary("==", a, b)


# ---------------------------------------------------------------------- formula helpers

TRUE = I.BoolLit(True)
FALSE = I.BoolLit(False)


def conj(parts: list[I.Expr]) -> I.Expr:
    parts = [p for p in parts if p != TRUE]
    if not parts:
        return TRUE
    e = parts[0]
    for p in parts[1:]:
        e = I.Binary("&&", e, p)
    return e


def disj(parts: list[I.Expr]) -> I.Expr:
    parts = [p for p in parts if p != FALSE]
    if not parts:
        return FALSE
    e = parts[0]
    for p in parts[1:]:
        e = I.Binary("||", e, p)
    return e


def implies(a: I.Expr, b: I.Expr) -> I.Expr:
    if a == TRUE:
        return b
    if b == TRUE:
        return TRUE
    return I.Binary("==>", a, b)


def not_(a: I.Expr) -> I.Expr:
    if isinstance(a, I.Unary) and a.op == "!":
        return a.arg
    if a == TRUE:
        return FALSE
    if a == FALSE:
        return TRUE
    return I.Unary("!", a)


def forall(vars_: tuple[I.Formal, ...], body: I.Expr,
           triggers: tuple[I.Trigger, ...] = ()) -> I.Expr:
    if not vars_ or body == TRUE:
        return body
    return I.Quantifier("forall", vars_, body, triggers)


def const_int(n: int) -> I.Expr:
    if n < 0:
        return I.Unary("-", I.IntLit(-n))
    return I.IntLit(n)


def mentions_generic_array(t: object, depth: int = 0) -> bool:
    """Does Dafny type t contain an array whose element type mentions a type parameter?
    (Such arrays live in the Box heap; seen at a concrete instance they would live in
    another heap, so their instantiation with concrete types is not translated.)"""
    from ..semantics import types as T2
    if depth > 6 or not isinstance(t, D.Type):
        return False
    n = T2.normalize(t)
    if isinstance(n, D.UserType):
        if B.array_dims(n.decl) is not None and n.args and _mentions_tp(n.args[0]):
            return True
        return any(mentions_generic_array(a, depth + 1) for a in n.args)
    for sub in ("elem", "key", "value", "result"):
        x = getattr(n, sub, None)
        if x is not None and mentions_generic_array(x, depth + 1):
            return True
    for x in getattr(n, "elems", []) + getattr(n, "args", []):
        if mentions_generic_array(x, depth + 1):
            return True
    return False


def _mentions_tp(t: object, depth: int = 0) -> bool:
    from ..semantics import types as T2
    if depth > 6 or not isinstance(t, D.Type):
        return False
    n = T2.normalize(t)
    if isinstance(n, D.UserType):
        if isinstance(n.decl, D.TypeParam):
            return True
        return any(_mentions_tp(a, depth + 1) for a in n.args)
    for sub in ("elem", "key", "value", "result"):
        x = getattr(n, sub, None)
        if x is not None and _mentions_tp(x, depth + 1):
            return True
    return any(_mentions_tp(x, depth + 1) for x in getattr(n, "elems", []) +
               getattr(n, "args", []))


def check_generic_arrays(enc: "Encoding", callee: object, inst: object, span: object) -> None:
    """Unsupported if a generic callee with arrays of its type parameters is instantiated with
    a type that is not represented as a box."""
    tps = getattr(callee, "type_params", None) or []
    if not tps:
        return
    formals = list(getattr(callee, "ins", None) or getattr(callee, "formals", []) or [])
    formals += list(getattr(callee, "outs", []) or [])
    types = [f.type for f in formals]
    rt = getattr(callee, "result_type", None)
    if rt is not None:
        types.append(rt)
    if not any(mentions_generic_array(t) for t in types):
        return
    for a in (inst or []):
        try:
            it = enc.ivl_type(a)
        except Unsupported:
            it = None
        if it != BOX:
            raise Unsupported(span, "generic arrays instantiated with a concrete type")  # type: ignore[arg-type]
