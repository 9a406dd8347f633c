// Prefixes and suffixes of an array after an element update: a[..k+1] is a[..k] + [a[k]]
// when both prefixes are mentioned, and updates inside / outside a slice are seen by it.

method Compact(a: array<int>, v: int) returns (n: int)
  modifies a
  ensures 0 <= n <= a.Length
  ensures multiset(a[..n]) == multiset(old(a[..]))[v := 0]
{
  var i := 0;
  n := 0;
  while i < a.Length
    invariant n <= i <= a.Length
    invariant old(a[i..]) == a[i..]
    invariant multiset(a[..n]) == multiset(old(a[..i]))[v := 0]
  {
    if a[i] != v {
      a[n] := a[i];
      n := n + 1;
    }
    i := i + 1;
  }
  assert old(a[..i]) == old(a[..]);
}

method TakeDropUpdate(s: seq<int>, i: int, n: int)
  requires 0 <= i < n <= |s|
{
  assert s[i := 7][..n] == s[..n][i := 7];
  assert s[i := 7][n..] == s[n..];
  assert s[..0] == [];
}

method Wrong(a: array<int>, v: int)
  requires a.Length > 2
  modifies a
{
  a[1] := v;
  assert a[..1] == old(a[..1]);
  assert a[..2] == old(a[..2]);  // error: a[1] changed
}
