"""The Python code generator: a resolved Dafny program -> the text of one Python module.

`compile_program(program, source_name, extern_paths) -> GeneratedModule` takes an
`ast.Program` that resolved without errors (see `semantics.resolver` for the annotations it
relies on) and returns the module text plus what the runner needs (the Main method, whether
it takes arguments). It raises `CompileError` (with a span) for constructs that cannot be
compiled; it never runs the program.

Layout of the generated module
* Dafny modules are namespaces: a declaration of module `A.B` is the Python global
  `A__B__name`; the default module's declarations keep their names.
* Classes and traits are Python classes (traits are bases); datatypes are a base class
  with one subclass per constructor (`Tree_Node`); newtypes and subset types are erased to
  their base types (newtype members become functions taking the value first).
* Module-level functions and methods are Python functions; static members are static
  methods; methods return their out-parameters (a tuple when there are several).
* Constants are computed once the whole module is defined, in dependency order.
* Self calls in tail position run as loops (see `gen_tailcalls`).
* `_dafny_main(argv)` calls Main; running the module as a script runs it.
Ghost declarations (lemmas, ghost functions, ghost fields) are not emitted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..semantics import builtins as B
from ..semantics import types as T
from ..syntax import ast
from . import gen_bounds, gen_tailcalls
from .emitter import CompileError, Emitter, strip_parens
from .gen_exprs import ExprMixin, auto_init, tparam_default_name
from .gen_stmts import LoopFrame, StmtMixin
from .gen_types import TypeMixin
from .names import member_ident, py_ident

__all__ = ["CompileError", "GeneratedModule", "compile_program", "find_main"]


@dataclass(slots=True)
class GeneratedModule:
    text: str
    main: ast.Method | None
    main_takes_args: bool
    main_error: str | None = None


def attr(decl: Any, name: str) -> ast.Attribute | None:
    attrs: list[ast.Attribute] = getattr(decl, "attributes", None) or []
    for a in attrs:
        if a.name == name:
            return a
    return None


def ctor_field(f: ast.Formal, index: int) -> str:
    """The attribute holding constructor argument `index` (`f0`, `f1`... when unnamed)."""
    return member_ident(f.name) if f.name else f"f{index}"


def _iter_decls(module: ast.ModuleDecl) -> list[tuple[ast.ModuleDecl, ast.Decl]]:
    out: list[tuple[ast.ModuleDecl, ast.Decl]] = []
    for d in module.decls:
        out.append((module, d))
        if isinstance(d, ast.ModuleDecl):
            out.extend(_iter_decls(d))
    return out


def find_main(program: ast.Program) -> tuple[ast.Method | None, bool, str | None]:
    """Dafny's rule: the method marked {:main}, else a method named Main; it must be
    static (module-level or `static`) with no non-ghost inputs, or one `seq<string>` input
    (the command-line arguments). Returns (method, takes_args, error)."""
    cands: list[ast.Method] = []
    marked: list[ast.Method] = []
    for _, d in _iter_decls(program.module):
        members: list[ast.Decl] = [d]
        if isinstance(d, (ast.ClassDecl, ast.DatatypeDecl, ast.NewtypeDecl)):
            members = list(d.members)
        for m in members:
            if isinstance(m, ast.Method) and m.kind == "method":
                if attr(m, "main") is not None:
                    marked.append(m)
                elif m.name == "Main":
                    cands.append(m)
    chosen = marked or cands
    if not chosen:
        return None, False, "no Main method found"
    if len(chosen) > 1:
        return None, False, "more than one Main method found"
    m = chosen[0]
    owner = m.owner
    if not isinstance(owner, ast.ModuleDecl) and not m.is_static and not (
            isinstance(owner, ast.ClassDecl) and not owner.is_trait and not any(
                isinstance(x, ast.Method) and x.kind == "constructor" for x in owner.members)
    ) and not isinstance(owner, (ast.DatatypeDecl, ast.NewtypeDecl)):
        return None, False, ("the Main method must be static (or in a class without "
                             "constructors, a datatype or a newtype)")
    if any(not f.is_ghost for f in m.outs):
        return None, False, "the Main method must not have out-parameters"
    live = [f for f in m.ins if not f.is_ghost]
    if not live:
        return m, False, None
    if len(live) == 1:
        t = T.base_type(live[0].type)
        if isinstance(t, ast.SeqType) and isinstance(T.base_type(t.elem), ast.SeqType):
            return m, True, None
    return None, False, "the Main method must have no inputs or one input of type seq<string>"


class PythonGen(TypeMixin, ExprMixin, StmtMixin):
    def __init__(self, program: ast.Program, source_name: str,
                 extern_paths: list[str] | None = None) -> None:
        self.program = program
        self.source_name = source_name
        self.extern_paths = extern_paths or []
        self.prefix: dict[int, str] = {}        # id(decl) -> global-name prefix
        self.qual: dict[int, str] = {}          # id(decl) -> Dafny module path for printing
        self.module_of: dict[int, ast.ModuleDecl] = {}
        self.out = Emitter()
        self.loops: list[LoopFrame] = []
        self.outs: list[str] = []
        self.locals: dict[int, str] = {}
        self.tparam_defaults: dict[int, str] = {}
        self.used: set[str] = set()
        self.globals: set[str] = set()
        self.in_ctor = False
        self.in_abstract = False
        self.in_iterator = False
        self.iterator_outs: list[str] = []
        self.name_fallback: dict[str, str] = {}
        self.tail_fn: ast.Function | None = None
        self.tail_method: ast.Method | None = None
        self.tail_call_stmts: set[int] = set()
        self.tail_params: list[str] = []
        self.label_excs: list[str] = []
        # constants, computed at the end: (the const Field, its assignment)
        self.finals: list[tuple[ast.Field, str]] = []
        self._tmp = 0
        self._pending_filter: list[ast.Expr] = []

    # ------------------------------------------------------------------ naming

    def collect(self, module: ast.ModuleDecl, prefix: str, qual: str) -> None:
        for d in module.decls:
            self.module_of[id(d)] = module
            if isinstance(d, ast.ModuleDecl):
                name = py_ident(d.name)
                self.collect(d, prefix + name + "__", (qual + "." if qual else "") + d.name)
                continue
            self.prefix[id(d)] = prefix
            self.qual[id(d)] = qual
            dname = getattr(d, "name", None)
            if isinstance(dname, str):
                self.globals.add(prefix + py_ident(dname))

    def decl_name(self, decl: Any) -> str:
        owner = getattr(decl, "owner", None)
        if isinstance(decl, (ast.Function, ast.Method, ast.Field)) and isinstance(
                owner, (ast.NewtypeDecl, ast.TypeSynonymDecl, ast.SubsetTypeDecl)):
            return f"{self.decl_name(owner)}__{py_ident(decl.name)}"
        return self.prefix.get(id(decl), "") + py_ident(decl.name)

    def ctor_class(self, ctor: ast.DatatypeCtor) -> str:
        return f"{self.decl_name(ctor.owner)}_{py_ident(ctor.name)}"

    def field_name(self, decl: Any) -> str:
        return member_ident(decl.name)

    def is_static_member(self, decl: Any) -> bool:
        owner = getattr(decl, "owner", None)
        return isinstance(owner, ast.ModuleDecl) or bool(getattr(decl, "is_static", False))

    def static_ref(self, decl: Any) -> str:
        owner = getattr(decl, "owner", None)
        if isinstance(owner, (ast.ClassDecl, ast.DatatypeDecl)):
            return f"{self.decl_name(owner)}.{member_ident(decl.name)}"
        return self.decl_name(decl)

    def this_name(self) -> str:
        return "self"

    def printed_name(self, decl: Any, default_module: str = "") -> str:
        q = self.qual.get(id(decl), "")
        if q:
            return f"{q}.{decl.name}"
        return f"{default_module}.{decl.name}" if default_module else decl.name

    # ------------------------------------------------------------------ locals

    def bind_class_tparams(self, owner: Any) -> None:
        """Inside an instance member of a class: its T(0) defaults are `self._d_T`."""
        if isinstance(owner, ast.ClassDecl):
            for tp in owner.type_params or []:
                if auto_init(tp):
                    self.tparam_defaults[id(tp)] = f"self.{tparam_default_name(tp)}"

    def start_function(self) -> None:
        self.tparam_defaults = {}
        self.locals = {}
        self.used = set(self.globals)
        self.loops = []
        self.outs = []

    def is_local_decl(self, decl: Any) -> bool:
        return id(decl) in self.locals

    def bind_local(self, decl: Any) -> str:
        name = py_ident(getattr(decl, "name", "x") or "x")
        if name.startswith("_"):
            name = "v" + name
        cand, k = name, 0
        while cand in self.used:
            k += 1
            cand = f"{name}_{k}"
        self.used.add(cand)
        self.locals[id(decl)] = cand
        return cand

    def local_name(self, decl: Any) -> str:
        n = self.locals.get(id(decl))
        return n if n is not None else self.bind_local(decl)

    def fresh(self, base: str) -> str:
        self._tmp += 1
        return f"{base}{self._tmp}"

    def new_label_exception(self, kind: str, label: str) -> str:
        name = f"_{kind}_{py_ident(label)}_{len(self.label_excs) + 1}"
        self.label_excs.append(name)
        return name

    # ------------------------------------------------------------------ program

    def generate(self) -> GeneratedModule:
        self.collect(self.program.module, "", "")
        main, takes_args, main_err = find_main(self.program)
        o = self.out
        o.line(f"# Python code generated by pydafny from {self.source_name}. Do not edit.")
        o.line("import itertools as _itertools")
        o.line("import sys as _sys")
        o.line("from fractions import Fraction as _Fraction")
        o.line("")
        o.line("import pydafny.compiler.runtime as _rt")
        o.line("")
        o.line("_write = _rt.write")
        if self.extern_paths:
            o.line(f"_rt.register_extern_paths({self.extern_paths!r})")
        o.line("")
        self.module_decls(self.program.module)
        if self.label_excs:
            o.line("")
            for n in self.label_excs:
                o.line(f"class {n}(Exception):")
                with o.indent():
                    o.line("pass")
        if self.finals:
            o.line("")
            o.line("")
            o.line("# constants (computed once every declaration exists)")
            for ln in self.ordered_finals():
                o.line(ln)
        o.line("")
        o.line("")
        o.line("def _dafny_main(argv):")
        with o.indent():
            if main is None:
                o.line(f"raise _rt.DafnyRuntimeError({main_err!r})")
            else:
                owner = main.owner
                if isinstance(owner, ast.ClassDecl) and not main.is_static:
                    fn = f"{self.decl_name(owner)}().{member_ident(main.name)}"
                elif isinstance(owner, ast.DatatypeDecl) and not main.is_static:
                    # an instance Main runs on the type's default value
                    self.start_function()
                    dflt = self.default_value(T.decl_type(owner, [ast.IntType()] * len(
                        owner.type_params)))
                    fn = f"{dflt}.{member_ident(main.name)}"
                elif isinstance(owner, ast.NewtypeDecl) and not main.is_static:
                    self.start_function()
                    dflt = self.default_value(T.decl_type(owner))
                    fn = f"(lambda *_a: {self.decl_name(main)}({dflt}, *_a))"
                else:
                    fn = self.static_ref(main)
                if takes_args:
                    o.line(f"{fn}(_rt.Seq([_rt.Seq.of_str(a) for a in argv]))")
                else:
                    o.line(f"{fn}()")
        o.line("")
        o.line("")
        o.line('if __name__ == "__main__":')
        with o.indent():
            o.line("_sys.exit(_rt.run_main(_dafny_main, _sys.argv))")
        return GeneratedModule(o.text(), main, takes_args, main_err)

    def module_decls(self, module: ast.ModuleDecl) -> None:
        for d in module.decls:
            if isinstance(d, ast.ModuleDecl):
                # abstract modules are compiled too: a refining module's code may call
                # their members (body-less members are skipped there)
                saved = self.in_abstract
                self.in_abstract = saved or d.is_abstract
                self.module_decls(d)
                self.in_abstract = saved
            elif isinstance(d, ast.ClassDecl):
                self.class_decl(d)
            elif isinstance(d, ast.DatatypeDecl):
                self.datatype_decl(d)
            elif isinstance(d, (ast.NewtypeDecl, ast.TypeSynonymDecl)):
                self.newtype_decl(d)
            elif isinstance(d, ast.Function):
                self.function_decl(d, module_level=True)
            elif isinstance(d, ast.Method):
                self.method_decl(d, module_level=True)
            elif isinstance(d, ast.Field):
                self.module_const(d)
            elif isinstance(d, ast.IteratorDecl):
                self.iterator_decl(d)
            # imports, exports, subset types, iterators (unsupported if used): nothing

    # ------------------------------------------------------------------ externs

    def extern_binding(self, decl: Any) -> str | None:
        a = attr(decl, "extern")
        if a is None:
            return None
        names = [x.value for x in a.args if isinstance(x, ast.StringLit)]
        mod: str | None = None
        if len(names) >= 2:
            mod, name = names[0], names[1]
        elif len(names) == 1:
            name = names[0]
        else:
            name = decl.name
        if mod is None:
            owner = getattr(decl, "owner", None)
            m = owner if isinstance(owner, ast.ModuleDecl) else self.module_of.get(id(owner)) \
                if owner is not None else self.module_of.get(id(decl))
            ma = attr(m, "extern") if m is not None else None
            if ma is not None:
                mnames = [x.value for x in ma.args if isinstance(x, ast.StringLit)]
                if mnames:
                    mod = mnames[0]
            if mod is None and isinstance(owner, ast.ClassDecl):
                ca = attr(owner, "extern")
                if ca is not None:
                    return None   # a member of an extern class: a Python method
        return f"_rt.extern_lookup({mod!r}, {name!r})"

    # ------------------------------------------------------------------ classes

    def class_decl(self, d: ast.ClassDecl) -> None:
        o = self.out
        name = self.decl_name(d)
        ext = self.extern_binding(d)
        if ext is not None:
            o.line(f"{name} = {ext}")
            o.line("")
            return
        bases = []
        for t in d.extends:
            cd = T.class_decl(t)
            if cd is not None and cd is not B.OBJECT:
                bases.append(self.decl_name(cd))
        if not bases:
            bases = ["_rt.DafnyObject"]
        self.mark_decl(d)
        o.line(f"class {name}({', '.join(bases)}):")
        with o.indent():
            o.line(f"_dafny_name = {self.printed_name(d, '_module')!r}")
            fields = [m for m in d.members if isinstance(m, ast.Field) and not m.is_ghost]
            inst = [f for f in fields if not f.is_static and not (f.is_const and f.init)]
            o.line("")
            # the defaults of auto-init type parameters T(0), given by `new C<...>`
            tps = [tp for tp in d.type_params or [] if auto_init(tp)]
            tparams = "".join(f", {tparam_default_name(tp)}=None" for tp in tps)
            o.line(f"def __init__(self{tparams}):")
            with o.indent():
                o.line("super().__init__()")
                for tp in tps:
                    o.line(f"self.{tparam_default_name(tp)} = {tparam_default_name(tp)}")
                for f in inst:
                    self.start_function()
                    for tp in tps:
                        self.tparam_defaults[id(tp)] = tparam_default_name(tp)
                    o.line(f"self.{self.field_name(f)} = {self.default_value(f.type)}")
            for f in fields:
                if f.is_const and f.init is not None:
                    self.start_function()
                    if f.is_static:
                        self.finals.append(
                            (f, f"{name}.{self.field_name(f)} = {self.expr(f.init)}"))
                    else:
                        o.line("")
                        o.line("@property")
                        o.line(f"def {self.field_name(f)}(self):")
                        with o.indent():
                            o.line(f"return {self.expr(f.init)}")
                elif f.is_static:
                    self.start_function()
                    dflt = self.default_value(f.type)
                    self.finals.append((f, f"{name}.{self.field_name(f)} = {dflt}"))
            self.members(d.members)
        o.line("")
        o.line("")

    def members(self, members: list[ast.Decl]) -> None:
        for m in members:
            if isinstance(m, ast.Function):
                self.out.line("")
                self.function_decl(m, module_level=False)
            elif isinstance(m, ast.Method):
                self.out.line("")
                self.method_decl(m, module_level=False)

    # ------------------------------------------------------------------ datatypes

    def datatype_decl(self, d: ast.DatatypeDecl) -> None:
        o = self.out
        name = self.decl_name(d)
        self.mark_decl(d)
        o.line(f"class {name}(_rt.Datatype):")
        with o.indent():
            o.line("__slots__ = ()")
            for c in d.ctors:
                if not c.is_ghost:
                    o.line("")
                    o.line("@property")
                    o.line(f"def is_{py_ident(c.name)}(self):")
                    with o.indent():
                        o.line(f"return isinstance(self, {self.ctor_class(c)})")
            self.members(d.members)
            for f in d.members:
                if isinstance(f, ast.Field) and not f.is_ghost and f.init is not None:
                    self.start_function()
                    if f.is_static:
                        self.finals.append(
                            (f, f"{name}.{self.field_name(f)} = {self.expr(f.init)}"))
                    else:
                        o.line("")
                        o.line("@property")
                        o.line(f"def {self.field_name(f)}(self):")
                        with o.indent():
                            o.line(f"return {self.expr(f.init)}")
        o.line("")
        o.line("")
        printed = self.printed_name(d)
        for c in d.ctors:
            if c.is_ghost:
                continue
            cname = self.ctor_class(c)
            fs = [f for f in c.formals if not f.is_ghost]
            fnames = [ctor_field(f, i) for i, f in enumerate(c.formals) if not f.is_ghost]
            o.line(f"class {cname}({name}):")
            with o.indent():
                slots = [("_" + n) if d.is_co else n for n in fnames]
                o.line(f"__slots__ = ({''.join(repr(n) + ', ' for n in slots)})")
                o.line(f"_fields = ({''.join(repr(n) + ', ' for n in fnames)})")
                o.line(f"_name = {printed + '.' + c.name!r}")
                strs = [n for n, f in zip(fnames, fs) if self.is_string_type(f.type)]
                if strs:
                    o.line(f"_string_fields = frozenset({strs!r})")
                o.line("")
                live = [cf for cf in c.formals if not cf.is_ghost]
                self.start_function()
                params = "".join(
                    f", {n}=_rt.MISSING" if cf.default is not None else f", {n}"
                    for n, cf in zip(fnames, live))
                o.line(f"def __init__(self{params}):")
                with o.indent():
                    for n, cf in zip(fnames, live):
                        self.locals[id(cf)] = n
                    self._param_defaults = [(cf, n) for n, cf in zip(fnames, live)
                                            if cf.default is not None]
                    # (the resolver may leave references between constructor
                    # parameters unresolved: fall back to their names)
                    self.name_fallback = {cf.name: n for n, cf in zip(fnames, live)}
                    self.emit_param_defaults()
                    self.name_fallback = {}
                    for n in fnames:
                        o.line(f"self.{'_' if d.is_co else ''}{n} = {n}")
                    if not fnames:
                        o.line("pass")
                if d.is_co:
                    for n in fnames:
                        o.line("")
                        o.line("@property")
                        o.line(f"def {n}(self):")
                        with o.indent():
                            o.line(f"v = self._{n}")
                            o.line("if type(v) is _rt.Lazy:")
                            with o.indent():
                                o.line(f"v = self._{n} = v.force()")
                            o.line("return v")
            o.line("")
            o.line("")

    def newtype_decl(self, d: Any) -> None:
        for m in d.members:
            if isinstance(m, ast.Function):
                self.function_decl(m, module_level=True)
            elif isinstance(m, ast.Method):
                self.method_decl(m, module_level=True)

    # ------------------------------------------------------------------ members

    def params(self, formals: list[ast.Formal], receiver: str | None) -> str:
        names = [] if receiver is None else [receiver]
        defaults: list[tuple[ast.Formal, str]] = []
        for f in formals:
            if f.is_ghost:
                continue
            n = self.bind_local(f)
            if f.default is not None:
                defaults.append((f, n))
                names.append(f"{n}=_rt.MISSING")
            else:
                names.append(n)
        self._param_defaults = defaults
        return ", ".join(names)

    def emit_param_defaults(self) -> None:
        """Evaluate the default of each parameter left out by the caller (`_rt.MISSING`).
        A default may mention other parameters, even later ones (`w: int := x`), so they
        are evaluated in dependency order."""
        pending: list[tuple[ast.Formal, str]] = list(getattr(self, "_param_defaults", []))
        self._param_defaults = []
        while pending:
            ids = {id(f) for f, _ in pending}
            ready = [(f, n) for f, n in pending if f.default is not None
                     and not gen_bounds.mentions(f.default, ids - {id(f)})]
            if not ready:       # a cycle: the verifier rejects it; keep declaration order
                ready = pending[:1]
            for f, n in ready:
                assert f.default is not None
                self.out.line(f"if {n} is _rt.MISSING:")
                with self.out.indent():
                    self.out.line(f"{n} = {strip_parens(self.expr(f.default))}")
            pending = [p for p in pending if p not in ready]

    def def_header(self, decl: Any, formals: list[ast.Formal], module_level: bool) -> None:
        self.mark_decl(decl)
        owner = decl.owner
        newtype_member = isinstance(owner, (ast.NewtypeDecl, ast.TypeSynonymDecl))
        static = module_level and not newtype_member or decl.is_static
        if newtype_member and decl.is_static:
            static = True
        self.start_function()
        self.used.add("self")
        receiver = None if static else "self"
        params = self.params(formals, receiver)
        if not static:
            self.bind_class_tparams(owner)
        for tp in getattr(decl, "type_params", None) or []:
            if auto_init(tp):
                # the default value of T(0), passed by callers that know the instantiation
                name = tparam_default_name(tp)
                self.tparam_defaults[id(tp)] = name
                self.used.add(name)
                params += (", " if params else "") + f"{name}=None"
        if module_level:
            self.out.line(f"def {self.decl_name(decl)}({params}):")
        else:
            if static:
                self.out.line("@staticmethod")
            self.out.line(f"def {member_ident(decl.name)}({params}):")

    def function_decl(self, f: ast.Function, module_level: bool) -> None:
        if f.is_ghost or f.is_twostate or f.extreme:
            return
        ext = self.extern_binding(f)
        if ext is not None:
            self.bind_extern(f, ext, module_level)
            return
        if f.body is None:
            if attr(f, "extern") is not None or self.in_abstract or (
                    isinstance(f.owner, ast.ClassDecl) and f.owner.is_trait):
                return
            raise CompileError(f.span, f"function '{f.name}' has no body and cannot be "
                               "compiled")
        self.def_header(f, f.formals, module_level)
        with self.out.indent():
            self.emit_param_defaults()
            if gen_tailcalls.function_has_tail_call(f, f.body, self.is_type_or_module) \
                    and not any(x.default is not None for x in f.formals):
                # tail calls to itself become a loop (Dafny's compilers do the same), so
                # a tail-recursive function runs in constant stack
                self.tail_fn = f
                self.tail_params = [self.local_name(x) for x in f.formals if not x.is_ghost]
                self.out.line("while True:")
                with self.out.indent():
                    self.tail(f.body)
                self.tail_fn = None
            else:
                self.tail(f.body)
        if module_level:
            self.out.line("")
            self.out.line("")

    def bind_extern(self, decl: ast.Function | ast.Method, ext: str, module_level: bool) -> None:
        """Bind a body-less {:extern} member to its Python object. A static member of a
        class becomes a static method; an instance member receives the object first."""
        if module_level or isinstance(decl.owner, (ast.NewtypeDecl, ast.TypeSynonymDecl)):
            self.out.line(f"{self.decl_name(decl)} = {ext}")
        elif decl.is_static:
            self.out.line(f"{member_ident(decl.name)} = staticmethod({ext})")
        else:
            self.out.line(f"{member_ident(decl.name)} = {ext}")

    def emit_tail_jump(self, decl: ast.Function | ast.Method, call: ast.ApplyExpr) -> None:
        """`params = args; continue` (and `self = receiver` for another object)."""
        targets = list(self.tail_params)
        values = self.call_args(decl, call.args)
        c = call.callee
        if isinstance(c, ast.MemberSelect) and not isinstance(c.obj, ast.ThisExpr) \
                and not self.is_static_member(decl) and not self.is_type_or_module(c.obj):
            targets.insert(0, "self")
            values = self.expr(c.obj) + (", " + values if values else "")
        if targets:
            self.out.line(f"{', '.join(targets)} = {values}")
        self.out.line("continue")

    def tail(self, e: ast.Expr) -> None:
        """Statements that return the value of e (let/if/match become statements)."""
        o = self.out
        tf = self.tail_fn
        if tf is not None and gen_tailcalls.self_call(tf, e, self.is_type_or_module):
            assert isinstance(e, ast.ApplyExpr)
            self.emit_tail_jump(tf, e)
            return
        if isinstance(e, ast.StmtExpr):
            self.tail(e.body)
            return
        if isinstance(e, ast.ITEExpr):
            kw = "if"
            cur: ast.Expr = e
            while isinstance(cur, ast.ITEExpr):     # else-if chains stay flat (elif)
                o.line(f"{kw} {strip_parens(self.expr(cur.cond))}:")
                with o.indent():
                    self.tail(cur.then)
                kw = "elif"
                cur = cur.else_
                while isinstance(cur, ast.StmtExpr):
                    cur = cur.body
            o.line("else:")
            with o.indent():
                self.tail(cur)
            return
        if isinstance(e, ast.LetExpr) and not e.such_that:
            for p, rhs in zip(e.pats, e.rhss):
                if isinstance(p, ast.VarPattern) and p.is_ghost:
                    continue
                val = self.expr(rhs)
                if isinstance(p, ast.VarPattern) and p.ctor is None:
                    if p.name == "_":
                        continue
                    o.line(f"{self.bind_local(p.decl if p.decl is not None else p)} = "
                           f"{strip_parens(val)}")
                else:
                    tmp = self.fresh("_let")
                    o.line(f"{tmp} = {val}")
                    _, binds = self.pattern_test(p, tmp)
                    for n, v in binds:
                        o.line(f"{n} = {v}")
            self.tail(e.body)
            return
        if isinstance(e, ast.MatchExpr):
            subj = self.fresh("_src")
            o.line(f"{subj} = {self.expr(e.source)}")
            for i, c in enumerate(e.cases):
                conds, binds = self.pattern_test(c.pattern, subj)
                o.line(f"{'if' if i == 0 else 'elif'} {' and '.join(conds) if conds else 'True'}:")
                with o.indent():
                    for n, v in binds:
                        o.line(f"{n} = {v}")
                    self.tail(c.body)
            o.line("else:")
            with o.indent():
                o.line("_rt.match_failure()")
            return
        o.line(f"return {strip_parens(self.expr(e))}")

    def method_decl(self, m: ast.Method, module_level: bool) -> None:
        if m.kind != "method" and m.kind != "constructor":
            return
        if m.is_ghost:
            return
        ext = self.extern_binding(m)
        if ext is not None:
            self.bind_extern(m, ext, module_level)
            return
        if m.body is None:
            if attr(m, "extern") is not None or self.in_abstract or (
                    isinstance(m.owner, ast.ClassDecl) and m.owner.is_trait):
                return
            raise CompileError(m.span, f"method '{m.name}' has no body and cannot be "
                               "compiled")
        is_ctor = m.kind == "constructor"
        if is_ctor:
            self.mark_decl(m)
            self.start_function()
            self.used.add("self")
            params = self.params(m.ins, "self")
            self.bind_class_tparams(m.owner)
            cname = member_ident(m.name) if m.name not in ("", "_ctor") else "_ctor"
            self.out.line(f"def {cname}({params}):")
        else:
            self.def_header(m, m.ins, module_level)
        self.in_ctor = is_ctor
        with self.out.indent():
            self.emit_param_defaults()
            outs = [f for f in m.outs if not f.is_ghost]
            self.outs = [self.bind_local(f) for f in outs]
            if is_ctor:
                self.outs = []
            tail_calls = set() if is_ctor or any(x.default is not None for x in m.ins) \
                else gen_tailcalls.method_tail_calls(m, self.is_type_or_module)
            if tail_calls:
                # self calls in tail position jump back to the top (constant stack)
                self.tail_method, self.tail_call_stmts = m, tail_calls
                self.tail_params = [self.local_name(x) for x in m.ins if not x.is_ghost]
                self.out.line("while True:")
                self.out.depth += 1
            for f, n in zip(outs, self.outs):
                self.out.line(f"{n} = {self.default_value(f.type)}")
            for s in m.body.stmts:
                self.stmt(s)
            self.out.line(self.return_outs())
            if tail_calls:
                self.out.depth -= 1
                self.tail_method, self.tail_call_stmts = None, set()
        self.in_ctor = False
        if module_level:
            self.out.line("")
            self.out.line("")

    def mark_decl(self, decl: Any) -> None:
        """`# FILE.dfy:LINE kind name` above a generated definition."""
        if decl.span.file is not None:
            kind = getattr(decl, "kind", type(decl).__name__.replace("Decl", "").lower())
            self.out.line(f"# {self.source_name}:{decl.span.line} {kind} {decl.name}")

    def return_outs(self) -> str:
        if self.in_ctor:
            return "return self"
        return StmtMixin.return_outs(self)

    def iterator_decl(self, d: ast.IteratorDecl) -> None:
        """An iterator is a class whose body runs as a Python generator: `MoveNext()`
        resumes it up to the next `yield` (True) or to its end (False); the yield
        parameters are fields of the object, read by the caller between steps."""
        o = self.out
        name = self.decl_name(d)
        ins = [f for f in d.ins if not f.is_ghost]
        outs = [f for f in d.outs if not f.is_ghost]
        o.line(f"class {name}(_rt.DafnyObject):")
        with o.indent():
            o.line(f"_dafny_name = {self.printed_name(d, '_module')!r}")
            o.line("")
            self.start_function()
            self.used.add("self")
            params = ", ".join(["self"] + [self.bind_local(f) for f in ins])
            o.line(f"def __init__({params}):")
            with o.indent():
                o.line("super().__init__()")
                for f in ins:
                    o.line(f"self.{member_ident(f.name)} = {self.local_name(f)}")
                for f in outs:
                    o.line(f"self.{member_ident(f.name)} = {self.default_value(f.type)}")
                o.line("self._steps = self._run()")
            o.line("")
            o.line("def MoveNext(self):")
            with o.indent():
                o.line("try:")
                with o.indent():
                    o.line("next(self._steps)")
                    o.line("return True")
                o.line("except StopIteration:")
                with o.indent():
                    o.line("return False")
            o.line("")
            self.start_function()
            self.used.add("self")
            o.line("def _run(self):")
            with o.indent():
                for f in ins:
                    o.line(f"{self.bind_local(f)} = self.{member_ident(f.name)}")
                for f in outs:
                    # the yield parameters live on the object, where the caller sees them
                    self.locals[id(f)] = f"self.{member_ident(f.name)}"
                self.iterator_outs = [f"self.{member_ident(f.name)}" for f in outs]
                self.outs = []
                self.in_iterator = True
                if d.body is not None:
                    for s in d.body.stmts:
                        self.stmt(s)
                self.in_iterator = False
                o.line("return")
                o.line("yield  # (makes this a generator even without a yield)")
        o.line("")
        o.line("")

    def ordered_finals(self) -> list[str]:
        """The constant assignments, each after those its initializer needs (directly or
        through the functions it calls); source order otherwise."""
        fields = {id(f): f for f, _ in self.finals}
        memo: dict[int, set[int]] = {}

        def deps(node: Any, seen: set[int]) -> set[int]:
            out: set[int] = set()
            stack: list[Any] = [node]
            while stack:
                n = stack.pop()
                d = getattr(n, "decl", None) if isinstance(n, (ast.NameExpr,
                                                              ast.MemberSelect)) else None
                if isinstance(n, ast.ApplyExpr):
                    d = n.decl
                if d is not None and id(d) in fields:
                    out.add(id(d))
                elif isinstance(d, ast.Function) and d.body is not None and id(d) not in seen:
                    seen.add(id(d))
                    if id(d) not in memo:
                        memo[id(d)] = deps(d.body, seen)
                    out |= memo[id(d)]
                stack.extend(ast.children(n))
            return out

        need = {id(f): (deps(f.init, set()) - {id(f)}) if f.init is not None else set()
                for f, _ in self.finals}
        done: set[int] = set()
        order: list[str] = []
        pending = list(self.finals)
        while pending:
            ready = [(f, ln) for f, ln in pending if need[id(f)] <= done]
            if not ready:          # a cycle (the resolver rejects those): source order
                ready = pending[:1]
            for f, ln in ready:
                order.append(ln)
                done.add(id(f))
            pending = [p for p in pending if id(p[0]) not in done]
        return order

    def module_const(self, f: ast.Field) -> None:
        if f.is_ghost:
            return
        self.start_function()
        val = self.expr(f.init) if f.init is not None else self.default_value(f.type)
        self.finals.append((f, f"{self.decl_name(f)} = {val}"))


def compile_program(program: ast.Program, source_name: str,
                    extern_paths: list[str] | None = None) -> GeneratedModule:
    """Compile a resolved program to Python source (see the module docstring)."""
    return PythonGen(program, source_name, extern_paths).generate()

