"""Python code called from greet.dfy through {:extern} (see README, `pydafny run`).

Dafny values arrive as pydafny runtime values: int is int, bool is bool, a `string` is a
`pydafny.compiler.runtime.Seq` of one-character strings (`s.to_str()` gives a Python str,
`Seq.of_str(text)` makes one), seq/set/map are `Seq`/`Set`/`Map`. A method with several
out-parameters returns a tuple.
"""

from __future__ import annotations

import math

from pydafny.compiler.runtime import Seq


def Shout(s: Seq) -> Seq:
    return Seq.of_str(s.to_str().upper() + "!")


def isqrt(n: int) -> int:
    return math.isqrt(n)


def DivMod(a: int, b: int) -> tuple[int, int]:
    return divmod(a, b)


class Counter:
    """An extern class: `new Counter(start)` calls Counter(start)."""

    def __init__(self, start: int) -> None:
        self.n = start

    def Inc(self) -> int:
        self.n += 1
        return self.n
