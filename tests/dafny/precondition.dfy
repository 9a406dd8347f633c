// A call whose precondition holds, and one whose precondition may not.
method Half(n: int) returns (h: int)
  requires n % 2 == 0
  ensures h + h == n
{
  h := n / 2;
}

method Caller(k: int) {
  var a := Half(2 * k);
  assert a == k;
  var b := Half(k);
}
