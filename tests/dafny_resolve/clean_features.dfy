// Many Dafny 4 features used correctly: must resolve without errors.
module Util {
  function Max(a: int, b: int): int { if a > b then a else b }
  type Small = x: int | 0 <= x < 10 witness 0
  newtype Byte = x: int | 0 <= x < 256
}

module Main {
  import opened Util
  import U = Util

  trait Shape {
    function Area(): real reads this
    method Scale(k: real) modifies this
  }

  class Square extends Shape {
    var side: real
    constructor (s: real) ensures side == s { side := s; }
    function Area(): real reads this { side * side }
    method Scale(k: real) modifies this { side := side * k; }
  }

  datatype Tree<T> = Leaf | Node(left: Tree<T>, val: T, right: Tree<T>) {
    function Size(): nat { if Leaf? then 0 else 1 + left.Size() + right.Size() }
  }

  codatatype Stream = Cons(head: int, tail: Stream)

  function Count<T>(t: Tree<T>): nat { t.Size() }

  ghost function Sum(s: seq<int>): int { if s == [] then 0 else s[0] + Sum(s[1..]) }

  predicate Sorted(a: array<int>) reads a {
    forall i, j :: 0 <= i < j < a.Length ==> a[i] <= a[j]
  }

  lemma SumAppend(s: seq<int>, x: int) ensures Sum(s + [x]) == Sum(s) + x {
    if s != [] {
      calc {
        Sum(s + [x]);
      == { assert (s + [x])[1..] == s[1..] + [x]; }
        s[0] + Sum(s[1..] + [x]);
      == { SumAppend(s[1..], x); }
        Sum(s) + x;
      }
    }
  }

  method Fill(a: array2<int>, v: int) modifies a {
    forall i, j | 0 <= i < a.Length0 && 0 <= j < a.Length1 { a[i, j] := v; }
  }

  method Demo(n: nat) returns (r: int, ghost g: int)
    requires n > 0
  {
    var a := new int[n](i => i * 2);
    var b := a[..];
    var m: map<int, string> := map[1 := "one"];
    var st := {1, 2} + {3};
    var ms := multiset{1, 1, 2};
    var t := (1, true);
    var f := (x: int) => x + 1;
    var sq := new Square(2.0);
    var sh: Shape := sq;
    sh.Scale(2.0);
    var tree := Node(Leaf, 3, Leaf);
    var size := Count(tree);
    var small: Small := 3;
    var byte: Byte := 200;
    var x := byte as int + small + Max(1, 2) + U.Max(3, 4);
    var s := "hi" + [' '] + m[1];
    for i := 0 to n invariant true { r := r + i; }
    var k := n;
    while k > 0 decreases k { k := k - 1; }
    match tree {
      case Leaf => r := 0;
      case Node(_, v, Node(_, w, _)) => r := v + w;
      case Node(_, v, _) => r := v;
    }
    r := r + (if t.1 then t.0 else 0) + f(x) + |b| + |st| + ms[1] + |s|;
    g := Sum(b);
    assert |m.Keys| == 1;
    print r, " ", s, "\n";
    SumAppend([], 1);
    var q :| q in st;
    var (p1, p2) := t;
    r := r + p1 + q;
    expect r >= 0, "nonnegative";
  }
}
