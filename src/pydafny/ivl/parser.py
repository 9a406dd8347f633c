"""Parser for the IVL's Boogie-style text form.

Takes: a `SourceFile` holding a program in Boogie's syntax (the subset pydafny supports).
Guarantees: a `Program` whose every node has a span in the file, or `IvlSyntaxError` at the
first malformed token with a message `expected X but found Y` (or `unsupported: ...` for Boogie
syntax outside the subset). Hand-written recursive descent, one method per production; binary
operators by Boogie's precedence:
    <==>  <  ==> (right) / <== (left)  <  && / || (not mixed)  <  relations (non-assoc)
    <  ++  <  + -  <  * / div mod  <  unary ! -  <  postfix [..] (select, store, extract)
"""

from __future__ import annotations

import re
from fractions import Fraction

from ..syntax.source import SourceFile, Span
from . import ast as A
from .lexer import IvlSyntaxError, Token, tokenize

_BV_TYPE = re.compile(r"bv([0-9]+)$")
_REL_OPS = ("==", "!=", "<", "<=", ">", ">=", "<:")
_STMT_START_KW = ("assert", "assume", "havoc", "call", "goto", "return", "break", "if", "while")


def parse_program(src: SourceFile) -> A.Program:
    """Parse a whole file; raises IvlSyntaxError."""
    return _Parser(src).program()


def parse_file(path: str) -> A.Program:
    return parse_program(SourceFile.read(path))


