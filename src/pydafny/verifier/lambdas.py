"""Lambda expressions, function application and `seq(n, f)`.

Takes: `LambdaExpr`, `ApplyExpr` of kind 'lambda', `SeqConstructor` and the translator of their
context.
Guarantees: a lambda is a fresh function `lambda#k(free...)` of sort Func with the axioms
    forall free, b :: ApplyN(lambda#k(free), b) == Box(body[x := Unbox(b)])
    forall free, b :: RequiresN(lambda#k(free), b) == requires[x := Unbox(b)]
(definitions of a fresh symbol, hence consistent); its body is checked well formed for every
argument satisfying its types and requires. Applying f checks `RequiresN(f, args)` unless f's
type is a total arrow `->`; the value is `Unbox(ApplyN(f, Box(args)))`. Lambdas reading the
heap are not translated.
"""

from __future__ import annotations

from typing import Any

from ..ivl import ast as I
from ..semantics import types as T
from ..syntax import ast as D
from .context import WF, Env
from .encoding import BOX, FUNC, TRUE, conj, implies
from .obligations import Kind, Obligation
from .unsupported import Unsupported


def lambda_value(tr: Any, e: D.LambdaExpr) -> I.Expr:
    from .comprehensions import closure
    from .exprs import ExprTranslator
    ctx = tr.ctx
    n = len(e.vars)
    if n == 0 or n > 3:
        raise Unsupported(e.span, "lambdas with this many parameters")
    for fr in e.reads:
        if fr.expr is None or fr.field_name is not None or isinstance(fr.expr, D.WildcardExpr) \
                or not _is_collection(fr.expr.type):
            raise Unsupported(fr.span or e.span, "lambdas with reads clauses")
    # well-formedness of requires and body for every argument
    formals, tcs, env = tr.bind_vars(e.vars)
    sub = tr.sub(env)
    # arguments are Dafny values of the parameter types: datatype arguments have fields
    # satisfying their types (constructor arguments are checked)
    from .constraints import datatype_field_facts
    facts = [datatype_field_facts(ctx, v.type, env.vars[id(v)]) for v in e.vars
             if v.type is not None]
    with tr.wf.binding(formals), tr.wf.under(conj([tcs] + facts)):
        pre = conj([sub.tr(r) for r in e.requires])
        with tr.wf.under(pre):
            # only lambdas reading nothing are translated (their body may not read the
            # heap, see `closure` below), so a reads clause must denote no object
            for fr in e.reads:
                v = sub.tr(fr.expr)
                if tr.wf.active:
                    tr.wf.check(_is_empty(tr, fr.expr.type, v, fr.span or e.span),
                                Obligation(Kind.EMPTY_READS, fr.expr.span))
            sub.tr(e.body)
    lt = T.normalize(e.type) if e.type is not None else None
    if e.reads and isinstance(lt, D.ArrowType) and lt.arrow == "~>":
        # its reads clause is checked empty above (an error otherwise), so the lambda is
        # the partial arrow `-->` it is translated as
        e.type = D.ArrowType(lt.args, lt.result, "-->", span=lt.span)
    params, actuals, env2 = closure(tr, [*e.requires, e.body], {id(v) for v in e.vars},
                                    e.span, "lambda", heap=False)
    boxes = tuple(I.Formal(f"b#{k}", BOX) for k in range(n))
    for v, b in zip(e.vars, boxes):
        env2.vars[id(v)] = ctx.enc.unbox(I.Ident(b.name), ctx.enc.ivl_type(v.type))
    p = ExprTranslator(ctx, env2, WF(None))
    bargs = tuple(I.Ident(b.name) for b in boxes)
    body = ctx.enc.box(p.tr(e.body), ctx.enc.ivl_type(e.body.type))
    pre2 = conj([p.tr(r) for r in e.requires])
    # closed subterms (`|s|`, `h[a]`) become parameters, as Boogie lifts lambdas
    from .lifting import lift_closed
    params, actuals, (body, pre2) = lift_closed(ctx, list(params), list(actuals),
                                                [body, pre2], {b.name for b in boxes})
    # Alpha-equivalent lambdas (same closure parameters and parameter types, same body and
    # precondition up to the names of bound variables) denote the same function: they share
    # one symbol, as Boogie's lambda lifting does, so `Sum(n, x => g(x))` and
    # `Sum(n, y => g(y))` are the same term. (Sound: the two definitions would be identical.)
    key = ("lambda", tuple(x.type for x in params),
           tuple(T.type_to_str(v.type) for v in e.vars), canonical(body), canonical(pre2))
    known = ctx.lambda_names.get(key) if hasattr(ctx, "lambda_names") else None
    if known is not None and any(isinstance(d, I.FunctionDecl) and d.name == known
                                 for d in ctx.decls):  # (not rolled back with a failure)
        return _literal_if_closed(I.FunApp(known, tuple(actuals)))
    name = ctx.names.fresh("lambda")
    if hasattr(ctx, "lambda_names"):
        ctx.lambda_names[key] = name
    ctx.decls.append(I.FunctionDecl(name, tuple(params), FUNC))
    app_f = I.FunApp(name, tuple(I.Ident(x.name) for x in params))
    apply = I.FunApp(f"Apply{n}", (app_f,) + bargs)
    ctx.decls.append(I.AxiomDecl(I.Quantifier("forall", tuple(params) + boxes,
                                              I.Binary("==", apply, body),
                                              (I.Trigger((apply,)),))))
    req = I.FunApp(f"Requires{n}", (app_f,) + bargs)
    ctx.decls.append(I.AxiomDecl(I.Quantifier("forall", tuple(params) + boxes,
                                              I.Binary("==", req, pre2),
                                              (I.Trigger((req,)),))))
    return _literal_if_closed(I.FunApp(name, tuple(actuals)))


