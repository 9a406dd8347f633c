// multiset of a sequence split into parts, with a one-element part (as in insertion sort).
method Split(rest: seq<int>)
  requires rest != []
{
  assert rest == rest[0..1] + rest[1..];
  assert multiset(rest) == multiset{rest[0]} + multiset(rest[1..]);
}

method Insert(s: seq<int>, r: seq<int>, rest: seq<int>, k: int)
  requires rest != [] && 0 <= k <= |r|
  requires multiset(s) == multiset(r) + multiset(rest)
{
  var x := rest[0];
  assert rest == rest[0..1] + rest[1..];
  var rest' := rest[1..];
  assert r == r[..k] + r[k..];
  var r' := r[..k] + [x] + r[k..];
  assert multiset(s) == multiset(r') + multiset(rest');
}

// negative: the element is counted twice
method Twice(rest: seq<int>)
  requires rest != []
{
  assert rest == rest[0..1] + rest[1..];
  assert multiset(rest) == multiset{rest[0], rest[0]} + multiset(rest[1..]);
}
