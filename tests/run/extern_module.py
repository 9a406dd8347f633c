"""Extern implementations for extern_module.dfy (passed with --extern-module)."""
from pydafny.compiler.runtime import Seq


def Add(a, b):
    return a + b


def Join(xs, sep):
    return Seq.of_str(sep.to_str().join(x.to_str() for x in xs))


def Fail(msg):
    raise ValueError(msg.to_str())


def Twice(x):
    return 2 * x


def Describe(obj, suffix):
    return Seq.of_str(f"object with v={obj.v}{suffix.to_str()}")
