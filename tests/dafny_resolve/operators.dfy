// Operators applied to operands of the wrong types.
method M(n: int, b: bool, s: set<int>, q: seq<int>)
{
  var x := n + b;
  assert n == b;
  assert n < b;
  var y := !n;
  var z := |n|;
  assert true in s;
  var w := -b;
  var u := n % 2.5;
  if n { }
  while q { }
  assert b && n;
}
