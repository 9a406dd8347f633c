"""Names, qualified names, member selection and calls.

`MemberResolver` resolves what a name means where it is used as a value (`NameExpr`),
dotted names (`M.x`, `D.Ctor`, `C.staticMethod`, `obj.field`, `d.Ctor?`, `d.dtor`,
`m.Keys`, `t.0`, ...), and applications (`f(x)`: function, method, lemma, datatype
constructor or a value of arrow type), with argument binding and the type arguments of
generic callees. Names are looked up innermost first: locals and bound variables, members
of the enclosing type (implicit `this`), then the module (its members, datatype
constructors, types and modules, the refined module, opened imports, and leniently
enclosing modules).
"""

from __future__ import annotations

from typing import Any

from ..syntax import ast
from . import builtins as B
from .context import ResolverBase
from .scopes import AMBIGUOUS, ModuleInfo
from .types import (
    TypeVar,
    family,
    normalize,
    prune,
    strip_subset,
    subst_map,
    substitute,
    type_to_str,
)

Type = ast.Type
BOOL = ast.BoolType()
INT = ast.IntType()

LOGIC_OPS = ("<==>", "==>", "<==", "&&", "||")
CMP_OPS = ("<", "<=", ">", ">=")



class Prefix:
    """What a name or dotted prefix denotes when it is not a value."""
    __slots__ = ("decl", "kind", "module")

    def __init__(self, kind: str, module: ModuleInfo | None = None, decl: Any = None):
        self.kind = kind        # 'module' or 'type'
        self.module = module
        self.decl = decl


