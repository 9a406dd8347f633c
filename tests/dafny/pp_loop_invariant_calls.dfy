// The preconditions of functions called in loop invariants are known at every loop head, so
// the calls unfold on loop exit (Dafny's canCall facts): j reaches exactly 0 below.
predicate Sorted(a: array<int>, lo: int, hi: int)
  requires 0 <= lo <= hi <= a.Length
  reads a
{
  forall x, y :: lo <= x < y < hi ==> a[x] <= a[y]
}

method Down(a: array<int>, i: int)
  requires 0 <= i < a.Length
  requires Sorted(a, 0, i + 1)
  ensures Sorted(a, 0, i + 1)
{
  var j := i;
  while j > 0
    invariant Sorted(a, j, i + 1)
  {
    j := j - 1;
  }
}

// negative: the precondition of the invariant's call is not maintained
method Bad(a: array<int>, i: int)
  requires 0 <= i < a.Length
  requires Sorted(a, 0, i + 1)
{
  var j := i;
  while j > -3
    invariant Sorted(a, j, i + 1)
  {
    j := j - 1;
  }
}