def _literal_if_closed(v: I.FunApp) -> I.Expr:
    """A lambda capturing only literals is a literal (Lit.Func), as Dafny marks closed
    lambdas: calls of recursive functions on literal arguments then evaluate."""
    from .literals import is_literal, mark
    return mark(v, FUNC) if all(is_literal(a) for a in v.args) else v


def canonical(e: I.Expr) -> I.Expr:
    """e with the variables bound by its quantifiers and lambdas renamed by nesting depth
    and position (`q#d.k`), triggers dropped: equal results mean alpha-equivalent
    formulas."""
    import dataclasses

    from .witness_guess import substitute

    def walk(x: I.Expr, depth: int) -> I.Expr:
        if isinstance(x, (I.Quantifier, I.Lambda)):
            ren = {v.name: I.Ident(f"q#{depth}.{k}") for k, v in enumerate(x.vars)}
            vars_ = tuple(I.Formal(f"q#{depth}.{k}", v.type) for k, v in enumerate(x.vars))
            body = walk(substitute(x.body, ren), depth + 1)
            if isinstance(x, I.Quantifier):
                return I.Quantifier(x.kind, vars_, body, (), x.attrs, x.tparams)
            return I.Lambda(vars_, body, x.attrs, x.tparams)
        changes: dict[str, object] = {}
        for f in dataclasses.fields(x):
            v = getattr(x, f.name)
            if isinstance(v, I.Expr):
                changes[f.name] = walk(v, depth)
            elif isinstance(v, tuple) and v and all(isinstance(y, I.Expr) for y in v):
                changes[f.name] = tuple(walk(y, depth) for y in v)
        return dataclasses.replace(x, **changes) if changes else x

    return walk(e, 0)


def _is_collection(t: D.Type | None) -> bool:
    n = T.normalize(t) if t is not None else None
    return isinstance(n, (D.SetType, D.SeqType, D.MultisetType))


def _is_empty(tr: Any, t: D.Type, v: I.Expr, span: Any) -> I.Expr:
    """`v == {}` (or `[]`, `multiset{}`) for a collection value v of Dafny type t."""
    from .encoding import ms_fn, seq_fn, set_empty, set_fn
    n = T.normalize(t)
    st = tr.ity(t, span)
    if isinstance(n, D.SetType):
        return set_fn("Equal", st, v, set_empty(st))
    if isinstance(n, D.SeqType):
        return I.Binary("==", seq_fn("Length", st, v), I.IntLit(0))
    return I.Binary("==", ms_fn("Card", st, v), I.IntLit(0))


def reads_value(tr: Any, e: D.ApplyExpr) -> I.Expr:
    """`f.reads(args)`: the empty set for a function value of type `->` or `-->` (Dafny's
    subset types of `~>` whose reads are empty); `~>` values are not translated."""
    from .encoding import set_empty
    assert isinstance(e.callee, D.MemberSelect)
    fexpr = e.callee.obj
    ft = T.normalize(fexpr.type) if fexpr.type is not None else None
    if not isinstance(ft, D.ArrowType) or ft.arrow == "~>":
        raise Unsupported(e.span, "reads of this value")
    tr.tr(fexpr)
    for b in e.args:
        tr.tr(b.expr)
    return set_empty(tr.ity(e.type, e.span))


