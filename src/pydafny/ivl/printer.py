"""Printing IVL programs in Boogie syntax.

Takes: any IVL node (a `Program`, declaration, statement, expression or type).
Guarantees: text in the syntax `parser.py` reads, such that parsing the printed program gives a
program equal to the original (spans and `info` aside): operands that are not atomic are
parenthesized, so no precedence or associativity question arises. Used for debugging the
translator's output (`pydafny verify --print-ivl`) and in round-trip tests.
"""

from __future__ import annotations

from fractions import Fraction

from . import ast as A


def print_type(t: A.Type) -> str:
    if isinstance(t, A.MapType):
        tp = f"<{', '.join(t.tparams)}>" if t.tparams else ""
        return f"{tp}[{', '.join(print_type(d) for d in t.domain)}]{print_type(t.range)}"
    if isinstance(t, A.CtorType):
        if not t.args:
            return t.name
        return f"{t.name} " + " ".join(
            f"({print_type(a)})" if isinstance(a, (A.CtorType, A.MapType)) and
            (not isinstance(a, A.CtorType) or a.args) else print_type(a) for a in t.args)
    return str(t)


def _attrs(attrs: A.Attrs) -> str:
    out = []
    for a in attrs:
        args = ", ".join(f'"{x}"' if isinstance(x, str) else print_expr(x) for x in a.args)
        out.append(f"{{:{a.name}{' ' + args if args else ''}}} ")
    return "".join(out)


def _atomic(e: A.Expr) -> bool:
    return isinstance(e, (A.Ident, A.IntLit, A.BoolLit, A.BvLit, A.RealLit, A.FunApp, A.Old,
                          A.MapSelect, A.MapStore, A.BvExtract, A.Quantifier, A.Lambda))


def _sub(e: A.Expr) -> str:
    s = print_expr(e)
    return s if _atomic(e) else f"({s})"


def _real(v: Fraction) -> str:
    if v.denominator == 1:
        return f"{v.numerator}.0"
    # exact decimal when the denominator divides a power of ten; otherwise a division
    d = v.denominator
    k = 0
    while d % 10 == 0 or d % 2 == 0 or d % 5 == 0:
        if d % 10 == 0:
            d //= 10
        elif d % 2 == 0:
            d //= 2
        else:
            d //= 5
        k += 1
    if d == 1:
        scaled = v * 10 ** k
        sign = "-" if scaled < 0 else ""
        digits = str(abs(scaled.numerator)).rjust(k + 1, "0")
        return f"{sign}{digits[:-k]}.{digits[-k:]}"
    return f"({v.numerator}.0 / {v.denominator}.0)"


def _formals(fs: tuple[A.Formal, ...]) -> str:
    return ", ".join(f"{f.name}: {print_type(f.type)}" +
                     (f" where {print_expr(f.where)}" if f.where is not None else "")
                     for f in fs)


def print_expr(e: A.Expr) -> str:
    if isinstance(e, A.Ident):
        return e.name
    if isinstance(e, A.IntLit):
        return str(e.value) if e.value >= 0 else f"-{-e.value}"
    if isinstance(e, A.BoolLit):
        return "true" if e.value else "false"
    if isinstance(e, A.BvLit):
        return f"{e.value}bv{e.width}"
    if isinstance(e, A.RealLit):
        return _real(e.value)
    if isinstance(e, A.Unary):
        return f"{e.op}{_sub(e.arg)}"
    if isinstance(e, A.Binary):
        return f"{_sub(e.left)} {e.op} {_sub(e.right)}"
    if isinstance(e, A.FunApp):
        return f"{e.name}({', '.join(print_expr(a) for a in e.args)})"
    if isinstance(e, A.Old):
        return f"old({print_expr(e.expr)})"
    if isinstance(e, A.MapSelect):
        return f"{_sub(e.map)}[{', '.join(print_expr(i) for i in e.indexes)}]"
    if isinstance(e, A.MapStore):
        return (f"{_sub(e.map)}[{', '.join(print_expr(i) for i in e.indexes)} := "
                f"{print_expr(e.value)}]")
    if isinstance(e, A.BvExtract):
        return f"{_sub(e.expr)}[{e.hi}:{e.lo}]"
    if isinstance(e, A.IfThenElse):
        return f"if {print_expr(e.cond)} then {print_expr(e.then)} else {print_expr(e.else_)}"
    if isinstance(e, A.Quantifier) and not e.vars and not e.tparams:
        return f"({print_expr(e.body)})"     # binds nothing: just its body
    if isinstance(e, (A.Quantifier, A.Lambda)):
        kind = e.kind if isinstance(e, A.Quantifier) else "lambda"
        tp = f"<{', '.join(e.tparams)}>" if e.tparams else ""
        trig = "".join(f"{{ {', '.join(print_expr(x) for x in t.exprs)} }} "
                       for t in e.triggers) if isinstance(e, A.Quantifier) else ""
        return (f"({kind}{tp} {_formals(e.vars)} :: {_attrs(e.attrs)}{trig}"
                f"{print_expr(e.body)})")
    raise TypeError(f"cannot print {type(e).__name__}")


def _stmts(stmts: tuple[A.Stmt, ...], ind: str, out: list[str]) -> None:
    for s in stmts:
        _stmt(s, ind, out)


def _guard(c: A.Expr | None) -> str:
    return "*" if c is None else print_expr(c)


