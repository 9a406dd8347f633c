// Where a predicate call is proved (loop invariants, asserts, postconditions), its body is
// inlined, so recursive functions inside it get the checking position's fuel (two unfoldings),
// as Dafny does; where it is assumed it stays a call.
function Sum(v: array<int>, i: int, j: int): int
  reads v
  requires 0 <= i <= j <= v.Length
{
  if i == j then 0 else Sum(v, i, j - 1) + v[j - 1]
}

predicate MaxToRight(v: array<int>, i: int, s: int)
  reads v
  requires 0 <= i < v.Length
{
  forall l, ss :: 0 <= l <= i && ss == i + 1 ==> Sum(v, l, ss) <= s
}

method SegMaxSum(v: array<int>, i: int) returns (s: int, k: int)
  requires v.Length > 0 && 0 <= i < v.Length
  ensures MaxToRight(v, i, s)
{
  s := v[0];
  k := 0;
  var j := 0;
  assert MaxToRight(v, 0, s);
  while j < i
    invariant 0 <= j <= i
    invariant MaxToRight(v, j, s)
  {
    if s + v[j + 1] > v[j + 1] {
      s := s + v[j + 1];
    } else {
      k := j + 1;
      s := v[j + 1];
    }
    j := j + 1;
  }
}

// negative: the invariant is false after an iteration
method Bad(v: array<int>, i: int) returns (s: int)
  requires v.Length > 0 && 0 <= i < v.Length
{
  s := v[0];
  var j := 0;
  while j < i
    invariant 0 <= j <= i
    invariant MaxToRight(v, j, s)
  {
    s := v[j + 1];
    j := j + 1;
  }
  assert MaxToRight(v, i, s - 1);
}
