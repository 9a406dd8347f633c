"""Parsing of Dafny declarations: modules, imports, exports, classes, traits, datatypes,
newtypes, subset types, type synonyms, opaque types, iterators, methods, lemmas,
constructors, functions, predicates and fields.

Modifiers (`ghost`, `static`, `opaque`, `abstract`, `replaceable`, `twostate`, `least`,
`greatest`) and prefix attributes are collected first and applied to the declaration
that follows. Dafny 4 meaning: `function`/`predicate` are compiled, `ghost function` is
ghost; the older `function method`/`predicate method` spellings are accepted as
compiled; `least`/`greatest`/`twostate` functions are ghost. `inductive` is the old name
of `least`, `copredicate`/`colemma` of `greatest predicate`/`greatest lemma`.
After an error, `parse_decls` resumes at the next declaration keyword.
"""

from __future__ import annotations

from . import ast
from .parse_base import DECL_START, ParseError
from .parse_stmts import StmtParser
from .tokens import EOF, IDENT, STRING, VSTRING, Token

_MODIFIER_KW = ("ghost", "static", "abstract", "twostate")
_MODIFIER_WORDS = ("least", "greatest", "inductive", "replaceable")
_SYNC = DECL_START | {"least", "greatest", "inductive", "copredicate", "colemma"}