def _stmt(s: A.Stmt, ind: str, out: list[str]) -> None:
    if isinstance(s, A.Assert):
        out.append(f"{ind}assert {_attrs(s.attrs)}{print_expr(s.expr)};")
    elif isinstance(s, A.Assume):
        out.append(f"{ind}assume {_attrs(s.attrs)}{print_expr(s.expr)};")
    elif isinstance(s, A.Havoc):
        out.append(f"{ind}havoc {', '.join(s.names)};")
    elif isinstance(s, A.Assign):
        out.append(f"{ind}{', '.join(print_expr(x) for x in s.lhss)} := "
                   f"{', '.join(print_expr(x) for x in s.rhss)};")
    elif isinstance(s, A.Call):
        outs = f"{', '.join(s.outs)} := " if s.outs else ""
        free = "free " if s.free else ""
        out.append(f"{ind}{free}call {_attrs(s.attrs)}{outs}{s.proc}("
                   f"{', '.join(print_expr(a) for a in s.args)});")
    elif isinstance(s, A.Goto):
        out.append(f"{ind}goto {', '.join(s.labels)};")
    elif isinstance(s, A.Return):
        out.append(f"{ind}return;")
    elif isinstance(s, A.Label):
        out.append(f"{ind[:-2] if len(ind) > 2 else ind}{s.name}:")
    elif isinstance(s, A.Break):
        out.append(f"{ind}break{' ' + s.label if s.label else ''};")
    elif isinstance(s, A.If):
        out.append(f"{ind}if ({_guard(s.cond)}) {{")
        _stmts(s.then, ind + "  ", out)
        while s.else_ is not None and len(s.else_) == 1 and isinstance(s.else_[0], A.If):
            s = s.else_[0]
            out.append(f"{ind}}} else if ({_guard(s.cond)}) {{")
            _stmts(s.then, ind + "  ", out)
        if s.else_ is not None:
            out.append(f"{ind}}} else {{")
            _stmts(s.else_, ind + "  ", out)
        out.append(f"{ind}}}")
    elif isinstance(s, A.While):
        out.append(f"{ind}while ({_guard(s.cond)})")
        for inv in s.invariants:
            out.append(f"{ind}  {'free ' if inv.free else ''}invariant {_attrs(inv.attrs)}"
                       f"{print_expr(inv.expr)};")
        out.append(f"{ind}{{")
        _stmts(s.body, ind + "  ", out)
        out.append(f"{ind}}}")
    else:
        raise TypeError(f"cannot print {type(s).__name__}")


def _body(b: A.Body, out: list[str]) -> None:
    out.append("{")
    for f in b.locals:
        out.append(f"  var {_formals((f,))};")
    for blk in b.blocks:
        if blk.label:
            out.append(f"  {blk.label}:")
        _stmts(blk.stmts, "    " if blk.label else "  ", out)
    out.append("}")


def print_decl(d: A.Decl) -> str:
    out: list[str] = []
    if isinstance(d, A.TypeCtorDecl):
        params = "".join(f" {p}" for p in d.params)
        syn = f" = {print_type(d.synonym)}" if d.synonym is not None else ""
        out.append(f"type {_attrs(d.attrs)}{d.name}{params}{syn};")
    elif isinstance(d, A.ConstDecl):
        out.append(f"const {_attrs(d.attrs)}{'unique ' if d.unique else ''}{d.name}: "
                   f"{print_type(d.type)};")
    elif isinstance(d, A.FunctionDecl):
        tp = f"<{', '.join(d.tparams)}>" if d.tparams else ""
        params = ", ".join(print_type(p.type) if p.name.startswith("#") else
                           f"{p.name}: {print_type(p.type)}" for p in d.params)
        head = f"function {_attrs(d.attrs)}{d.name}{tp}({params}): {print_type(d.result)}"
        out.append(head + (f" {{ {print_expr(d.body)} }}" if d.body is not None else ";"))
    elif isinstance(d, A.AxiomDecl):
        out.append(f"axiom {_attrs(d.attrs)}{print_expr(d.expr)};")
    elif isinstance(d, A.GlobalVarDecl):
        where = f" where {print_expr(d.where)}" if d.where is not None else ""
        out.append(f"var {_attrs(d.attrs)}{d.name}: {print_type(d.type)}{where};")
    elif isinstance(d, A.ProcedureDecl):
        tp = f"<{', '.join(d.tparams)}>" if d.tparams else ""
        rets = f" returns ({_formals(d.outs)})" if d.outs else ""
        out.append(f"procedure {_attrs(d.attrs)}{d.name}{tp}({_formals(d.ins)}){rets}"
                   f"{';' if d.body is None else ''}")
        for r in d.requires:
            out.append(f"  {'free ' if r.free else ''}requires {_attrs(r.attrs)}"
                       f"{print_expr(r.expr)};")
        if d.modifies:
            out.append(f"  modifies {', '.join(d.modifies)};")
        for en in d.ensures:
            out.append(f"  {'free ' if en.free else ''}ensures {_attrs(en.attrs)}"
                       f"{print_expr(en.expr)};")
        if d.body is not None:
            _body(d.body, out)
    elif isinstance(d, A.ImplementationDecl):
        tp = f"<{', '.join(d.tparams)}>" if d.tparams else ""
        rets = f" returns ({_formals(d.outs)})" if d.outs else ""
        out.append(f"implementation {_attrs(d.attrs)}{d.name}{tp}({_formals(d.ins)}){rets}")
        _body(d.body, out)
    else:
        raise TypeError(f"cannot print {type(d).__name__}")
    return "\n".join(out)


def print_program(p: A.Program) -> str:
    return "\n\n".join(print_decl(d) for d in p.decls) + "\n"
