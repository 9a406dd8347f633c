// ARGS: --error-limit 2
// With --error-limit 2 at most two failures are reported per implementation.
procedure P(a: int, b: int, c: int)
{
  assert a > 0;
  assert b > 0;
  assert c > 0;
}
