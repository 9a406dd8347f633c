"""Translation state: what the whole program's translation shares, and what one body needs.

Takes: nothing (defines records filled by `translator`).
Guarantees:
  * `ProgramCtx` holds the encoding, unique names, the heap variables (one IVL global per
    mutable class field, `[Ref]T`, and one per array element type, `[Ref][int]T`), the info
    records of every function and method, and the declarations generated so far.
  * `Env` says how to translate names inside one expression context (locals, `this`, the heap
    variables as seen there, the fuel layer for function calls, the enclosing function).
  * `WF` collects well-formedness checks: a check made under conditions (the left side of
    `==>`, a branch of `if`, the range of a quantifier) is emitted as
    `assert (forall bound :: conditions ==> check)`, so checks are exactly as strong as the
    context guarantees.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Optional

from ..ivl import ast as I
from ..syntax import ast as D
from .encoding import Encoding, Names, forall, implies
from .obligations import Obligation


@dataclass(slots=True)
class HeapVar:
    """A heap global: `name: [Ref]T` for a field, `[Ref][int]T` for array elements."""
    name: str
    type: I.Type


@dataclass(slots=True)
class FuncInfo:
    decl: D.Function
    name: str
    recursive: bool                 # in a call-graph cycle: takes a fuel layer
    scc: int
    height: int
    reads_heap: bool                # takes the heap variables as arguments
    formal_types: list[I.Type]
    result_type: I.Type


@dataclass(slots=True)
class MethodInfo:
    decl: D.Method
    name: str                       # the IVL procedure
    scc: int
    writes_heap: bool               # may write the heap / allocate: modifies all heap vars
    is_instance: bool


@dataclass(slots=True)
class ProgramCtx:
    names: Names
    enc: Encoding
    heaps: dict[str, HeapVar] = field(default_factory=dict)
    field_heap: dict[int, str] = field(default_factory=dict)       # id(Field) -> heap var
    field_types: dict[str, Any] = field(default_factory=dict)      # heap var -> Dafny type
    array_elem_types: dict[str, Any] = field(default_factory=dict)  # heap -> (elem type, dims)
    const_fields: dict[int, str] = field(default_factory=dict)     # id(Field) -> function
    funcs: dict[int, FuncInfo] = field(default_factory=dict)
    methods: dict[int, MethodInfo] = field(default_factory=dict)
    decls: list[I.Decl] = field(default_factory=list)
    # declarations made once and cached (datatypes, const fields): never rolled back
    global_decls: list[I.Decl] = field(default_factory=list)
    array_slices: set[str] = field(default_factory=set)   # heap vars whose arrays are sliced
    # the program has arrays of a type parameter: every array lives in the Box heap of its
    # dimension (an array<int> may also be seen as an array<T>), elements boxed
    unified_arrays: bool = False
    max_height: int = 0
    keep: list[Any] = field(default_factory=list)
    # set comprehensions translated so far: alpha-invariant key -> (function, its decl)
    comprehension_fns: dict[str, tuple[str, Any]] = field(default_factory=dict)
    lambda_names: dict[Any, str] = field(default_factory=dict)  # alpha-equivalence classes
    # ids of co-recursive calls (see `codatatypes.cocalls`, `extreme`): no termination check
    cocalls: set[int] = field(default_factory=set)
    # datatype instantiations with constrained type arguments -> their `$Is` predicate
    is_preds: dict[str, str] = field(default_factory=dict)
    # id(class) -> its dynamic type tag, when trait functions are overridden (`traits`)
    class_tags: dict[int, int] = field(default_factory=dict)

    def array_elem_ivl(self, name: str) -> I.Type:
        """The element type stored in array heap `name`."""
        t = self.heaps[name].type
        assert isinstance(t, I.MapType) and isinstance(t.range, I.MapType)
        return t.range.range

    def heap_list(self) -> list[HeapVar]:
        return list(self.heaps.values())

    def array_heap(self, elem: I.Type, dims: int, dafny_elem: Any = None) -> str:
        """The heap of arrays with `dims` dimensions and elements of IVL type `elem`; arrays
        whose Dafny element type has a constraint (array<nat>) get a heap of their own, so
        that its goodness (all elements satisfy the constraint) can be assumed. (Arrays are
        invariant in their element type, so an array lives in exactly one heap.)"""
        from .encoding import tag
        if self.unified_arrays:
            elem, dafny_elem = I.CtorType("Box"), None
        name = f"$A{dims if dims > 1 else ''}.{tag(elem)}"
        if dafny_elem is not None:
            from .constraints import type_constraint
            from ..semantics import types as T
            if type_constraint(self, dafny_elem, I.Ident("x")) != I.BoolLit(True):
                name += "." + "".join(ch if ch.isalnum() else "_"
                                      for ch in T.type_to_str(dafny_elem))
                self.array_elem_types[name] = (dafny_elem, dims)
        if name not in self.heaps:
            dom: tuple[I.Type, ...] = (I.INT,) * dims
            self.heaps[name] = HeapVar(name, I.MapType((), (I.CtorType("Ref"),),
                                                         I.MapType((), dom, elem)))
        return name


@dataclass(slots=True)
class Env:
    """How names are translated in one context."""
    vars: dict[int, I.Expr] = field(default_factory=dict)
    this: Optional[I.Expr] = None
    heap: dict[str, I.Expr] = field(default_factory=dict)  # heap var (and $Alloc) -> expr
    old_heap: Optional[dict[str, I.Expr]] = None            # what old(...) sees
    fuel: I.Expr = field(default_factory=lambda: I.FunApp("$LS", (I.Ident("$LZ"),)))
    scc_layer: Optional[I.Expr] = None       # layer for calls into the current SCC (axioms)
    cur_func: Optional[FuncInfo] = None       # the function whose body/spec this is
    cur_method: Optional[MethodInfo] = None
    reads_check: Optional[Callable[[I.Expr], I.Expr]] = None  # o -> o is in the reads frame
    heap_allowed: bool = True
    # termination: the caller's decreases values, for calls within the current SCC
    decreases_of_caller: Optional[list[tuple[D.Type, I.Expr]]] = None
    assume_callee_post: bool = False         # wf check: assume ensures of recursive calls
    this_dt: Any = None                      # the datatype of `this` in datatype members
    labels: Optional[dict[str, dict[str, I.Expr]]] = None  # label -> heap snapshot (old@L)

    def copy(self) -> "Env":
        return Env(dict(self.vars), self.this, dict(self.heap), self.old_heap, self.fuel,
                   self.scc_layer,
                   self.cur_func, self.cur_method, self.reads_check, self.heap_allowed,
                   self.decreases_of_caller, self.assume_callee_post, self.this_dt,
                   self.labels)


class WF:
    """Collects well-formedness checks (and facts) under the current conditions.

    A frame is ('cond', e) or ('bind', formals). A check `c` made under frames f1..fn is
    emitted as  f1(f2(...fn(c)))  with  cond e: e ==> _  and  bind xs: forall xs :: _ .
    With `sink` None (axiom contexts) checks are dropped.
    """

    def __init__(self, sink: Optional[list[I.Stmt]]) -> None:
        self.sink = sink
        self.frames: list[tuple[str, Any]] = []

    @property
    def active(self) -> bool:
        return self.sink is not None

    def _wrap(self, e: I.Expr) -> I.Expr:
        for kind, x in reversed(self.frames):
            if kind == "cond":
                e = implies(x, e)
            else:
                e = forall(x, e)
        return e

    def check(self, cond: I.Expr, ob: Obligation) -> None:
        if self.sink is None:
            return
        self.sink.append(I.Assert(self._wrap(cond), info=ob, span=ob.span))

    def assume(self, fact: I.Expr) -> None:
        if self.sink is None:
            return
        self.sink.append(I.Assume(self._wrap(fact)))

    @contextmanager
    def under(self, cond: I.Expr) -> Iterator[None]:
        self.frames.append(("cond", cond))
        try:
            yield
        finally:
            self.frames.pop()

    @contextmanager
    def binding(self, formals: tuple[I.Formal, ...]) -> Iterator[None]:
        self.frames.append(("bind", formals))
        try:
            yield
        finally:
            self.frames.pop()
