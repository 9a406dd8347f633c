// Generic array code used with a concrete element type: all arrays share the boxed heap.
method Fill<T>(a: array<T>, x: T)
  modifies a
  ensures forall i :: 0 <= i < a.Length ==> a[i] == x
{
  var i := 0;
  while i < a.Length
    invariant 0 <= i <= a.Length
    invariant forall k :: 0 <= k < i ==> a[k] == x
  {
    a[i] := x;
    i := i + 1;
  }
}
method Main() {
  var a := new int[3];
  a[0] := 7;
  Fill(a, 5);
  assert a[0] == 5;
  assert a[..] == [5, 5, 5];
  var b := new int[] [1, 2];
  assert b[1] == 2;
  assert a[1] == 7;
}
