"""Unit tests of the runtime used by Python code generated from Dafny."""

from __future__ import annotations

from fractions import Fraction

import pytest

import pydafny.compiler.runtime as rt
from pydafny.compiler.runtime import Array, Map, MultiSet, Seq, Set, string_of

# ------------------------------------------------------------------ sequences

def test_seq_basic_ops() -> None:
    s = Seq.of(1, 2, 3)
    assert len(s) == 3 and s[0] == 1 and s[2] == 3
    assert list(s) == [1, 2, 3]
    assert 2 in s and 5 not in s
    assert s.slice(1, None) == Seq.of(2, 3)
    assert s.slice(None, 2) == Seq.of(1, 2)
    assert s.slice(1, 2) == Seq.of(2)
    assert s.update(1, 9) == Seq.of(1, 9, 3) and s == Seq.of(1, 2, 3)
    with pytest.raises(IndexError):
        s[3]
    with pytest.raises(IndexError):
        s[-1]
    with pytest.raises(IndexError):
        s.slice(2, 1)


def test_seq_concat_shares_buffer_but_keeps_values() -> None:
    base = Seq.of(1, 2)
    a = base + Seq.of(3)
    b = base + Seq.of(4)          # base no longer owns the tail: must copy
    assert base == Seq.of(1, 2)
    assert a == Seq.of(1, 2, 3)
    assert b == Seq.of(1, 2, 4)
    c = a.append(5)
    d = a.append(6)
    assert c == Seq.of(1, 2, 3, 5) and d == Seq.of(1, 2, 3, 6) and a == Seq.of(1, 2, 3)
    assert a + a == Seq.of(1, 2, 3, 1, 2, 3)
    sl = c.slice(1, 3)
    assert sl + Seq.of(7) == Seq.of(2, 3, 7) and c == Seq.of(1, 2, 3, 5)


def test_seq_append_in_loop_is_linear() -> None:
    s = Seq()
    for i in range(100_000):
        s = s + Seq.of(i)
    assert len(s) == 100_000 and s[99_999] == 99_999
    assert s._buf is s._buf  # one buffer shared by every intermediate value
    t = rt.EMPTY_SEQ
    for i in range(10):
        t = t.append(i)
    assert rt.EMPTY_SEQ == Seq() and len(rt.EMPTY_SEQ) == 0


def test_seq_equality_hash_prefix() -> None:
    a = Seq.of(1, 2, 3)
    b = Seq.of(0, 1, 2, 3).slice(1, None)
    assert a == b and hash(a) == hash(b)
    assert a != Seq.of(1, 2) and a != Seq.of(1, 2, 4)
    a2 = Seq.of(1, 2, 3)
    assert Seq.of(1, 2) <= a and Seq.of(1, 2) < a and a <= a2 and not a < a2
    assert not Seq.of(2) <= a
    assert {a: 1}[b] == 1


def test_seq_constructor_and_strings() -> None:
    assert Seq.init(4, lambda i: i * i) == Seq.of(0, 1, 4, 9)
    s = Seq.of_str("hello")
    assert s.to_str() == "hello" and s[1] == "e"
    assert rt.raw_string(s) == "hello"
    assert string_of(s) == "['h', 'e', 'l', 'l', 'o']"   # nested strings: their chars


# ------------------------------------------------------------------ sets, multisets, maps

def test_set_ops() -> None:
    a, b = Set.of(1, 2, 3), Set.of(3, 4)
    assert a + b == Set.of(1, 2, 3, 4)
    assert a * b == Set.of(3)
    assert a - b == Set.of(1, 2)
    b2 = Set.of(1, 2, 3)
    assert Set.of(1, 2) <= a and Set.of(1, 2) < a and a <= b2 and not a < b2
    assert a.is_disjoint_from(Set.of(7)) and not a.is_disjoint_from(b)
    assert Set.of(1, 2) == Set.of(2, 1) and hash(Set.of(1, 2)) == hash(Set.of(2, 1))
    assert 2 in a and len(a) == 3
    assert Set.of(Set.of(1), Set.of(1)) == Set.of(Set.of(1))