class MemberResolver(ResolverBase):
    def implicit_this(self, e: ast.Expr, d: Any) -> None:
        """A bare name for an instance member needs `this`: not in a static context."""
        if (self.is_static and isinstance(d, (ast.Field, ast.Function, ast.Method))
                and not d.is_static and not isinstance(d.owner, ast.ModuleDecl)
                and d.owner is not None and not (isinstance(d, ast.Method)
                                                 and d.kind == "constructor")):
            self.error(e.span, "'this' is not allowed in a 'static' context")

    def e_ThisExpr(self, e: ast.ThisExpr, exp: Type | None) -> Type:
        t = self.this_type()
        if t is not None and self.is_static:
            self.error(e.span, "'this' is not allowed in a 'static' context")
        if t is None:
            self.error(e.span, "'this' is not allowed in a 'static' context")
            return self.fresh()
        return t

    def e_WildcardExpr(self, e: ast.WildcardExpr, exp: Type | None) -> Type:
        return ast.SetType(ast.ObjectType(nullable=True))

    # ------------------------------------------------------------------ names
    def lookup_value_name(self, name: str) -> Any:
        """A local/bound variable, member of the enclosing type, or module-level name."""
        d = self.locals.lookup(name)
        if d is not None:
            return d
        if self.cur_type is not None:
            tab = self.tables.get(id(self.cur_type))
            if tab is not None:
                d = tab.lookup(name)
                if d is not None:
                    return d
        tp = self.lookup_type_param(name)
        if tp is not None:
            return tp
        return self.lookup_module_name(name, "any")

    def var_type(self, d: Any) -> Type:
        t = getattr(d, "type", None)
        if t is None:
            return self.fresh()
        if isinstance(t, ast.InferredType) and t.resolved is None and not isinstance(t, TypeVar):
            v = self.fresh()
            t.resolved = v
            return v
        result: Type = t
        return result

    def prefix_depth(self, e: ast.NameExpr | ast.MemberSelect) -> None:
        if e.prefix_depth is not None:
            t = self.expr(e.prefix_depth, ast.OrdinalType())
            f = family(t)
            if f == "?":
                self.unify(t, ast.OrdinalType())

    def e_NameExpr(self, e: ast.NameExpr, exp: Type | None) -> Type:
        self.prefix_depth(e)
        if e.name.endswith("?") and isinstance(self.cur_type, ast.DatatypeDecl):
            # `C?` in a datatype member: the discriminator applied to `this`
            tab = self.tables.get(id(self.cur_type))
            c = tab.ctors.get(e.name[:-1]) if tab else None
            if c is not None and self.locals.lookup(e.name) is None:
                e.decl = c
                if self.is_static:
                    self.error(e.span, "'this' is not allowed in a 'static' context")
                return ast.BoolType()
        d = self.lookup_value_name(e.name)
        if d is None:
            self.error(e.span, f"unresolved identifier: {e.name}")
            return self.fresh()
        if d is AMBIGUOUS:
            self.error(e.span, f"the name '{e.name}' denotes a datatype constructor, but does "
                               f"not do so uniquely; add an explicit qualification")
            return self.fresh()
        self.implicit_this(e, d)
        return self.value_of_decl(e, d, None, exp)

    def value_of_decl(self, e: ast.NameExpr | ast.MemberSelect, d: Any,
                      recv: Type | None, exp: Type | None) -> Type:
        """The type of a name/member used as a value; sets e.decl."""
        if isinstance(d, ModuleInfo):
            e.decl = d.decl
            self.error(e.span, f"name of module ({d.decl.name}) is used as a variable")
            return self.fresh()
        e.decl = d
        if isinstance(d, (ast.LocalVar, ast.Formal, ast.BoundVar)):
            owner_sub = {}
            if isinstance(d, ast.Formal) and recv is not None:
                owner_sub = self.destructor_subst(d, recv)
            return self.subst(self.var_type(d), owner_sub)
        if isinstance(d, ast.Field):
            owner = d.owner
            return self.subst(self.var_type(d), self.member_type_subst(owner, recv))
        if isinstance(d, ast.Function):
            sub = dict(self.member_type_subst(d.owner, recv))
            targs = self.explicit_type_args(e, d.type_params)
            sub.update(subst_map(d.type_params, targs))
            args = [self.subst(f.type, sub) for f in d.formals]
            res = self.subst(d.result_type, sub)
            # as in Dafny: a function reading the heap is a `~>`, one with a precondition
            # a partial `-->`, any other a total `->`
            arrow = "~>" if d.reads else "-->" if d.requires else "->"
            return ast.ArrowType(args, res, arrow)
        if isinstance(d, ast.DatatypeCtor):
            dt = d.owner
            targs = [self.fresh() for _ in dt.type_params]
            dtt = ast.UserType([dt.name], targs, decl=dt)
            if exp is not None:
                self.unify(exp, dtt)
            if not d.formals:
                return dtt
            sub = subst_map(dt.type_params, targs)
            return ast.ArrowType([self.subst(f.type, sub) for f in d.formals], dtt, "->")
        if isinstance(d, ast.Method):
            self.error(e.span, f"expression is not allowed to invoke a method ({d.name})"
                       if d.kind == "method" else
                       f"{d.kind} '{d.name}' used as a value; it can only be called")
            return self.fresh()
        if isinstance(d, (ast.TypeParam,) + tuple(x for x in (
                ast.ClassDecl, ast.DatatypeDecl, ast.NewtypeDecl, ast.SubsetTypeDecl,
                ast.TypeSynonymDecl, ast.IteratorDecl))):
            self.error(e.span, f"name of type ({getattr(d, 'name', '?')}) is used as a "
                               f"variable")
            return self.fresh()
        if isinstance(d, B.BuiltinMember):
            return self.fresh()
        return self.fresh()

    def explicit_type_args(self, e: Any, tps: list[ast.TypeParam]) -> list[Type]:
        given = getattr(e, "type_args", None)
        if given and len(given) == len(tps):
            return [self.resolve_type(t) for t in given]
        return [self.fresh() for _ in tps]

    def destructor_subst(self, f: ast.Formal, recv: Type) -> dict[int, Type]:
        r = strip_subset(recv)
        if isinstance(r, ast.UserType) and isinstance(r.decl, ast.DatatypeDecl):
            return subst_map(r.decl.type_params, r.args)
        return {}

    # ------------------------------------------------------------------ prefixes
    def prefix(self, e: ast.Expr) -> Prefix | None:
        """If e denotes a module or a type (a qualifier), say which; else None."""
        if isinstance(e, ast.NameExpr):
            if self.locals.lookup(e.name) is not None:
                return None
            if self.cur_type is not None:
                tab = self.tables.get(id(self.cur_type))
                if tab is not None and tab.lookup(e.name) is not None:
                    return None
            tp = self.lookup_type_param(e.name)
            if tp is not None:
                e.decl = tp
                return Prefix("type", decl=tp)
            d = self.lookup_module_name(e.name, "type")
            if d is None:
                d = self.lookup_module_name(e.name, "module")
            if d is None:
                d = self.lookup_module_name(e.name, "any")
            if isinstance(d, ModuleInfo):
                e.decl = d.decl
                return Prefix("module", module=d)
            if isinstance(d, (ast.ClassDecl, ast.DatatypeDecl, ast.NewtypeDecl,
                              ast.SubsetTypeDecl, ast.TypeSynonymDecl, ast.IteratorDecl)):
                e.decl = d
                if e.type_args:
                    for ta in e.type_args:
                        self.resolve_type(ta)
                return Prefix("type", decl=d)
            if d is None:
                bd = B.builtin_type_decl(e.name, 0)
                if bd is not None:
                    e.decl = bd
                    return Prefix("type", decl=bd)
            return None
        if isinstance(e, ast.MemberSelect):
            p = self.prefix(e.obj)
            if p is None or p.kind != "module" or p.module is None:
                return None
            d = self.module_member(p.module, e.name)
            if isinstance(d, ModuleInfo):
                e.decl = d.decl
                return Prefix("module", module=d)
            if isinstance(d, (ast.ClassDecl, ast.DatatypeDecl, ast.NewtypeDecl,
                              ast.SubsetTypeDecl, ast.TypeSynonymDecl, ast.IteratorDecl)):
                e.decl = d
                return Prefix("type", decl=d)
        return None

    def module_member(self, m: ModuleInfo, name: str) -> Any:
        d = m.own(name)
        if d is None:
            for o in m.opened:
                d = o.own(name)
                if d is not None:
                    break
        if isinstance(d, (ast.ImportDecl, ast.ModuleDecl)):
            return self.module_of(d)
        return d

    # ------------------------------------------------------------------ member selection
    def lookup_member_of_type(self, t: Type | None, name: str) -> Any:
        if t is None:
            return None
        n = normalize(t)
        for _ in range(20):
            if isinstance(n, ast.UserType) and isinstance(n.decl, ast.SubsetTypeDecl):
                n = normalize(substitute(n.decl.base, subst_map(n.decl.type_params, n.args)))
            else:
                break
        if isinstance(n, ast.ObjectType):
            return None
        if isinstance(n, ast.UserType):
            d = n.decl
            if isinstance(d, ast.TypeParam):
                return None
            tab = self.tables.get(id(d))
            if tab is not None:
                r = tab.lookup(name)
                if r is not None:
                    return r
            dims = B.array_dims(d)
            if dims is not None:
                for m in d.members:
                    if getattr(m, "name", None) == name:
                        return m
            if isinstance(d, ast.NewtypeDecl):
                return self.builtin_member(d.base, name)
            return None
        return self.builtin_member(n, name)

    def builtin_member(self, t: Type, name: str) -> Any:
        n = strip_subset(t)
        if isinstance(n, ast.MapType):
            return {"Keys": B.MAP_KEYS, "Values": B.MAP_VALUES, "Items": B.MAP_ITEMS}.get(name)
        if isinstance(n, ast.RealType) and name == "Floor":
            return B.REAL_FLOOR
        if isinstance(n, ast.ArrowType):
            return {"requires": B.ARROW_REQUIRES, "reads": B.ARROW_READS}.get(name)
        if isinstance(n, ast.TupleType) and name.isdigit():
            return B.tuple_member(int(name)) if int(name) < len(n.elems) else None
        if isinstance(n, ast.OrdinalType):
            return {"IsLimit": B.ORD_IS_LIMIT, "IsSucc": B.ORD_IS_SUCC,
                    "Offset": B.ORD_OFFSET, "IsNat": B.ORD_IS_NAT}.get(name)
        if isinstance(n, ast.BitvectorType):
            return {"RotateLeft": B.BV_ROTATE_LEFT, "RotateRight": B.BV_ROTATE_RIGHT}.get(name)
        if isinstance(n, ast.UserType) and isinstance(n.decl, ast.NewtypeDecl):
            return self.builtin_member(n.decl.base, name)
        return None

    def builtin_member_type(self, m: B.BuiltinMember, recv: Type) -> Type:
        n = strip_subset(recv)
        if isinstance(n, ast.UserType) and isinstance(n.decl, ast.NewtypeDecl):
            n = strip_subset(n.decl.base)
        if isinstance(n, ast.MapType):
            if m is B.MAP_KEYS:
                return ast.SetType(n.key, n.finite)
            if m is B.MAP_VALUES:
                return ast.SetType(n.value, n.finite)
            return ast.SetType(ast.TupleType([n.key, n.value]), n.finite)
        if m is B.REAL_FLOOR:
            return ast.IntType()
        if isinstance(n, ast.ArrowType):
            if m is B.ARROW_REQUIRES:
                return ast.ArrowType(n.args, ast.BoolType(), "->")
            return ast.ArrowType(n.args, ast.SetType(ast.ObjectType(nullable=True)), "->")
        if isinstance(n, ast.TupleType):
            return n.elems[m.index]
        if m is B.ORD_OFFSET:
            return ast.IntType()
        if m.owner_kind == "ordinal":
            return ast.BoolType()
        if m.owner_kind == "bv":
            return ast.ArrowType([ast.IntType()], recv, "->")
        return self.fresh()

    def type_desc(self, t: Type | None) -> str:
        if t is None:
            return "this context"
        n = strip_subset(t)
        if isinstance(n, ast.UserType) and n.decl is not None and not isinstance(
                n.decl, ast.TypeParam):
            return f"{self.kind_name(n.decl)} '{n.path[-1].rstrip('?')}'"
        return f"type '{type_to_str(t)}'"

    def e_MemberSelect(self, e: ast.MemberSelect, exp: Type | None) -> Type:
        self.prefix_depth(e)
        p = self.prefix(e.obj)
        if p is not None:
            return self.static_member(e, p, exp)
        recv = self.expr(e.obj)
        return self.select_on_value(e, recv, exp)

    def static_member(self, e: ast.MemberSelect, p: Prefix, exp: Type | None) -> Type:
        e.obj.type = None
        if p.kind == "module":
            assert p.module is not None
            d = self.module_member(p.module, e.name)
            if d is None:
                self.error(e.span, f"module '{p.module.decl.name}' does not declare a member "
                                   f"'{e.name}'")
                return self.fresh()
            if d is AMBIGUOUS:
                self.error(e.span, f"the name '{e.name}' is ambiguous in module "
                                   f"'{p.module.decl.name}'")
                return self.fresh()
            return self.value_of_decl(e, d, None, exp)
        decl = p.decl
        name = e.name
        tab = self.tables.get(id(decl))
        d = tab.lookup(name) if tab is not None else None
        if d is None and isinstance(decl, ast.DatatypeDecl) and name.endswith("?"):
            d = None
        if d is None:
            self.error(e.span, f"member '{name}' does not exist in "
                               f"{self.kind_name(decl)} '{getattr(decl, 'name', '?')}'")
            return self.fresh()
        return self.value_of_decl(e, d, None, exp)

    def select_on_value(self, e: ast.MemberSelect, recv: Type, exp: Type | None) -> Type:
        name = e.name
        n = strip_subset(recv)
        if isinstance(n, ast.InferredType):
            # the receiver's type may be determined later in the member: retry then
            result = self.fresh()
            self.deferred.append((e, recv, result))
            return result
        if name.endswith("?") and isinstance(n, ast.UserType) and isinstance(
                n.decl, ast.DatatypeDecl):
            tab = self.tables.get(id(n.decl))
            c = tab.ctors.get(name[:-1]) if tab else None
            if c is None:
                self.error(e.span, f"member '{name}' does not exist in datatype "
                                   f"'{n.decl.name}'")
            e.decl = c
            return ast.BoolType()
        d = self.lookup_member_of_type(recv, name)
        if d is None:
            self.error(e.span, f"member '{name}' does not exist in {self.type_desc(recv)}")
            return self.fresh()
        if isinstance(d, B.BuiltinMember):
            e.decl = d
            return self.builtin_member_type(d, recv)
        if isinstance(d, ast.Formal):
            e.decl = d
            return self.subst(d.type, self.destructor_subst(d, recv))
        if isinstance(d, ast.DatatypeCtor):
            return self.value_of_decl(e, d, recv, exp)
        if isinstance(d, (ast.Field, ast.Function, ast.Method)):
            return self.value_of_decl(e, d, self.owner_view(recv, d.owner), exp)
        return self.value_of_decl(e, d, recv, exp)

    def owner_view(self, recv: Type, owner: Any) -> Type:
        """The receiver type seen as its ancestor `owner` (for inherited members)."""
        n = strip_subset(recv)
        if isinstance(n, ast.UserType) and n.decl is not owner and owner is not None:
            d = n.decl
            sub = subst_map(getattr(d, "type_params", []), n.args)
            for p in getattr(d, "extends", []) or []:
                pp = prune(p)
                if isinstance(pp, ast.UserType) and pp.decl is owner:
                    return substitute(pp, sub)
        return recv

    # ------------------------------------------------------------------ application
    def callee_info(self, c: ast.Expr) -> tuple[Any, Type | None]:
        """(decl, receiver type) for a callee that names a declaration, else (None, None)
        after resolving it as a value."""
        if isinstance(c, ast.NameExpr):
            d = self.lookup_value_name(c.name)
            if isinstance(d, (ast.Function, ast.Method, ast.DatatypeCtor)):
                self.prefix_depth(c)
                self.implicit_this(c, d)
                c.decl = d
                return d, None
            return None, None
        if isinstance(c, ast.MemberSelect):
            self.prefix_depth(c)
            p = self.prefix(c.obj)
            if p is not None:
                c.obj.type = None
                if p.kind == "module" and p.module is not None:
                    d = self.module_member(p.module, c.name)
                else:
                    tab = self.tables.get(id(p.decl))
                    d = tab.lookup(c.name) if tab is not None else None
                if isinstance(d, (ast.Function, ast.Method, ast.DatatypeCtor)):
                    c.decl = d
                    return d, None
                return None, None
            recv = self.expr(c.obj)
            d = self.lookup_member_of_type(recv, c.name)
            if isinstance(d, (ast.Function, ast.Method)):
                c.decl = d
                return d, self.owner_view(recv, d.owner)
            if isinstance(d, ast.DatatypeCtor):
                c.decl = d
                return d, None
            return "value", recv
        return None, None

    def e_ApplyExpr(self, e: ast.ApplyExpr, exp: Type | None) -> Type:
        allow_method = self.cur_allow
        self.cur_allow = False
        d, recv = self.callee_info(e.callee)
        if d == "value":
            assert isinstance(e.callee, ast.MemberSelect) and recv is not None
            ct = self.select_on_value(e.callee, recv, None)
            e.callee.type = ct
            self.pending_exprs.append(e.callee)
            return self.apply_value(e, ct)
        if isinstance(d, ast.Function):
            return self.call_function(e, d, recv)
        if isinstance(d, ast.Method):
            return self.call_method(e, d, recv, allow_method)
        if isinstance(d, ast.DatatypeCtor):
            return self.call_ctor(e, d, exp)
        ct = self.expr(e.callee)
        return self.apply_value(e, ct)

    def callee_mark(self, e: ast.ApplyExpr, t: Type) -> None:
        e.callee.type = t
        self.pending_exprs.append(e.callee)

    def bind_args(self, e: ast.ApplyExpr, what: str, name: str,
                  formals: list[ast.Formal], ftypes: list[Type]) -> None:
        """Match actual arguments to formals (positional, then named), check types."""
        n_pos = sum(1 for b in e.args if b.name is None)
        fidx = {f.name: i for i, f in enumerate(formals)}
        bound = set(range(n_pos)) | {fidx[b.name] for b in e.args
                                     if b.name is not None and b.name in fidx}
        missing = [i for i, f in enumerate(formals) if i not in bound and f.default is None]
        unknown = [b for b in e.args if b.name is not None and b.name not in fidx]
        if unknown:
            for b in unknown:
                self.error(b.span, f"the binding named '{b.name}' does not correspond to "
                                   f"any formal parameter")
            for b in e.args:
                self.expr(b.expr)
            return
        if n_pos > len(formals) or missing:
            sig = ", ".join(f"{f.name}: {type_to_str(t)}" for f, t in zip(formals, ftypes))
            self.error(e.span, f"wrong number of arguments (got {len(e.args)}, but {what} "
                               f"'{name}' expects {len(formals)}: ({sig}))")
            for b in e.args:
                self.expr(b.expr)
            return
        fnames = {f.name: i for i, f in enumerate(formals)}
        for i, b in enumerate(e.args):
            if b.name is None:
                idx = i
            else:
                idx = fnames.get(b.name, -1)
                if idx < 0:
                    self.error(b.span, f"the binding named '{b.name}' does not correspond "
                                       f"to any formal parameter")
                    self.expr(b.expr)
                    continue
            ft = ftypes[idx]
            at = self.expr(b.expr, ft)
            self.check_assignable(ft, at, b.expr.span,
                                  "incorrect argument type for " + what + " parameter '"
                                  + formals[idx].name + "' (expected {dst}, found {src})")

    def call_function(self, e: ast.ApplyExpr, d: ast.Function, recv: Type | None) -> Type:
        e.kind = "function"
        e.decl = d
        sub = dict(self.member_type_subst(d.owner, recv)) if recv is not None else {}
        targs = self.explicit_type_args(e.callee, d.type_params)
        e.inst = targs
        sub.update(subst_map(d.type_params, targs))
        ftypes = [self.subst(f.type, sub) for f in d.formals]
        res = self.subst(d.result_type, sub)
        self.callee_mark(e, ast.ArrowType(ftypes, res, "->"))
        self.bind_args(e, "function", d.name, d.formals, ftypes)
        return res

    def call_method(self, e: ast.ApplyExpr, d: ast.Method, recv: Type | None,
                    allow: bool) -> Type:
        e.kind = "lemma" if "lemma" in d.kind else "method"
        e.decl = d
        if not allow:
            if e.kind == "lemma":
                self.error(e.span, f"lemma '{d.name}' can only be called as a statement "
                                   f"(a lemma call is not allowed in an expression)")
            else:
                self.error(e.span, f"expression is not allowed to invoke a method ({d.name})")
        sub = dict(self.member_type_subst(d.owner, recv)) if recv is not None else {}
        targs = self.explicit_type_args(e.callee, d.type_params)
        e.inst = targs
        sub.update(subst_map(d.type_params, targs))
        ftypes = [self.subst(f.type, sub) for f in d.ins]
        outs = [self.subst(f.type, sub) for f in d.outs]
        res: Type = outs[0] if len(outs) == 1 else ast.TupleType(outs)
        self.callee_mark(e, ast.ArrowType(ftypes, res, "->"))
        self.bind_args(e, d.kind if d.kind != "constructor" else "constructor", d.name,
                       d.ins, ftypes)
        return res

    def call_ctor(self, e: ast.ApplyExpr, d: ast.DatatypeCtor, exp: Type | None) -> Type:
        e.kind = "ctor"
        e.decl = d
        dt = d.owner
        targs = [self.fresh() for _ in dt.type_params]
        e.inst = targs
        dtt = ast.UserType([dt.name], targs, decl=dt)
        if exp is not None:
            self.unify(exp, dtt)
        sub = subst_map(dt.type_params, targs)
        ftypes = [self.subst(f.type, sub) for f in d.formals]
        self.callee_mark(e, ast.ArrowType(ftypes, dtt, "->"))
        self.bind_args(e, "datatype constructor", d.name, d.formals, ftypes)
        return dtt

    def apply_value(self, e: ast.ApplyExpr, ct: Type) -> Type:
        e.kind = "lambda"
        n = strip_subset(ct)
        if isinstance(n, ast.InferredType):
            args = [self.fresh() for _ in e.args]
            res = self.fresh()
            self.unify(n, ast.ArrowType(args, res, "->"))
            n = strip_subset(ct)
        if not isinstance(n, ast.ArrowType):
            self.error(e.span, f"non-function expression (of type {type_to_str(ct)}) is "
                               f"called with parameters")
            for b in e.args:
                self.expr(b.expr)
            return self.fresh()
        if len(n.args) != len(e.args):
            self.error(e.span, f"wrong number of arguments to function application "
                               f"(function type '{type_to_str(n)}' expects {len(n.args)}, "
                               f"got {len(e.args)})")
            for b in e.args:
                self.expr(b.expr)
            return n.result
        for b, at in zip(e.args, n.args):
            t = self.expr(b.expr, at)
            self.check_assignable(at, t, b.expr.span,
                                  "type mismatch for argument (function expects {dst}, "
                                  "got {src})")
        return n.result