class _Parser:
    def __init__(self, src: SourceFile) -> None:
        self.src = src
        self.toks = tokenize(src)
        self.i = 0
        self.pending: list[A.Decl] = []  # axioms of a function's `uses` clause

    # ----------------------------------------------------------------- token helpers
    @property
    def tok(self) -> Token:
        return self.toks[self.i]

    def peek(self, k: int = 1) -> Token:
        return self.toks[min(self.i + k, len(self.toks) - 1)]

    def at(self, text: str) -> bool:
        t = self.toks[self.i]
        return t.text == text and t.kind in ("OP", "KEYWORD")

    def accept(self, text: str) -> Token | None:
        if self.at(text):
            t = self.tok
            self.i += 1
            return t
        return None

    def expect(self, text: str) -> Token:
        t = self.accept(text)
        if t is None:
            raise self.error(f"expected '{text}'")
        return t

    def error(self, what: str) -> IvlSyntaxError:
        return IvlSyntaxError(self.tok.span, f"{what} but found {self.tok.describe()}")

    def ident(self) -> Token:
        t = self.tok
        if t.kind != "IDENT":
            raise self.error("expected an identifier")
        self.i += 1
        return t

    def span_from(self, start: Token) -> Span:
        prev = self.toks[self.i - 1] if self.i > 0 else start
        return Span(self.src, start.span.start, max(start.span.end, prev.span.end))

    def ident_list(self) -> list[Token]:
        ids = [self.ident()]
        while self.accept(","):
            ids.append(self.ident())
        return ids

    # ------------------------------------------------------------------- declarations
    def program(self) -> A.Program:
        decls: list[A.Decl] = []
        while self.tok.kind != "EOF":
            t = self.tok
            if self.at("type"):
                decls.extend(self.type_decl())
            elif self.at("const"):
                decls.extend(self.const_decl())
            elif self.at("function"):
                decls.append(self.function_decl())
                decls.extend(self.pending)
                self.pending.clear()
            elif self.at("axiom"):
                self.i += 1
                attrs = self.attributes()
                e = self.expr()
                self.expect(";")
                decls.append(A.AxiomDecl(e, attrs, span=self.span_from(t)))
            elif self.at("var"):
                decls.extend(self.global_vars())
            elif self.at("procedure"):
                decls.append(self.procedure_decl())
            elif self.at("implementation"):
                decls.append(self.implementation_decl())
            else:
                raise self.error("expected a declaration")
        return A.Program(tuple(decls), span=Span(self.src, 0, len(self.src.text)))

    def attributes(self) -> A.Attrs:
        attrs: list[A.Attribute] = []
        while self.at("{:"):
            attrs.append(self.attribute())
        return tuple(attrs)

    def attribute(self) -> A.Attribute:
        start = self.expect("{:")
        t = self.tok
        if t.kind not in ("IDENT", "KEYWORD"):
            raise self.error("expected an attribute name")
        self.i += 1
        args: list[A.Expr | str] = []
        if not self.at("}"):
            while True:
                if self.tok.kind == "STRING":
                    args.append(self.tok.text)
                    self.i += 1
                else:
                    args.append(self.expr())
                if not self.accept(","):
                    break
        self.expect("}")
        return A.Attribute(t.text, tuple(args), span=self.span_from(start))

    def type_decl(self) -> list[A.Decl]:
        start = self.expect("type")
        attrs = self.attributes()
        self.accept("finite")
        out: list[A.Decl] = []
        while True:
            name = self.ident()
            params: list[str] = []
            while self.tok.kind == "IDENT":
                params.append(self.ident().text)
            synonym = None
            if self.accept("="):
                synonym = self.type_()
            out.append(A.TypeCtorDecl(name.text, tuple(params), synonym, attrs,
                                      span=self.span_from(start)))
            if not self.accept(","):
                break
        self.expect(";")
        return out

    def const_decl(self) -> list[A.Decl]:
        self.expect("const")
        attrs = self.attributes()
        unique = self.accept("unique") is not None
        names = self.ident_list()
        self.expect(":")
        ty = self.type_()
        if self.at("extends"):
            raise IvlSyntaxError(self.tok.span, "unsupported: 'extends' on constants")
        consts: list[A.Decl] = [A.ConstDecl(n.text, ty, unique, attrs, span=n.span)
                                for n in names]
        if self.at("uses"):
            return consts + self.uses_clause()
        self.expect(";")
        return consts

    def uses_clause(self) -> list[A.Decl]:
        """`uses { axiom e; ... }` after a constant or function: ordinary axioms."""
        self.expect("uses")
        self.expect("{")
        out: list[A.Decl] = []
        while not self.accept("}"):
            t = self.expect("axiom")
            attrs = self.attributes()
            e = self.expr()
            self.expect(";")
            out.append(A.AxiomDecl(e, attrs, span=self.span_from(t)))
        return out

    def global_vars(self) -> list[A.Decl]:
        self.expect("var")
        attrs = self.attributes()
        out: list[A.Decl] = []
        for f in self.typed_idents_wheres():
            out.append(A.GlobalVarDecl(f.name, f.type, f.where, attrs, span=f.span))
        self.expect(";")
        return out

    def typed_idents_wheres(self) -> list[A.Formal]:
        """`x, y: T where e, z: U` (a group shares its type and where clause)."""
        out: list[A.Formal] = []
        while True:
            names = self.ident_list()
            self.expect(":")
            ty = self.type_()
            where = None
            if self.accept("where"):
                where = self.expr()
            out.extend(A.Formal(n.text, ty, where, span=n.span) for n in names)
            if not self.accept(","):
                return out

    def type_params(self) -> tuple[str, ...]:
        if not self.accept("<"):
            return ()
        names = [t.text for t in self.ident_list()]
        self.expect(">")
        return tuple(names)

    def formals(self) -> tuple[A.Formal, ...]:
        self.expect("(")
        out: list[A.Formal] = []
        if not self.at(")"):
            out = self.typed_idents_wheres()
        self.expect(")")
        return tuple(out)

    def function_decl(self) -> A.FunctionDecl:
        self.expect("function")
        attrs = self.attributes()
        name = self.ident()
        tparams = self.type_params()
        self.expect("(")
        params: list[A.Formal] = []
        k = 0
        while not self.at(")"):
            if self._named_group_ahead():
                names = self.ident_list()
                self.expect(":")
                ty = self.type_()
                params.extend(A.Formal(n.text, ty, span=n.span) for n in names)
            else:
                t0 = self.tok
                ty = self.type_()
                params.append(A.Formal(f"#{k}", ty, span=t0.span))
            k += 1
            if not self.accept(","):
                break
        self.expect(")")
        if self.accept("returns"):
            self.expect("(")
            if self._named_group_ahead():
                self.ident()
                self.expect(":")
            result = self.type_()
            self.expect(")")
        else:
            self.expect(":")
            result = self.type_()
        body = None
        if self.accept("{"):
            body = self.expr()
            self.expect("}")
        elif not self.at("uses"):
            self.expect(";")
        if self.at("uses"):
            self.pending.extend(self.uses_clause())
        return A.FunctionDecl(name.text, tuple(params), result, body, attrs, tparams,
                              span=name.span)

    def _named_group_ahead(self) -> bool:
        """True when the tokens ahead are `ident (, ident)* :` (named parameters)."""
        j = self.i
        while True:
            if self.toks[j].kind != "IDENT":
                return False
            j += 1
            t = self.toks[j]
            if t.kind == "OP" and t.text == ":":
                return True
            if not (t.kind == "OP" and t.text == ","):
                return False
            j += 1

    def spec(self) -> tuple[list[A.Requires], list[A.Ensures], list[str]]:
        reqs: list[A.Requires] = []
        enss: list[A.Ensures] = []
        mods: list[str] = []
        while True:
            start = self.tok
            free = self.accept("free") is not None
            if self.accept("requires"):
                attrs = self.attributes()
                e = self.expr()
                self.expect(";")
                reqs.append(A.Requires(e, free, attrs, span=self.span_from(start)))
            elif self.accept("ensures"):
                attrs = self.attributes()
                e = self.expr()
                self.expect(";")
                enss.append(A.Ensures(e, free, attrs, span=self.span_from(start)))
            elif self.accept("modifies"):
                if not self.at(";"):
                    mods.extend(t.text for t in self.ident_list())
                self.expect(";")
            elif free:
                raise self.error("expected 'requires' or 'ensures' after 'free'")
            else:
                return reqs, enss, mods

    def procedure_decl(self) -> A.ProcedureDecl:
        self.expect("procedure")
        attrs = self.attributes()
        name = self.ident()
        tparams = self.type_params()
        ins = self.formals()
        outs: tuple[A.Formal, ...] = ()
        if self.accept("returns"):
            outs = self.formals()
        body = None
        if self.accept(";"):
            reqs, enss, mods = self.spec()
        else:
            reqs, enss, mods = self.spec()
            body = self.body()
        return A.ProcedureDecl(name.text, ins, outs, tuple(reqs), tuple(enss), tuple(mods), body,
                               attrs, tparams, span=name.span)

    def implementation_decl(self) -> A.ImplementationDecl:
        self.expect("implementation")
        attrs = self.attributes()
        name = self.ident()
        tparams = self.type_params()
        ins = self.formals()
        outs: tuple[A.Formal, ...] = ()
        if self.accept("returns"):
            outs = self.formals()
        body = self.body()
        return A.ImplementationDecl(name.text, ins, outs, body, attrs, tparams, span=name.span)

    # ------------------------------------------------------------------- bodies
    def body(self) -> A.Body:
        start = self.expect("{")
        locals_: list[A.Formal] = []
        while self.accept("var"):
            self.attributes()
            locals_.extend(self.typed_idents_wheres())
            self.expect(";")
        blocks: list[A.Block] = []
        label, label_span = "", start.span
        stmts: list[A.Stmt] = []
        while not self.at("}"):
            if self.tok.kind == "IDENT" and self.peek().kind == "OP" and self.peek().text == ":":
                if stmts or label:
                    blocks.append(A.Block(label, tuple(stmts), span=label_span))
                t = self.ident()
                self.expect(":")
                label, label_span, stmts = t.text, t.span, []
                continue
            stmts.append(self.stmt())
        self.expect("}")
        if stmts or label or not blocks:
            blocks.append(A.Block(label, tuple(stmts), span=label_span))
        return A.Body(tuple(locals_), tuple(blocks), span=self.span_from(start))

    def stmt_block(self) -> tuple[A.Stmt, ...]:
        """`{ stmts }` of a structured statement; labels inside become `Label` statements."""
        self.expect("{")
        stmts: list[A.Stmt] = []
        while not self.at("}"):
            if self.tok.kind == "IDENT" and self.peek().kind == "OP" and self.peek().text == ":":
                t = self.ident()
                self.expect(":")
                stmts.append(A.Label(t.text, span=t.span))
                continue
            stmts.append(self.stmt())
        self.expect("}")
        return tuple(stmts)

    def stmt(self) -> A.Stmt:
        t = self.tok
        if self.accept("assert"):
            attrs = self.attributes()
            e = self.expr()
            self.expect(";")
            return A.Assert(e, attrs, span=t.span)
        if self.accept("assume"):
            attrs = self.attributes()
            e = self.expr()
            self.expect(";")
            return A.Assume(e, attrs, span=t.span)
        if self.accept("havoc"):
            names = self.ident_list()
            self.expect(";")
            return A.Havoc(tuple(n.text for n in names), span=t.span)
        if self.at("call") or (self.at("free") and self.peek().text == "call"):
            free = self.accept("free") is not None
            self.expect("call")
            attrs = self.attributes()
            if self.at("forall"):
                raise IvlSyntaxError(self.tok.span, "unsupported: 'call forall'")
            outs: list[Token] = []
            if self.tok.kind == "IDENT" and self.peek().text in (",", ":="):
                outs = self.ident_list()
                self.expect(":=")
            name = self.ident()
            self.expect("(")
            args = self.expr_list(")")
            self.expect(")")
            self.expect(";")
            return A.Call(name.text, tuple(args), tuple(o.text for o in outs), attrs, None, free,
                          span=t.span)
        if self.accept("goto"):
            labels = self.ident_list()
            self.expect(";")
            return A.Goto(tuple(n.text for n in labels), span=t.span)
        if self.accept("return"):
            self.expect(";")
            return A.Return(span=t.span)
        if self.accept("break"):
            label = self.ident().text if self.tok.kind == "IDENT" else None
            self.expect(";")
            return A.Break(label, span=t.span)
        if self.accept("if"):
            return self.if_rest(t)
        if self.accept("while"):
            cond = self.guard()
            invs: list[A.Invariant] = []
            while self.at("invariant") or self.at("free"):
                s = self.tok
                free = self.accept("free") is not None
                self.expect("invariant")
                attrs = self.attributes()
                e = self.expr()
                self.expect(";")
                invs.append(A.Invariant(e, free, attrs, span=self.span_from(s)))
            body = self.stmt_block()
            return A.While(cond, tuple(invs), body, span=t.span)
        if t.kind == "IDENT":
            lhss = [self.lhs()]
            while self.accept(","):
                lhss.append(self.lhs())
            op = self.expect(":=")
            rhss = [self.expr()]
            while self.accept(","):
                rhss.append(self.expr())
            self.expect(";")
            return A.Assign(tuple(lhss), tuple(rhss), span=op.span)
        raise self.error("expected a statement")

    def lhs(self) -> A.Expr:
        t = self.ident()
        e: A.Expr = A.Ident(t.text, span=t.span)
        while self.at("["):
            s = self.expect("[")
            idx = self.expr_list("]")
            self.expect("]")
            e = A.MapSelect(e, tuple(idx), span=s.span)
        return e

    def guard(self) -> A.Expr | None:
        self.expect("(")
        if self.at("*") and self.peek().text == ")":
            self.i += 1
            self.expect(")")
            return None
        e = self.expr()
        self.expect(")")
        return e

    def if_rest(self, t: Token) -> A.If:
        cond = self.guard()
        then = self.stmt_block()
        else_: tuple[A.Stmt, ...] | None = None
        if self.accept("else"):
            s = self.tok
            if self.accept("if"):
                else_ = (self.if_rest(s),)
            else:
                else_ = self.stmt_block()
        return A.If(cond, then, else_, span=t.span)

    # ------------------------------------------------------------------- types
    def type_(self) -> A.Type:
        t = self.tok
        if self.at("<") or self.at("["):
            return self.map_type()
        if t.kind == "IDENT" and not _BV_TYPE.match(t.text):
            self.i += 1
            args: list[A.Type] = []
            while True:
                a = self.tok
                if a.kind == "IDENT" or self.at("(") or self.at("int") or self.at("real") \
                        or self.at("bool"):
                    args.append(self.type_atom())
                elif self.at("[") or self.at("<"):
                    args.append(self.map_type())
                    break
                else:
                    break
            return A.CtorType(t.text, tuple(args), span=self.span_from(t))
        return self.type_atom()

    def type_atom(self) -> A.Type:
        t = self.tok
        if self.accept("int"):
            return A.BasicType("int", span=t.span)
        if self.accept("real"):
            return A.BasicType("real", span=t.span)
        if self.accept("bool"):
            return A.BasicType("bool", span=t.span)
        if self.accept("("):
            ty = self.type_()
            self.expect(")")
            return ty
        if t.kind == "IDENT":
            self.i += 1
            m = _BV_TYPE.match(t.text)
            if m:
                return A.BvType(int(m.group(1)), span=t.span)
            return A.CtorType(t.text, (), span=t.span)
        raise self.error("expected a type")

    def map_type(self) -> A.MapType:
        t = self.tok
        tparams = self.type_params()
        self.expect("[")
        dom: list[A.Type] = []
        if not self.at("]"):
            dom.append(self.type_())
            while self.accept(","):
                dom.append(self.type_())
        self.expect("]")
        rng = self.type_()
        return A.MapType(tparams, tuple(dom), rng, span=self.span_from(t))

    # ------------------------------------------------------------------- expressions
    def expr_list(self, closer: str) -> list[A.Expr]:
        if self.at(closer):
            return []
        out = [self.expr()]
        while self.accept(","):
            out.append(self.expr())
        return out

    def expr(self) -> A.Expr:
        left = self.implies_expr()
        while self.at("<==>"):
            op = self.tok
            self.i += 1
            right = self.implies_expr()
            left = A.Binary("<==>", left, right, span=op.span)
        return left

    def implies_expr(self) -> A.Expr:
        left = self.logic_expr()
        if self.at("==>"):
            op = self.tok
            self.i += 1
            right = self.implies_expr()
            return A.Binary("==>", left, right, span=op.span)
        while self.at("<=="):
            op = self.tok
            self.i += 1
            right = self.logic_expr()
            left = A.Binary("<==", left, right, span=op.span)
        return left

    def logic_expr(self) -> A.Expr:
        left = self.rel_expr()
        if self.at("&&") or self.at("||"):
            which = self.tok.text
            while self.at(which):
                op = self.tok
                self.i += 1
                right = self.rel_expr()
                left = A.Binary(which, left, right, span=op.span)
            if self.at("&&") or self.at("||"):
                raise IvlSyntaxError(self.tok.span,
                                     "'&&' and '||' cannot be mixed without parentheses")
        return left

    def rel_expr(self) -> A.Expr:
        left = self.concat_expr()
        t = self.tok
        if t.kind == "OP" and t.text in _REL_OPS:
            self.i += 1
            right = self.concat_expr()
            return A.Binary(t.text, left, right, span=t.span)
        return left

    def concat_expr(self) -> A.Expr:
        left = self.add_expr()
        while self.at("++"):
            op = self.tok
            self.i += 1
            left = A.Binary("++", left, self.add_expr(), span=op.span)
        return left

    def add_expr(self) -> A.Expr:
        left = self.mul_expr()
        while self.at("+") or self.at("-"):
            op = self.tok
            self.i += 1
            left = A.Binary(op.text, left, self.mul_expr(), span=op.span)
        return left

    def mul_expr(self) -> A.Expr:
        left = self.unary_expr()
        while self.at("*") or self.at("/") or self.at("div") or self.at("mod") or self.at("%") \
                or self.at("**"):
            if self.at("**"):
                raise IvlSyntaxError(self.tok.span, "unsupported: '**' (power)")
            op = self.tok
            self.i += 1
            text = "mod" if op.text == "%" else op.text
            left = A.Binary(text, left, self.unary_expr(), span=op.span)
        return left

    def unary_expr(self) -> A.Expr:
        t = self.tok
        if self.accept("!"):
            return A.Unary("!", self.unary_expr(), span=t.span)
        if self.accept("-"):
            return A.Unary("-", self.unary_expr(), span=t.span)
        if self.at("**"):
            raise IvlSyntaxError(t.span, "unsupported: '**'")
        return self.postfix_expr()

    def postfix_expr(self) -> A.Expr:
        e = self.atom()
        while self.at("["):
            s = self.expect("[")
            if self.tok.kind == "INT" and self.peek().text == ":":
                hi = int(self.tok.text)
                self.i += 2
                if self.tok.kind != "INT":
                    raise self.error("expected a bit position")
                lo = int(self.tok.text)
                self.i += 1
                self.expect("]")
                e = A.BvExtract(e, hi, lo, span=s.span)
                continue
            idx = self.expr_list("]")
            if self.accept(":="):
                v = self.expr()
                self.expect("]")
                e = A.MapStore(e, tuple(idx), v, span=s.span)
            else:
                self.expect("]")
                e = A.MapSelect(e, tuple(idx), span=s.span)
        return e

    def atom(self) -> A.Expr:
        t = self.tok
        k = t.kind
        if k == "INT":
            self.i += 1
            return A.IntLit(int(t.text), span=t.span)
        if k == "BV":
            self.i += 1
            v, w = t.text.split("bv")
            return A.BvLit(int(v), int(w), span=t.span)
        if k == "REAL":
            self.i += 1
            return A.RealLit(Fraction(t.text), span=t.span)
        if self.accept("true"):
            return A.BoolLit(True, span=t.span)
        if self.accept("false"):
            return A.BoolLit(False, span=t.span)
        if (self.at("int") or self.at("real")) and self.peek().text == "(":
            self.i += 2
            arg = self.expr()
            self.expect(")")
            return A.FunApp(t.text, (arg,), span=t.span)
        if self.accept("old"):
            self.expect("(")
            e = self.expr()
            self.expect(")")
            return A.Old(e, span=t.span)
        if self.accept("if"):
            c = self.expr()
            self.expect("then")
            a = self.expr()
            self.expect("else")
            b = self.expr()
            return A.IfThenElse(c, a, b, span=t.span)
        if k == "IDENT":
            self.i += 1
            if self.at("("):
                self.i += 1
                args = self.expr_list(")")
                self.expect(")")
                return A.FunApp(t.text, tuple(args), span=t.span)
            return A.Ident(t.text, span=t.span)
        if self.accept("("):
            if self.at("forall") or self.at("exists") or self.at("lambda"):
                e = self.binder()
            else:
                e = self.expr()
            self.expect(")")
            return e
        raise self.error("expected an expression")

    def binder(self) -> A.Expr:
        t = self.tok
        kind = t.text
        self.i += 1
        tparams = self.type_params()
        vars_ = tuple(self.typed_idents_wheres())
        for v in vars_:
            if v.where is not None:
                raise IvlSyntaxError(v.span, "unsupported: where clauses on bound variables")
        self.expect("::")
        attrs: list[A.Attribute] = []
        triggers: list[A.Trigger] = []
        while self.at("{:") or self.at("{"):
            if self.at("{:"):
                attrs.append(self.attribute())
            else:
                s = self.expect("{")
                exprs = self.expr_list("}")
                self.expect("}")
                triggers.append(A.Trigger(tuple(exprs), span=s.span))
        body = self.expr()
        if kind == "lambda":
            if triggers:
                raise IvlSyntaxError(triggers[0].span, "a lambda cannot have triggers")
            return A.Lambda(vars_, body, tuple(attrs), tparams, span=t.span)
        return A.Quantifier(kind, vars_, body, tuple(triggers), tuple(attrs), tparams,
                            span=t.span)