def apply_value(tr: Any, e: D.ApplyExpr) -> I.Expr:
    ft = T.normalize(e.callee.type) if e.callee.type is not None else None
    if not isinstance(ft, D.ArrowType):
        raise Unsupported(e.span, "application of this value")
    f = tr.tr(e.callee)
    n = len(e.args)
    if n != len(ft.args) or n == 0 or n > 3:
        raise Unsupported(e.span, "application with this many arguments")
    args = []
    for b in e.args:
        v = tr.tr(b.expr)
        args.append(tr.enc.box(v, tr.enc.ivl_type(b.expr.type)))
    if tr.wf.active and ft.arrow != "->":
        tr.wf.check(I.FunApp(f"Requires{n}", (f,) + tuple(args)),
                    Obligation(Kind.FUNCTION_PRECONDITION, e.span))
    return tr.enc.unbox(I.FunApp(f"Apply{n}", (f,) + tuple(args)), tr.enc.ivl_type(e.type))


def seq_constructor(tr: Any, e: D.SeqConstructor) -> I.Expr:
    n = tr.tr(e.length)
    f = tr.tr(e.init)
    st = tr.ity(e.type, e.span)
    assert isinstance(st, I.CtorType)
    from .encoding import _elem_of
    elem = _elem_of(st)
    tg = tr.enc.use("seqcreate", elem)
    if tr.wf.active:
        tr.wf.check(I.Binary("<=", I.IntLit(0), n), Obligation(Kind.ARRAY_LENGTH, e.span))
        ft = T.normalize(e.init.type) if e.init.type is not None else None
        if not (isinstance(ft, D.ArrowType) and ft.arrow == "->"):
            i = I.Ident("i#sq")
            tr.wf.check(I.Quantifier("forall", (I.Formal("i#sq", I.INT),), implies(
                conj([I.Binary("<=", I.IntLit(0), i), I.Binary("<", i, n)]),
                I.FunApp("Requires1", (f, tr.enc.box(i, I.INT))))),
                Obligation(Kind.FUNCTION_PRECONDITION, e.span))
    _ = TRUE
    return I.FunApp(f"Seq#Create.{tg}", (n, f))


def requires_value(tr: Any, e: D.ApplyExpr) -> I.Expr:
    """`f.requires(args)`: RequiresN(f, Box(args)) (true for total arrows `->`)."""
    assert isinstance(e.callee, D.MemberSelect)
    fexpr = e.callee.obj
    ft = T.normalize(fexpr.type) if fexpr.type is not None else None
    if not isinstance(ft, D.ArrowType):
        raise Unsupported(e.span, "requires of this value")
    n = len(e.args)
    if n != len(ft.args) or n == 0 or n > 3:
        raise Unsupported(e.span, "requires with this many arguments")
    f = tr.tr(fexpr)
    args = [tr.enc.box(tr.tr(b.expr), tr.enc.ivl_type(b.expr.type)) for b in e.args]
    if ft.arrow == "->":
        return I.BoolLit(True)
    return I.FunApp(f"Requires{n}", (f,) + tuple(args))


def function_value(tr: Any, f: D.Function, e: D.Expr) -> I.Expr:
    """A named function used as a value: a constant `fn#F` of sort Func with
        forall b :: ApplyN(fn#F, b) == Box(F(Unbox(b)))   and   RequiresN(fn#F, b) == pre(b)
    (definitions of a fresh constant). Functions reading the heap or of instances are not
    translated."""
    ctx = tr.ctx
    info = ctx.funcs.get(id(f))
    n = len(f.formals)
    if info is None or info.reads_heap or n == 0 or n > 3 or \
            (not f.is_static and isinstance(f.owner, (D.ClassDecl, D.DatatypeDecl,
                                                       D.NewtypeDecl))):
        raise Unsupported(e.span, f"function '{f.name}' as a value")
    name = "fn#" + info.name
    key = ("fnvalue", name)
    if key not in ctx.keep:
        ctx.keep.append(key)
        ctx.global_decls.append(I.ConstDecl(name, FUNC))
        boxes = tuple(I.Formal(f"b#{k}", BOX) for k in range(n))
        args = [ctx.enc.unbox(I.Ident(b.name), t) for b, t in zip(boxes, info.formal_types)]
        from .exprs import ExprTranslator
        env = Env()
        call_args: list[I.Expr] = []
        if info.recursive:
            call_args.append(env.fuel)
        call = I.FunApp(info.name, tuple(call_args + args))
        apply = I.FunApp(f"Apply{n}", (I.Ident(name),) + tuple(I.Ident(b.name) for b in boxes))
        ctx.global_decls.append(I.AxiomDecl(I.Quantifier(
            "forall", boxes, I.Binary("==", apply, ctx.enc.box(call, info.result_type)),
            (I.Trigger((apply,)),))))
        from .functions import precondition_of
        pre = precondition_of(ctx, info, env, None, args)
        req = I.FunApp(f"Requires{n}", (I.Ident(name),) + tuple(I.Ident(b.name) for b in boxes))
        ctx.global_decls.append(I.AxiomDecl(I.Quantifier(
            "forall", boxes, I.Binary("==", req, pre), (I.Trigger((req,)),))))
        _ = ExprTranslator
    return I.Ident(name)
