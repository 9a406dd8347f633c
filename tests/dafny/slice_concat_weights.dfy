// Slices of arrays and sequences concatenated in a loop invariant: the axioms that go from an
// element of s to the same element of a slice or concatenation of s are weighted (as in Dafny)
// so that chains of such index terms stay short; this proof ran out of resources without.
method CopyInto(s: seq<int>, a: array<int>, index: nat)
  requires index + |s| <= a.Length
  modifies a
  ensures a[..] == old(a[..index]) + s + old(a[index + |s|..])
{
  var i := index;
  while i < index + |s|
    invariant index <= i <= index + |s| <= a.Length
    invariant a[..] == old(a[..index]) + s[..i - index] + old(a[i..])
  {
    label L:
    a[i] := s[i - index];
    calc {
      a[..];
    ==
      old@L(a[..])[i := s[i - index]];
    ==
      (old(a[..index]) + s[..i - index] + old(a[i..]))[i := s[i - index]];
    ==  { assert |old(a[..index]) + s[..i - index]| == i; }
      (old(a[..index]) + s[..i - index]) + old(a[i..])[0 := s[i - index]];
    ==  { assert old(a[i..])[0 := s[i - index]] == [s[i - index]] + old(a[i + 1..]); }
      old(a[..index]) + (s[..i - index] + [s[i - index]]) + old(a[i + 1..]);
    ==  { assert s[..i - index] + [s[i - index]] == s[..i + 1 - index]; }
      old(a[..index]) + s[..i + 1 - index] + old(a[i + 1..]);
    }
    i := i + 1;
  }
  assert s[..i - index] == s;
}

method Wrong(s: seq<int>, a: array<int>)
  requires |s| <= a.Length
  modifies a
{
  var i := 0;
  while i < |s|
    invariant 0 <= i <= |s|
    invariant a[..i] == s[..i]
  {
    a[i] := s[i];
    i := i + 1;
  }
  assert a[..] == s;  // error: a may be longer
}

// Two weighted steps (array element to prefix to slice) must stay within reach.
method SliceEquality(a: array<int>, c: array<int>, k: nat, l: nat, n: nat)
  requires k + n <= a.Length && l + n <= c.Length
{
  if a[k..k + n] == c[l..l + n] {
    assert forall i :: 0 <= i < n ==> a[k + i] == c[l + i];
  }
}