def test_multiset_ops() -> None:
    m = MultiSet.of(1, 1, 2)
    assert len(m) == 3 and m[1] == 2 and m[5] == 0 and 1 in m and 5 not in m
    assert m + MultiSet.of(2) == MultiSet.of(1, 1, 2, 2)
    assert m * MultiSet.of(1, 3) == MultiSet.of(1)
    assert m - MultiSet.of(1, 2, 2) == MultiSet.of(1)
    assert MultiSet.of(1) <= m and MultiSet.of(1) < m and not m < MultiSet.of(1, 2, 1)
    assert m.update(1, 0) == MultiSet.of(2)
    assert MultiSet(Seq.of(3, 3)) == MultiSet.of(3, 3)
    assert MultiSet.from_set(Set.of(1, 2)) == MultiSet.of(2, 1)
    assert hash(MultiSet.of(1, 2)) == hash(MultiSet.of(2, 1))


def test_map_ops() -> None:
    m = Map.of((1, "a"), (2, "b"))
    assert m[1] == "a" and 2 in m and 3 not in m and len(m) == 2
    assert m.update(3, "c")[3] == "c" and 3 not in m
    assert m.Keys == Set.of(1, 2) and m.Values == Set.of("a", "b")
    assert m.Items == Set.of((1, "a"), (2, "b"))
    assert m + Map.of((1, "z")) == Map.of((1, "z"), (2, "b"))
    assert m - Set.of(1) == Map.of((2, "b"))
    assert hash(m) == hash(Map.of((2, "b"), (1, "a")))
    with pytest.raises(KeyError):
        m[7]


# ------------------------------------------------------------------ numbers

@pytest.mark.parametrize("a,b", [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, -3)])
def test_euclidean_division(a: int, b: int) -> None:
    q, r = rt.div(a, b), rt.mod(a, b)
    assert a == b * q + r and 0 <= r < abs(b)


def test_division_by_zero_is_a_runtime_error() -> None:
    with pytest.raises(rt.DafnyRuntimeError):
        rt.div(1, 0)
    with pytest.raises(rt.DafnyRuntimeError):
        rt.mod(1, 0)


def test_bitvector_helpers() -> None:
    assert rt.bv_rotate_left(0b1001, 1, 4) == 0b0011
    assert rt.bv_rotate_right(0b1001, 1, 4) == 0b1100
    assert rt.shift_left(0xFF, 4, 8) == 0xF0
    assert rt.shift_right(0xF0, 4, 8) == 0x0F


def test_reals() -> None:
    assert rt.real_of("1.5") == Fraction(3, 2)
    assert rt.floor(Fraction(-3, 2)) == -2
    assert rt.real_str(Fraction(3)) == "3.0"
    assert rt.real_str(Fraction(-3, 2)) == "-1.5"
    assert rt.real_str(Fraction(1, 3)) == "(1.0 / 3.0)"
    assert rt.real_str(Fraction(1, 1000)) == "0.001"
    assert rt.real_str(Fraction(-1, 8)) == "-0.125"


# ------------------------------------------------------------------ printing

def test_print_format_of_values() -> None:
    assert string_of(True) == "true" and string_of(False) == "false"
    assert string_of(-5) == "-5"
    assert string_of("a") == "'a'" and string_of("\n") == "'\\n'"
    assert string_of(None) == "null"
    assert string_of(Seq.of(1, 2)) == "[1, 2]" and string_of(Seq()) == "[]"
    assert string_of(Set.of(2, 1)) == "{1, 2}" and string_of(Set()) == "{}"
    assert string_of(MultiSet.of(2, 1, 1)) == "multiset{1, 1, 2}"
    assert string_of(Map.of((2, True), (1, False))) == "map[1 := false, 2 := true]"
    assert string_of((1, Seq.of(2))) == "(1, [2])" and string_of(()) == "()"
    assert string_of(Fraction(5, 2)) == "2.5"
    assert string_of(Set.of(Seq.of(1), Seq.of(0))) == "{[1], [0]}"  # insertion order


def test_print_datatype_and_object() -> None:
    class Tree(rt.Datatype):
        __slots__ = ()

    class Leaf(Tree):
        __slots__ = ()
        _name = "Tree.Leaf"

    class Node(Tree):
        __slots__ = ("left", "name", "val")
        _fields = ("left", "val", "name")
        _name = "Tree.Node"
        _string_fields = frozenset({"name"})

        def __init__(self, left: Tree, val: int, name: Seq) -> None:
            self.left, self.val, self.name = left, val, name

    n = Node(Leaf(), 1, Seq.of_str('a"b'))
    assert string_of(n) == 'Tree.Node(Tree.Leaf, 1, "a\\"b")'
    assert string_of(n._replace(val=2)) == 'Tree.Node(Tree.Leaf, 2, "a\\"b")'

    class C(rt.DafnyObject):
        __slots__ = ()
        _dafny_name = "_module.C"
    assert string_of(C()) == "_module.C"


