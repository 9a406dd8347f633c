// Unknown identifiers, procedures, functions, types and labels are resolution errors.
procedure P(x: int) returns (r: T)
{
  r := y;
  call Missing();
  assert f(x) > 0;
  goto Nowhere;
}
