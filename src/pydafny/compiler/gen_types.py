"""Type-directed helpers of the Python code generator: default values of types, and
predicates the expression compiler needs (is this a string, a bitvector of which width,
a reference type...). Mixed into `PythonGen`."""

from __future__ import annotations

from ..semantics import builtins as B
from ..semantics import types as T
from ..syntax import ast
from .gen_base import GenBase


class TypeMixin(GenBase):

    @staticmethod
    def base(t: ast.Type | None) -> ast.Type:
        if t is None:
            return ast.InferredType()
        return T.base_type(t)

    def family(self, t: ast.Type | None) -> str:
        if t is None:
            return "?"
        return T.family(t)

    def is_string_type(self, t: ast.Type | None) -> bool:
        b = self.base(t)
        return isinstance(b, ast.SeqType) and isinstance(self.base(b.elem), ast.CharType)

    def bv_width(self, t: ast.Type | None) -> int | None:
        b = self.base(t)
        return b.width if isinstance(b, ast.BitvectorType) else None

    def is_ref(self, t: ast.Type | None) -> bool:
        return t is not None and self.family(t) == "ref"

    def array_dims(self, t: ast.Type | None) -> int | None:
        if t is None:
            return None
        cd = T.class_decl(t)
        return B.array_dims(cd) if cd is not None else None

    def default_value(self, t: ast.Type | None, depth: int = 0) -> str:
        """A Python expression for the default value Dafny gives a variable of type t."""
        if t is None or depth > 8:
            return "None"
        n = T.normalize(t)
        if isinstance(n, ast.UserType):
            d = n.decl
            if isinstance(d, ast.TypeParam):
                return self.tparam_defaults.get(id(d), "None")
            if isinstance(d, (ast.SubsetTypeDecl, ast.NewtypeDecl)) and d is not B.NAT:
                if d.witness is not None and d.witness_kind in ("", "witness"):
                    return self.expr(d.witness)
                base = d.base
                return self.default_value(base, depth + 1)
            if isinstance(d, ast.DatatypeDecl):
                for ctor in d.ctors:
                    if all(getattr(T.normalize(f.type), "decl", None) is not d
                           for f in ctor.formals):
                        args = ", ".join(self.default_value(f.type, depth + 1)
                                         for f in ctor.formals if not f.is_ghost)
                        return f"{self.ctor_class(ctor)}({args})"
                return "None"
        b = self.base(t)
        if isinstance(b, (ast.IntType, ast.BitvectorType, ast.OrdinalType)):
            return "0"
        if isinstance(b, ast.RealType):
            return "_Fraction(0)"
        if isinstance(b, ast.BoolType):
            return "False"
        if isinstance(b, ast.CharType):
            return "'D'"
        if isinstance(b, ast.SeqType):
            return "_rt.EMPTY_SEQ"
        if isinstance(b, ast.SetType):
            return "_rt.EMPTY_SET"
        if isinstance(b, ast.MultisetType):
            return "_rt.MultiSet()"
        if isinstance(b, ast.MapType):
            return "_rt.EMPTY_MAP"
        if isinstance(b, ast.TupleType):
            parts = [self.default_value(x, depth + 1) for x in b.elems]
            return "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"
        return "None"
