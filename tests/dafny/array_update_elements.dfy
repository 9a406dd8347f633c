// a[..] after `a[i] := v` is the old a[..] updated at i: a swap keeps the multiset of the
// elements without any hint.
method Swap<T>(a: array<T>, i: int, j: int)
  requires 0 <= i < a.Length && 0 <= j < a.Length
  modifies a
  ensures multiset(a[..]) == old(multiset(a[..]))
  ensures a[..] == old(a[..])[i := old(a[j])][j := old(a[i])]
{
  var t := a[i];
  a[i] := a[j];
  a[j] := t;
}

// overwriting an element can change the multiset: rejected
method Overwrite(a: array<int>, i: int, j: int)
  requires 0 <= i < a.Length && 0 <= j < a.Length
  modifies a
  ensures multiset(a[..]) == old(multiset(a[..]))
{
  a[i] := a[j];
}

method Set(a: array<int>, i: int)
  requires 0 <= i < a.Length
  modifies a
  ensures a[..] == old(a[..])[i := 7]
{
  a[i] := 7;
}
