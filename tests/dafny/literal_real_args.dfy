// Recursive functions on real and int literals evaluate (Dafny's Lit), also when the
// literals reach them through a method's postcondition.
function power(x: real, n: nat): real
{
  if n == 0 then 1.0 else x * power(x, n - 1)
}

method Power(x: real, n: nat) returns (p: real)
  ensures p == power(x, n)
{
  p := 1.0;
  var i := 0;
  while i < n
    invariant 0 <= i <= n && p == power(x, i)
  {
    p := p * x;
    i := i + 1;
  }
}

method Test() {
  assert power(2.0, 3) == 8.0;
  var p := Power(-2.0, 5);
  assert p == -32.0;
  var q := Power(2.0, 4);
  assert q == 15.0;  // negative twin: 2^4 is 16
}