# ------------------------------------------------------------------ arrays and misc

def test_arrays() -> None:
    a = Array.new((3,), 0)
    a.arr[1] = 5
    assert a.Length == 3 and a.arr == [0, 5, 0]
    assert rt.seq_of_array(a) == Seq.of(0, 5, 0) and rt.seq_of_array(a, 1, 2) == Seq.of(5)
    m = Array.init((2, 3), lambda i, j: i * 10 + j)
    assert m.length(0) == 2 and m.length(1) == 3 and (m.Length0, m.Length1) == (2, 3)
    assert m.arr[m.index(1, 2)] == 12
    with pytest.raises(IndexError):
        m.index(2, 0)
    assert Array.of([1, 2]).arr == [1, 2]
    assert Array.new((2,), 0) != Array.new((2,), 0)  # reference identity


def test_pick() -> None:
    assert rt.pick(range(10), lambda x: x * x > 10) == 4
    with pytest.raises(rt.NoWitness):
        rt.pick(range(3), lambda x: x > 5)


def test_print_order_of_tuples_and_lazy_values() -> None:
    assert string_of(Set.of((17, 0), (12, 26))) == "{(12, 26), (17, 0)}"
    assert string_of(Set.of((1, "a"), (0, 2))) == "{(0, 2), (1, 'a')}"
    calls = []
    lz = rt.Lazy(lambda: calls.append(1) or 5)
    assert lz.force() == 5 and lz.force() == 5 and calls == [1]


def test_map_versions_share_one_dict_and_keep_their_values() -> None:
    m0 = Map.of((1, "a"))
    versions = [m0]
    m = m0
    for i in range(2, 200):
        m = m.update(i, str(i))
        versions.append(m)
    assert len(m) == 199 and m[150] == "150"
    assert m0._store is m._store                        # no copies were made
    # every old version still has its own contents, read in any order
    for k in (0, 57, 3, 198, 1, 120):
        v = versions[k]
        assert len(v) == k + 1 and (k + 1) in v and (k + 2) not in v
    assert len(m) == 199 and m0 == Map.of((1, "a"))
    # operations mixing two versions of one store
    assert versions[10] != versions[11] and versions[10] == versions[10].update(1, "a")
    assert versions[5].merge(versions[7]) == versions[7]
    assert versions[7] - Set.of(7, 8) == versions[5]
    assert hash(versions[3]) == hash(Map.of((1, "a"), (2, "2"), (3, "3"), (4, "4")))
    assert m0.update(1, "z")[1] == "z" and m0[1] == "a"


def test_set_versions_and_iteration_while_deriving() -> None:
    s = Set()
    olds = []
    for i in range(100):
        olds.append(s)
        s = s + Set.of(i)
    assert len(s) == 100 and len(olds[40]) == 40 and 39 in olds[40] and 40 not in olds[40]
    assert olds[10] < olds[20] and olds[20] <= s and not s <= olds[20]
    assert olds[30] + olds[10] == olds[30] and (olds[30] - olds[10]) == Set(range(10, 30))
    assert olds[10].is_disjoint_from(s - olds[10])
    # iterating one version while deriving others from it sees a stable snapshot
    t = olds[50]
    grown = [t + Set.of(1000 + x) for x in t]
    assert len(grown) == 50 and all(len(g) == 51 for g in grown) and len(t) == 50
    assert s - Set.of(3) == Set(x for x in range(100) if x != 3) and 3 in s


def test_map_update_in_a_loop_is_linear() -> None:
    m = Map()
    for i in range(100_000):
        m = m.update(i % 1000, i)
    assert len(m) == 1000 and m[999] == 99_999


def test_print_arrays_and_functions() -> None:
    assert string_of(Array.new((3,), 0)) == "array[3]"
    assert string_of(Array.new((2, 3), 0)) == "array[2, 3]"
    assert string_of(lambda x: x) == "Function"


def test_branching_from_one_version_copies_instead_of_rerooting() -> None:
    base = Set.of(1, 2)
    a = base.add(3)               # shares base's dict
    b = base.add(4)               # base already used: b gets a copy
    assert a._store is base._store and b._store is not base._store
    assert a == Set.of(1, 2, 3) and b == Set.of(1, 2, 4) and base == Set.of(1, 2)
    grown = Set()
    for i in range(1000):         # a fresh branch from a shared empty set each time
        one = rt.EMPTY_SET.add(i)
        grown = grown.add(i)
        assert len(one) == 1
    assert len(grown) == 1000 and len(rt.EMPTY_SET) == 0


