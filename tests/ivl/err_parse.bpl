// Malformed input: a clear error with a location, exit code 2.
procedure P(x: int)
{
  x := x + ;
}
