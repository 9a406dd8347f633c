"""Conversions between the representations of one collection value at different IVL sorts.

A Dafny collection whose element (key, value) type is a type parameter is represented with
boxed elements (`Seq.Box`, `Set.Box`, `Map.Box.Box`, ...); the same Dafny value at a concrete
instance has unboxed elements (`Seq.int`, `Set.DT.Pair`, `Map.Ref.int`, nested:
`Seq.Seq.int`). Passing a value across a generic call converts it element-wise.

Takes: the `Encoding` (sort shapes, theory instances) and two IVL sorts of the same shape.
Guarantees: `Converter.convert(e, have, want, span)` is an IVL expression of sort `want`
denoting e with every element converted:
  * "up" (want boxes more positions than have): the element conversion f is injective, with
    the "down" conversion g as left inverse (g(f(x)) == x); the collection conversion is the
    image under f, so it is injective too (axiom Down(Up(s)) == s);
  * "down" (want boxes fewer positions): elements are unboxed; a set or map keeps exactly the
    elements (keys) whose up-image is in the original.
  * a conversion that boxes some positions and unboxes others raises `Unsupported`, as do
    multisets and other sorts.
Each conversion pair is declared once, with its axioms, as a theory instance of the encoding.
Every axiom states a fact of the intended model (collections are finite; Up/Down map the
element conversions over elements, keys and values), each with its reason beside it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..ivl import ast as I
from ..syntax.source import NO_SPAN
from .unsupported import Unsupported

BOX = I.CtorType("Box")
Conv = Callable[[I.Expr], I.Expr]


def _forall(vs: list[tuple[str, I.Type]], body: I.Expr, *triggers: tuple[I.Expr, ...]) -> I.Decl:
    return I.AxiomDecl(I.Quantifier("forall", tuple(I.Formal(n, t) for n, t in vs), body,
                                    tuple(I.Trigger(tr) for tr in triggers)))


def _app(name: str, *args: I.Expr) -> I.Expr:
    return I.FunApp(name, tuple(args))


def _and(*xs: I.Expr) -> I.Expr:
    e = xs[0]
    for x in xs[1:]:
        e = I.Binary("&&", e, x)
    return e


def _range(i: I.Expr, length: I.Expr) -> I.Expr:
    return _and(I.Binary("<=", I.IntLit(0), i), I.Binary("<", i, length))


class Converter:
    """Element-wise conversions between collection sorts (see the module docstring)."""

    def __init__(self, enc: Any) -> None:
        self.enc = enc
        self._fns: dict[tuple[str, str], str] = {}

    # ------------------------------------------------------------------ public
    def convert(self, e: I.Expr, have: I.Type, want: I.Type, span: Any = NO_SPAN) -> I.Expr:
        if have == want:
            return e
        if want == BOX:
            return self.enc.box(e, have)
        if have == BOX:
            return self.enc.unbox(e, want)
        name = self.fn(have, want, span)
        inverse = self._inverse_name(have, want)
        # converting back a converted value gives the value itself: for the down direction
        # this is the left-inverse axiom; for up(down(x)) it holds for the values Dafny
        # programs have (a generic collection at a concrete instance holds boxes of that
        # type), as the box/unbox simplification in `Encoding.box` assumes
        if isinstance(e, I.FunApp) and len(e.args) == 1 and e.name == inverse:
            return e.args[0]
        return I.FunApp(name, (e,))

    def direction(self, have: I.Type, want: I.Type, span: Any = NO_SPAN) -> str:
        """'same', 'up' or 'down' (Unsupported for mixed or non-collection sorts)."""
        if have == want:
            return "same"
        if want == BOX:
            return "up"
        if have == BOX:
            return "down"
        hs, ws = self.enc.shape(have), self.enc.shape(want)
        if hs is None or ws is None or hs[0] != ws[0] or hs[0] == "multiset":
            raise Unsupported(span, f"generic instantiation from {have} to {want}")
        dirs = {self.direction(a, b, span) for a, b in zip(hs[1], ws[1])} - {"same"}
        if len(dirs) != 1:
            raise Unsupported(span, f"generic instantiation from {have} to {want}")
        return dirs.pop()

    # ------------------------------------------------------------------ declarations
    def _raw(self, have: I.Type, want: I.Type, span: Any) -> Conv:
        """The element conversion as a term builder, without simplifications (axioms must
        say f(g(y)), not y)."""
        if have == want:
            return lambda x: x
        if want == BOX:
            tg = self.enc.use("box", have)
            return lambda x: _app(f"$Box.{tg}", x)
        if have == BOX:
            tg = self.enc.use("box", want)
            return lambda x: _app(f"$Unbox.{tg}", x)
        name = self.fn(have, want, span)
        return lambda x: _app(name, x)

    def _seqbox(self, have: I.Type, want: I.Type) -> tuple[str, str] | None:
        """(to, back) names when the conversion is between `Seq.X` and `Seq.Box`: the
        prelude's seqbox template (Seq#ToBox.X, Seq#FromBox.X), which other theories
        (multisets of boxed sequences) build on."""
        for a, b, k in ((have, want, 0), (want, have, 1)):
            sa = self.enc.shape(a)
            if b == I.CtorType("Seq.Box") and sa is not None and sa[0] == "seq" \
                    and sa[1][0] != BOX:
                tg = self.enc.use("seqbox", sa[1][0])
                names = (f"Seq#ToBox.{tg}", f"Seq#FromBox.{tg}")
                return names if k == 0 else (names[1], names[0])
        return None

    def _inverse_name(self, have: I.Type, want: I.Type) -> str:
        sb = self._seqbox(have, want)
        if sb is not None:
            return sb[1]
        return self._fns.get((str(want), str(have)), "")

    def fn(self, have: I.Type, want: I.Type, span: Any = NO_SPAN) -> str:
        """The name of the conversion function from `have` to `want` (declared once)."""
        sb = self._seqbox(have, want)
        if sb is not None:
            return sb[0]
        key = (str(have), str(want))
        name = self._fns.get(key)
        if name is not None:
            return name
        d = self.direction(have, want, span)
        if d == "down":
            # declared together with its up conversion (the left-inverse axiom needs both)
            self.fn(want, have, span)
            return self._fns[key]
        up = f"$Conv.{have}.to.{want}"
        down = f"$Conv.{want}.to.{have}"
        self._fns[key] = up
        self._fns[(str(want), str(have))] = down
        kind, h_elems = self.enc.shape(have)
        _, w_elems = self.enc.shape(want)
        ups = [self._raw(a, b, span) for a, b in zip(h_elems, w_elems)]
        downs = [self._raw(b, a, span) for a, b in zip(h_elems, w_elems)]
        decls: list[I.Decl] = [I.FunctionDecl(up, (I.Formal("s", have),), want),
                               I.FunctionDecl(down, (I.Formal("s", want),), have)]
        build = {"seq": self._seq, "set": self._set, "iset": self._set, "map": self._map}[kind]
        decls += build(up, down, have, want, h_elems, w_elems, ups, downs)
        # Down(Up(s)) == s: every element conversion has its down conversion as left
        # inverse (Unbox(Box(x)) == x; nested by this very axiom), and Up/Down apply them
        # element-wise (sets and maps: Down keeps what Up's image contains).
        decls.append(_forall([("s", have)], I.Binary("==", _app(down, _app(up, I.Ident("s"))),
                                                     I.Ident("s")), (_app(up, I.Ident("s")),)))
        self.enc.add_instance(("conv", up), tuple(decls))
        return up

    def _seq(self, up: str, down: str, have: I.Type, want: I.Type, he: tuple[I.Type, ...],
             we: tuple[I.Type, ...], ups: list[Conv], downs: list[Conv]) -> list[I.Decl]:
        ht, wt = _etag(have, "Seq."), _etag(want, "Seq.")
        out: list[I.Decl] = []
        s, i = I.Ident("s"), I.Ident("i")
        for fn, src, dst, src_t, dst_t, f in ((up, ht, wt, have, want, ups[0]),
                                              (down, wt, ht, want, have, downs[0])):
            conv = _app(fn, s)
            # The conversion maps over the list: the same length ...
            out.append(_forall([("s", src_t)], I.Binary(
                "==", _app(f"Seq#Length.{dst}", conv), _app(f"Seq#Length.{src}", s)), (conv,)))
            # ... and each element converted.
            idx = _app(f"Seq#Index.{dst}", conv, i)
            out.append(_forall([("s", src_t), ("i", I.INT)], I.Binary(
                "==>", _range(i, _app(f"Seq#Length.{src}", s)),
                I.Binary("==", idx, f(_app(f"Seq#Index.{src}", s, i)))), (idx,)))
            # Mapping over a list commutes with taking or dropping a prefix (in range) and
            # with concatenation: both sides have the same length and elements.
            n, t = I.Ident("n"), I.Ident("t")
            for op in ("Take", "Drop"):
                outer = _app(f"Seq#{op}.{dst}", conv, n)
                inner = _app(fn, _app(f"Seq#{op}.{src}", s, n))
                out.append(_forall([("s", src_t), ("n", I.INT)], I.Binary(
                    "==>", _and(I.Binary("<=", I.IntLit(0), n),
                                I.Binary("<=", n, _app(f"Seq#Length.{src}", s))),
                    I.Binary("==", inner, outer)), (outer,), (inner,)))
            outer = _app(f"Seq#Append.{dst}", conv, _app(fn, t))
            inner = _app(fn, _app(f"Seq#Append.{src}", s, t))
            out.append(_forall([("s", src_t), ("t", src_t)], I.Binary("==", inner, outer),
                               (outer,), (inner,)))
        return out

    def _set(self, up: str, down: str, have: I.Type, want: I.Type, he: tuple[I.Type, ...],
             we: tuple[I.Type, ...], ups: list[Conv], downs: list[Conv]) -> list[I.Decl]:
        ht, wt = _etag(have, "Set."), _etag(want, "Set.")
        f, g = ups[0], downs[0]
        s, x, y = I.Ident("s"), I.Ident("x"), I.Ident("y")
        cu, cd = _app(up, s), _app(down, s)
        in_up_fx = _app(f"Set#In.{wt}", cu, f(x))
        in_up_y = _app(f"Set#In.{wt}", cu, y)
        in_s_x = _app(f"Set#In.{ht}", s, x)
        return [
            # Up(s) is the image of s under the injective f: f(x) is in it iff x is in s ...
            _forall([("s", have), ("x", he[0])], I.Binary("<==>", in_up_fx, in_s_x),
                    (in_up_fx,), (cu, in_s_x)),
            # ... and each of its members is f of a member of s (g(f(x)) == x).
            _forall([("s", have), ("y", we[0])], I.Binary(
                "==>", in_up_y, _and(_app(f"Set#In.{ht}", s, g(y)), I.Binary("==", y, f(g(y))))),
                (in_up_y,)),
            # Down(s) holds the x whose image f(x) is in s (finite: f is injective).
            _forall([("s", want), ("x", he[0])], I.Binary(
                "<==>", _app(f"Set#In.{ht}", cd, x), _app(f"Set#In.{wt}", s, f(x))),
                (_app(f"Set#In.{ht}", cd, x),)),
        ] + ([] if ht.startswith("~") else [
            # An injective image has as many members (finite sets; iset tags start with ~).
            _forall([("s", have)], I.Binary("==", _app(f"Set#Card.{wt}", cu),
                                            _app(f"Set#Card.{ht}", s)),
                    (_app(f"Set#Card.{wt}", cu),))])

    def _map(self, up: str, down: str, have: I.Type, want: I.Type, he: tuple[I.Type, ...],
             we: tuple[I.Type, ...], ups: list[Conv], downs: list[Conv]) -> list[I.Decl]:
        hm, wm = _etag(have, "Map."), _etag(want, "Map.")
        hks, wks = self.enc.set_sort(he[0]), self.enc.set_sort(we[0])
        hk, wk = _etag(hks, "Set."), _etag(wks, "Set.")
        fk = ups[0]
        fv, gv = ups[1], downs[1]
        keys_up = keys_down = ""
        if he[0] != we[0]:
            keys_up = self.fn(hks, wks)
            keys_down = self._fns[(str(wks), str(hks))]
        m, k = I.Ident("m"), I.Ident("k")
        cu, cd = _app(up, m), _app(down, m)
        out: list[I.Decl] = []
        dom_h = _app(f"Map#Domain.{hm}", m)
        dom_w = _app(f"Map#Domain.{wm}", m)

        def set_conv(x: I.Expr, name: str) -> I.Expr:
            return _app(name, x) if name else x

        # Up(m)'s keys are the images of m's keys ...
        out.append(_forall([("m", have)], I.Binary(
            "==", _app(f"Map#Domain.{wm}", cu), set_conv(dom_h, keys_up)), (cu,)))
        # ... and the image of a key maps to the image of its value.
        el = _app(f"Map#Elements.{wm}", cu, fk(k))
        out.append(_forall([("m", have), ("k", he[0])], I.Binary(
            "==>", _app(f"Set#In.{hk}", dom_h, k),
            I.Binary("==", el, fv(_app(f"Map#Elements.{hm}", m, k)))), (el,),
            (cu, _app(f"Set#In.{hk}", dom_h, k))))
        # Down(m) keeps the keys whose image is a key of m ...
        out.append(_forall([("m", want)], I.Binary(
            "==", _app(f"Map#Domain.{hm}", cd), set_conv(dom_w, keys_down)), (cd,)))
        # ... each mapping to its value converted down.
        el = _app(f"Map#Elements.{hm}", cd, k)
        out.append(_forall([("m", want), ("k", he[0])], I.Binary(
            "==>", _app(f"Set#In.{wk}", dom_w, fk(k)),
            I.Binary("==", el, gv(_app(f"Map#Elements.{wm}", m, fk(k))))), (el,)))
        return out


def _etag(t: I.Type, prefix: str) -> str:
    """The theory tag of a collection sort: `Seq.int` -> `int`, `Map.Ref.int` -> `Ref.int`."""
    assert isinstance(t, I.CtorType) and t.name.startswith(prefix)
    return t.name[len(prefix):]
