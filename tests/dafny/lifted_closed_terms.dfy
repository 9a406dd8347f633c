// Closed subterms of a set comprehension or lambda are its parameters (as Boogie lifts
// lambdas): comprehensions differing only in such a term are equal when the terms are.
function F(s: set<int>): int

method SameBound(a: array<int>, i: int)
  requires i == a.Length
{
  var x := F(set k | 0 <= k < i :: a[k]);
  assert x == F(set j | 0 <= j < a.Length :: a[j]);
}

method SameLambda(s: seq<int>, n: int)
  requires n == |s|
{
  var f := x => x + n;
  var g := y => y + |s|;
  assert f == g;
}

method DifferentBound(a: array<int>, i: int)
  requires i <= a.Length
{
  var x := F(set k | 0 <= k < i :: a[k]);
  assert x == F(set j | 0 <= j < a.Length :: a[j]);  // error: i may be smaller
}
