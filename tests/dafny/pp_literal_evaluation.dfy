// Recursive functions on literal arguments evaluate fully (Dafny's Lit): no fuel limit.
function expo(x: int, n: nat): int
{
  if n == 0 then 1 else x * expo(x, n - 1)
}
function fib(n: nat): nat { if n < 2 then n else fib(n - 1) + fib(n - 2) }
method check() {
  assert expo(2, 3) == 8;
  assert expo(-2, 3) == -8;
  assert expo(10, 2) == 100;
  assert fib(10) == 55;
}
// negative: a wrong value
method bad() {
  assert fib(10) == 56;
}
