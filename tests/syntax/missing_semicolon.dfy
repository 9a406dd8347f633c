method M(x: int) returns (y: int)
{
  var a := x + 1
  y := a;
  assert y > x
}

method N() {
  print "ok";
}
