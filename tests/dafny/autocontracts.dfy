// {:autocontracts}: Repr, Valid() and the dynamic-frames specifications are generated.

// A growable stack over an array (an array subobject: `arr in Repr` is added to Valid,
// and Repr is updated at the end of Push after `arr` was replaced).
class {:autocontracts} Stack {
  var arr: array<int>
  var n: nat
  ghost var Elems: seq<int>

  ghost predicate Valid() {
    0 < arr.Length && n <= arr.Length && Elems == arr[..n]
  }

  constructor ()
    ensures Elems == []
  {
    arr := new int[4];
    n := 0;
    Elems := [];
  }

  method Push(x: int)
    ensures Elems == old(Elems) + [x]
  {
    if n == arr.Length {
      var b := new int[2 * arr.Length];
      forall i | 0 <= i < n {
        b[i] := arr[i];
      }
      arr := b;
    }
    arr[n] := x;
    n := n + 1;
    Elems := Elems + [x];
  }

  function Size(): nat
    ensures Size() == |Elems|
  {
    n
  }

  // a simple query method: no modifies clause is generated, so callers keep their facts
  method Top() returns (x: int)
    requires n > 0
    ensures x == Elems[|Elems| - 1]
  {
    x := arr[n - 1];
  }
}

// A class whose subobject is another {:autocontracts} class: Valid() includes
// `s in Repr && s.Repr <= Repr && this !in s.Repr && s.Valid()`.
class {:autocontracts} Counter {
  var s: Stack
  var pushes: nat

  ghost predicate Valid() {
    |s.Elems| == pushes
  }

  constructor ()
    ensures pushes == 0
  {
    s := new Stack();
    pushes := 0;
  }

  method Add(x: int)
    ensures pushes == old(pushes) + 1
  {
    s.Push(x);
    pushes := pushes + 1;
  }
}

method Main() {
  var st := new Stack();
  st.Push(1);
  st.Push(2);
  var t := st.Top();
  assert t == 2 && st.Size() == 2;
  st.Push(3);
  st.Push(4);
  st.Push(5);
  assert st.Elems == [1, 2, 3, 4, 5];
  var c := new Counter();
  c.Add(7);
  c.Add(8);
  assert c.pushes == 2;
  print st.Size(), " ", c.pushes, "\n";
}
