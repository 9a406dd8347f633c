// Constructs outside the supported subset are reported as unsupported, with a location.
procedure P()
{
  var x: int;
  x := 2 ** 3;
}