class DeclParser(StmtParser):
    """Declarations and the file level."""

    includes: list[ast.Include]
    in_members: bool

    # ------------------------------------------------------------------ declaration lists
    def parse_decls(self, top: bool, members: bool = False) -> list[ast.Decl]:
        """Declarations up to `}` (nested) or end of file (top); `members` for the body
        of a class, trait or other type (where mutable fields are allowed)."""
        saved = getattr(self, "in_members", False)
        self.in_members = members
        try:
            return self._parse_decl_list(top)
        finally:
            self.in_members = saved

    def _parse_decl_list(self, top: bool) -> list[ast.Decl]:
        decls: list[ast.Decl] = []
        level = self.brace_depth(self.i)
        while True:
            k = self.tok.kind
            if k == EOF:
                return decls
            if k == "}":
                if not top:
                    return decls
                self.report("this symbol not expected in Dafny")
                self.next()
                continue
            index = self.i
            try:
                decls.extend(self.parse_decl(top))
            except ParseError:
                self.sync_to(_SYNC, index, semi=False, level=level)

    def parse_decl(self, top: bool) -> list[ast.Decl]:
        start = self.tok
        attrs = self.parse_attributes()
        mods: set[str] = set()
        while True:
            t = self.tok
            if t.kind in _MODIFIER_KW:
                mods.add(self.next().kind)
            elif t.kind == IDENT and t.text in _MODIFIER_WORDS and \
                    self.peek().kind in ("predicate", "lemma", "module", "function"):
                word = self.next().text
                mods.add("least" if word == "inductive" else word)
            elif t.kind == IDENT and t.text == "opaque" and (
                    self.peek().kind in DECL_START or self.peek().text in _MODIFIER_WORDS):
                self.next()
                mods.add("opaque")
            else:
                break
        k = self.tok.kind
        if k == "include":
            if not top or mods or attrs:
                self.fail("include directives are allowed only at the top of a file")
            self.parse_include()
            return []
        handler = _DECL.get(k)
        if handler is None and self.tok.kind == IDENT:
            if self.tok.text == "copredicate":
                mods.add("greatest")
                handler = DeclParser.parse_function
            elif self.tok.text == "colemma":
                mods.add("greatest")
                handler = DeclParser.parse_method
        if handler is None:
            if mods or attrs:
                self.fail("invalid declaration")
            self.fail("this symbol not expected in Dafny")
        return handler(self, start, mods, attrs)

    def parse_include(self) -> None:
        start = self.next()
        t = self.tok
        if t.kind not in (STRING, VSTRING):
            self.fail("string literal expected after include")
        self.next()
        path = t.text[2:-1].replace('""', '"') if t.kind == VSTRING else t.text[1:-1]
        self.includes.append(ast.Include(path, span=self.span(start)))
        self.accept(";")

    def parse_qualified_name(self) -> list[str]:
        parts = [self.expect_ident().text]
        while self.tok.kind == "." and self.peek().kind == IDENT:
            self.next()
            parts.append(self.next().text)
        return parts

    # ------------------------------------------------------------------ modules
    def parse_module(self, start: Token, mods: set[str], attrs: list[ast.Attribute]
                     ) -> list[ast.Decl]:
        self.next()
        attrs = attrs + self.parse_attributes()
        name = ".".join(self.parse_qualified_name())
        refines: list[str] | None = None
        if self.accept("refines"):
            refines = self.parse_qualified_name()
        self.expect("{")
        decls = self.parse_decls(False)
        self.expect("}")
        return [ast.ModuleDecl(name, decls, refines, "abstract" in mods, "replaceable" in mods,
                               attrs, span=self.span(start))]

    def parse_import(self, start: Token, mods: set[str], attrs: list[ast.Attribute]
                     ) -> list[ast.Decl]:
        self.next()
        opened = bool(self.accept("opened"))
        first = self.parse_qualified_name()
        is_abstract = False
        if self.accept("="):
            name, target = first[0], self.parse_qualified_name()
        elif self.accept(":"):
            name, target, is_abstract = first[0], self.parse_qualified_name(), True
        else:
            name, target = first[-1], first
        exports: list[str] = []
        if self.accept("`"):
            if self.accept("{"):
                exports.append(self.expect_ident().text)
                while self.accept(","):
                    exports.append(self.expect_ident().text)
                self.expect("}")
            else:
                exports.append(self.expect_ident().text)
        self.accept(";")
        return [ast.ImportDecl(name, target, opened, is_abstract, exports,
                               span=self.span(start))]

    def parse_export(self, start: Token, mods: set[str], attrs: list[ast.Attribute]
                     ) -> list[ast.Decl]:
        self.next()
        name = self.next().text if self.tok.kind == IDENT else ""
        d = ast.ExportDecl(name)
        while True:
            k = self.tok.kind
            if k == "extends":
                self.next()
                d.extends.append(self.expect_ident().text)
                while self.accept(","):
                    d.extends.append(self.expect_ident().text)
            elif k in ("provides", "reveals"):
                self.next()
                names = d.provides if k == "provides" else d.reveals
                while True:
                    if self.accept("*"):
                        if k == "provides":
                            d.provides_all = True
                        else:
                            d.reveals_all = True
                    else:
                        names.append(".".join(self.parse_qualified_name()))
                    if not self.accept(","):
                        break
            else:
                break
        self.accept(";")
        d.span = self.span(start)
        return [d]

    # ------------------------------------------------------------------ types
    def parse_class(self, start: Token, mods: set[str], attrs: list[ast.Attribute]
                    ) -> list[ast.Decl]:
        is_trait = self.next().kind == "trait"
        attrs = attrs + self.parse_attributes()
        name = self.decl_ident().text
        tps = self.parse_type_params()
        extends: list[ast.Type] = []
        if self.accept("extends"):
            extends.append(self.parse_type())
            while self.accept(","):
                extends.append(self.parse_type())
        self.accept("...")   # `class C ... {` in a refining module
        self.expect("{")
        members = self.parse_decls(False, members=True)
        self.expect("}")
        return [ast.ClassDecl(name, tps, extends, members, is_trait, attrs,
                              span=self.span(start))]

    def parse_members_opt(self) -> list[ast.Decl]:
        if self.tok.kind != "{":
            return []
        self.next()
        members = self.parse_decls(False, members=True)
        self.expect("}")
        return members

    def parse_datatype(self, start: Token, mods: set[str], attrs: list[ast.Attribute]
                       ) -> list[ast.Decl]:
        is_co = self.next().kind == "codatatype"
        attrs = attrs + self.parse_attributes()
        name = self.decl_ident().text
        tps = self.parse_type_params()
        extends: list[ast.Type] = []
        if self.accept("extends"):
            extends.append(self.parse_type())
            while self.accept(","):
                extends.append(self.parse_type())
        ctors: list[ast.DatatypeCtor] = []
        if not self.accept("..."):    # `datatype D ... { members }` refines a datatype
            self.expect("=")
            self.accept("|")
            ctors.append(self.parse_datatype_ctor())
            while self.accept("|"):
                ctors.append(self.parse_datatype_ctor())
        members = self.parse_members_opt()
        self.accept(";")
        return [ast.DatatypeDecl(name, tps, ctors, members, is_co, extends, attrs,
                                 span=self.span(start))]

    def parse_datatype_ctor(self) -> ast.DatatypeCtor:
        start = self.tok
        attrs = self.parse_attributes()
        ghost = bool(self.accept("ghost"))
        attrs += self.parse_attributes()
        name = self.decl_ident().text
        formals = self.parse_formals(allow_unnamed=True) if self.tok.kind == "(" else []
        return ast.DatatypeCtor(name, formals, ghost, attrs, span=self.span(start))

    def parse_witness(self) -> tuple[ast.Expr | None, str]:
        if self.tok.kind == "ghost" and self.peek().kind == "witness":
            self.next()
            self.next()
            return self.parse_expression(), "ghost witness"
        if self.accept("witness"):
            if self.accept("*"):
                return None, "*"
            return self.parse_expression(), "witness"
        return None, ""

    def parse_newtype(self, start: Token, mods: set[str], attrs: list[ast.Attribute]
                      ) -> list[ast.Decl]:
        self.next()
        attrs = attrs + self.parse_attributes()
        name_tok = self.decl_ident()
        name = name_tok.text
        self.expect("=")
        var: str | None = None
        base: ast.Type
        constraint: ast.Expr | None = None
        if self.tok.kind == IDENT and self.peek().kind in (":", "|"):
            vt = self.next()
            var = vt.text
            base = self.parse_type() if self.accept(":") else \
                ast.InferredType(span=self.tok_span(vt))
            self.expect("|")
            constraint = self.parse_expression()
        else:
            base = self.parse_type()
        witness, kind = self.parse_witness()
        members = self.parse_members_opt()
        self.accept(";")
        nt = ast.NewtypeDecl(name, var, base, constraint, witness, kind, members, attrs,
                             span=self.span(start))
        nt.name_span = self.tok_span(name_tok)
        return [nt]

    def parse_type_decl(self, start: Token, mods: set[str], attrs: list[ast.Attribute]
                        ) -> list[ast.Decl]:
        self.next()
        attrs = attrs + self.parse_attributes()
        name_tok = self.decl_ident()
        name = name_tok.text
        chars = self.parse_characteristics()
        tps = self.parse_type_params()
        chars += self.parse_characteristics()
        if self.accept("="):
            if self.tok.kind == IDENT and self.peek().kind in (":", "|"):
                vt = self.next()
                base = self.parse_type() if self.accept(":") else \
                    ast.InferredType(span=self.tok_span(vt))
                self.expect("|")
                constraint = self.parse_expression()
                witness, kind = self.parse_witness()
                self.accept(";")
                st = ast.SubsetTypeDecl(name, tps, vt.text, base, constraint, witness, kind,
                                        attrs, span=self.span(start))
                st.name_span = self.tok_span(name_tok)
                return [st]
            rhs = self.parse_type()
            members = self.parse_members_opt()
            self.accept(";")
            return [ast.TypeSynonymDecl(name, tps, rhs, chars, members, attrs,
                                        span=self.span(start))]
        members = self.parse_members_opt()
        self.accept(";")
        return [ast.TypeSynonymDecl(name, tps, None, chars, members, attrs,
                                    span=self.span(start))]

    # ------------------------------------------------------------------ members
    def parse_formals(self, allow_unnamed: bool = False) -> list[ast.Formal]:
        self.expect("(")
        formals: list[ast.Formal] = []
        if self.tok.kind != ")":
            formals.append(self.parse_formal(allow_unnamed))
            while self.accept(","):
                formals.append(self.parse_formal(allow_unnamed))
        self.expect(")")
        return formals

    def parse_formal(self, allow_unnamed: bool) -> ast.Formal:
        start = self.tok
        ghost = nameonly = older = False
        while True:
            if self.accept("ghost"):
                ghost = True
            elif self.accept("nameonly"):
                nameonly = True
            elif self.at_word("older") and self.peek().kind in (IDENT, "ghost"):
                self.next()
                older = True
            else:
                break
        if allow_unnamed and not (self.tok.kind == IDENT and self.peek().kind == ":"):
            ty = self.parse_type()
            return ast.Formal("", ty, ghost, older, nameonly, span=self.span(start))
        name = self.decl_ident(wildcard=True).text
        self.expect(":")
        ty = self.parse_type()
        default = self.parse_expression() if self.accept(":=") else None
        return ast.Formal(name, ty, ghost, older, nameonly, default, span=self.span(start))

    def parse_k_type(self, extreme: bool) -> str:
        """`[nat]` / `[ORDINAL]` after the type parameters of a least/greatest predicate
        or lemma: the type of its implicit `_k`. Returns '' when absent."""
        if self.tok.kind != "[":
            return ""
        t = self.next()
        if not extreme:
            raise self.error("a type for the implicit '_k' ([nat] or [ORDINAL]) is allowed "
                             "only on least and greatest predicates and lemmas", t)
        w = self.tok
        if w.text not in ("nat", "ORDINAL"):
            self.fail("nat or ORDINAL expected")
        self.next()
        self.expect("]")
        return w.text

    def parse_method(self, start: Token, mods: set[str], attrs: list[ast.Attribute]
                     ) -> list[ast.Decl]:
        t = self.next()
        kind = {"method": "method", "lemma": "lemma", "constructor": "constructor",
                "colemma": "lemma"}[t.text]
        if kind == "lemma":
            for mod in ("twostate", "least", "greatest"):
                if mod in mods:
                    kind = mod + " lemma"
        attrs = attrs + self.parse_attributes()
        name = ""
        if self.tok.kind == IDENT:
            name = self.decl_ident().text
        elif kind != "constructor":
            self.fail("ident expected")
        k_type = ""
        if self.accept("..."):     # `method M...` in a refining module: same signature
            tps, ins, outs = [], [], []
        else:
            tps = self.parse_type_params()
            k_type = self.parse_k_type("least" in kind or "greatest" in kind)
            ins = self.parse_formals()
            outs = self.parse_formals() if self.accept("returns") else []
        m = ast.Method(kind, name, tps, ins, outs, is_ghost="ghost" in mods,
                       is_static="static" in mods, attributes=attrs)
        m.k_type = k_type
        while True:
            k = self.tok.kind
            if k == "requires":
                self.next()
                m.requires.append(self.parse_spec_expr())
            elif k == "ensures":
                self.next()
                m.ensures.append(self.parse_spec_expr())
            elif k == "modifies":
                self.next()
                m.modifies_attributes += self.parse_attributes()
                m.modifies.extend(self.parse_frame_list())
            elif k == "reads":
                self.next()
                m.reads_attributes += self.parse_attributes()
                m.reads.extend(self.parse_frame_list())
            elif k == "decreases":
                self.next()
                d = self.parse_decreases()
                if m.decreases is None:
                    m.decreases = d
                else:
                    m.decreases.exprs.extend(d.exprs)
            else:
                break
            self.accept(";")
        if self.tok.kind == "{":
            m.body = self.parse_block()
        else:
            self.accept(";")
        m.span = self.span(start)
        return [m]

    def parse_function(self, start: Token, mods: set[str], attrs: list[ast.Attribute]
                       ) -> list[ast.Decl]:
        t = self.next()
        kind = "function" if t.text == "function" else "predicate"
        self.accept("method")
        attrs = attrs + self.parse_attributes()
        name = self.decl_ident().text
        result: ast.Formal | None = None
        result_type: ast.Type = ast.BoolType(span=self.tok_span(t))
        skeleton = bool(self.accept("..."))     # `predicate P...` in a refining module
        tps = [] if skeleton else self.parse_type_params()
        k_type = "" if skeleton else self.parse_k_type("least" in mods or "greatest" in mods)
        formals = [] if skeleton else self.parse_formals()
        if skeleton:
            pass
        elif self.accept(":"):
            if self.tok.kind == "(" and self.peek().kind == IDENT and self.peek(2).kind == ":":
                rs = self.next()
                rname = self.next().text
                self.next()
                result_type = self.parse_type()
                self.expect(")")
                result = ast.Formal(rname, result_type, span=self.span(rs))
            else:
                result_type = self.parse_type()
        elif kind == "function":
            self.fail("colon expected")
        extreme = "least" if "least" in mods else "greatest" if "greatest" in mods else ""
        f = ast.Function(kind, name, tps, formals, result_type, result,
                         is_ghost="ghost" in mods or bool(extreme) or "twostate" in mods,
                         is_static="static" in mods, is_twostate="twostate" in mods,
                         is_opaque="opaque" in mods, extreme=extreme, attributes=attrs,
                         k_type=k_type)
        while True:
            k = self.tok.kind
            if k == "requires":
                self.next()
                f.requires.append(self.parse_spec_expr())
            elif k == "ensures":
                self.next()
                f.ensures.append(self.parse_spec_expr())
            elif k == "reads":
                self.next()
                f.reads_attributes += self.parse_attributes()
                f.reads.extend(self.parse_frame_list())
            elif k == "decreases":
                self.next()
                d = self.parse_decreases()
                if f.decreases is None:
                    f.decreases = d
                else:
                    f.decreases.exprs.extend(d.exprs)
            else:
                break
            self.accept(";")
        if self.tok.kind == "{":
            self.next()
            saved = (self.allow_lambda, self.allow_bitwise, self.allow_semi)
            self.allow_lambda, self.allow_bitwise, self.allow_semi = True, True, True
            level = self.brace_depth(self.i)
            try:
                f.body = self.parse_expression()
                self.expect("}")
            except ParseError:     # resume after the body's closing brace
                self.sync_to(frozenset(), self.i, semi=False, level=level)
                self.accept("}")
            finally:
                self.allow_lambda, self.allow_bitwise, self.allow_semi = saved
            if self.tok.kind == "by" and self.peek().kind == "method":
                self.next()
                self.next()
                f.by_method = self.parse_block()
        else:
            self.accept(";")
        f.span = self.span(start)
        return [f]

    def parse_iterator(self, start: Token, mods: set[str], attrs: list[ast.Attribute]
                       ) -> list[ast.Decl]:
        self.next()
        attrs = attrs + self.parse_attributes()
        name = self.decl_ident().text
        tps = self.parse_type_params()
        ins = self.parse_formals()
        outs = self.parse_formals() if self.accept("yields") else []
        it = ast.IteratorDecl(name, tps, ins, outs, attributes=attrs)
        while True:
            k = self.tok.kind
            if k == "yield" and self.peek().kind in ("requires", "ensures"):
                self.next()
                which = self.next().kind
                (it.yield_requires if which == "requires" else it.yield_ensures).append(
                    self.parse_spec_expr())
            elif k == "requires":
                self.next()
                it.requires.append(self.parse_spec_expr())
            elif k == "ensures":
                self.next()
                it.ensures.append(self.parse_spec_expr())
            elif k == "reads":
                self.next()
                it.reads_attributes += self.parse_attributes()
                it.reads.extend(self.parse_frame_list())
            elif k == "modifies":
                self.next()
                it.modifies_attributes += self.parse_attributes()
                it.modifies.extend(self.parse_frame_list())
            elif k == "decreases":
                self.next()
                it.decreases = self.parse_decreases()
            else:
                break
            self.accept(";")
        if self.tok.kind == "{":
            it.body = self.parse_block()
        it.span = self.span(start)
        return [it]

    def parse_field(self, start: Token, mods: set[str], attrs: list[ast.Attribute]
                    ) -> list[ast.Decl]:
        if self.tok.kind == "var" and not self.in_members:
            self.fail("fields are not allowed to be declared at the module level; instead, "
                      "wrap the field in a 'class' declaration")
        is_const = self.next().kind == "const"
        attrs = attrs + self.parse_attributes()
        fields: list[ast.Decl] = []
        while True:
            fstart = self.tok
            name = self.decl_ident()
            fattrs = attrs + self.parse_attributes()
            ty: ast.Type
            if self.accept(":"):
                ty = self.parse_type()
            else:
                ty = ast.InferredType(span=self.tok_span(name))
                if not is_const:
                    self.fail("colon expected")
            if self.tok.kind == "=" and is_const:
                self.fail("a const field should be initialized using ':=', not '='")
            if self.tok.kind == ":=" and not is_const:
                self.fail("a mutable field cannot have an initializer (use 'const', or "
                          "assign it in a constructor)")
            init = self.parse_expression() if is_const and self.accept(":=") else None
            fields.append(ast.Field(name.text, ty, is_const, "ghost" in mods, "static" in mods,
                                    init, fattrs, span=self.span(fstart)))
            if is_const or not self.accept(","):
                break
        self.accept(";")
        return fields


_DECL = {
    "module": DeclParser.parse_module,
    "import": DeclParser.parse_import,
    "export": DeclParser.parse_export,
    "class": DeclParser.parse_class,
    "trait": DeclParser.parse_class,
    "datatype": DeclParser.parse_datatype,
    "codatatype": DeclParser.parse_datatype,
    "newtype": DeclParser.parse_newtype,
    "type": DeclParser.parse_type_decl,
    "iterator": DeclParser.parse_iterator,
    "method": DeclParser.parse_method,
    "lemma": DeclParser.parse_method,
    "constructor": DeclParser.parse_method,
    "function": DeclParser.parse_function,
    "predicate": DeclParser.parse_function,
    "var": DeclParser.parse_field,
    "const": DeclParser.parse_field,
}