def test_reading_a_far_old_snapshot_makes_a_private_copy() -> None:
    s = Set()
    snap = s
    for i in range(500):
        s = s.add(i)
        if i == 10:
            snap = s
        if i >= 10:
            assert 5 in snap and 400 not in snap  # a read of the old version every time
    assert len(snap) == 11 and len(s) == 500 and snap._cache is not None
    assert s._store.cur is s                     # the newest version never moved


def test_multiset_versions() -> None:
    m = MultiSet()
    olds = []
    for i in range(300):
        olds.append(m)
        m = m + MultiSet.of(i % 3)
    assert len(m) == 300 and m[0] == 100 and len(olds[30]) == 30 and olds[30][1] == 10
    assert m - MultiSet.of(0) == m.update(0, 99) and m[0] == 100
    assert olds[6] <= olds[9] and olds[6] < olds[9] and not olds[9] <= olds[6]


# ------------------------------------------------------------------ lazy concatenation

def test_seq_prepend_chain_copies_linearly() -> None:
    from pydafny.compiler.runtime import seq as seqmod
    n = 100_000
    before = seqmod.copied()
    s = Seq()
    for i in range(n - 1, -1, -1):          # [i] + Rec(i + 1), built right to left
        s = Seq.of(i) + s
    small = seqmod.copied() - before         # only the first few short ones are copied
    assert small <= seqmod.SMALL * seqmod.SMALL   # then concat nodes only
    assert len(s) == n and s[0] == 0 and s[n - 1] == n - 1
    assert seqmod.copied() - before == small + n   # flattened once, iteratively
    assert sum(s[i] for i in range(n)) == n * (n - 1) // 2
    assert seqmod.copied() - before == small + n   # cached: indexing copies nothing more
    t = s.append(n)
    assert seqmod.copied() - before == small + n + 1 and t[n] == n and len(s) == n


def test_seq_append_loop_and_balanced_concat_copy_linearly() -> None:
    from pydafny.compiler.runtime import seq as seqmod
    before = seqmod.copied()
    s = Seq()
    for i in range(100_000):
        s = s + Seq.of(i)
        assert s[i] == i                     # indexing in between stays cheap
    assert seqmod.copied() - before <= 2 * 100_000

    def build(lo: int, hi: int) -> Seq:     # balanced: Rec(left half) + Rec(right half)
        if hi - lo == 1:
            return Seq.of(lo)
        mid = (lo + hi) // 2
        return build(lo, mid) + build(mid, hi)
    before = seqmod.copied()
    b = build(0, 1 << 16)
    assert list(b) == list(range(1 << 16))
    assert seqmod.copied() - before <= 4 * (1 << 16)


def test_lazy_concat_values() -> None:
    a = Seq.of(*range(20))
    b = Seq.of(*range(20, 40))
    c = a + b
    assert type(c).__name__ == "_Concat" and len(c) == 40
    assert c == Seq.of(*range(40)) and Seq.of(*range(40)) == c
    assert hash(c) == hash(Seq.of(*range(40)))
    d = b + a
    assert d != c and 39 in d and d.slice(20, 22) == Seq.of(0, 1)
    e = Seq.of_str("ab" * 10) + Seq.of_str("cd" * 10)
    assert rt.raw_string(e) == "ab" * 10 + "cd" * 10
    assert string_of(Seq.of(1) + Seq.of(*range(2, 12))) == str(list(range(1, 12)))
    assert a <= c and not c <= a and (c + c)[79] == 39


def test_printing_deeply_nested_values_is_iterative() -> None:
    class Nil(rt.Datatype):
        __slots__ = ()
        _name = "List.Nil"

    class Cons(rt.Datatype):
        __slots__ = ("head", "tail")
        _fields = ("head", "tail")
        _name = "List.Cons"

        def __init__(self, head: object, tail: object) -> None:
            self.head, self.tail = head, tail
    v: rt.Datatype = Nil()
    for i in range(100_000):
        v = Cons(i % 10, v)
    text = string_of(v)
    assert text.startswith("List.Cons(9, List.Cons(8, ") and text.endswith("List.Nil" + ")" * 100_000)
    nested: object = Seq.of(1)
    for _ in range(50_000):
        nested = Seq.of(nested)
    assert string_of(nested) == "[" * 50_001 + "1" + "]" * 50_001
