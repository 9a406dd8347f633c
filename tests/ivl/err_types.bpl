// Type errors are reported with their locations; all of them, not only the first.
var g: int;
function f(x: int): bool;

procedure P(x: int, b: bool) returns (r: int)
  requires x;
  requires old(x) > 0;
{
  r := b;
  x := 1;
  g := 2;
  assert x + b > 0;
  assert f(b);
  assert f(1, 2);
  r := 1bv8;
  havoc x;
}

procedure Q()
{
  var m: [int]bool;
  assert m[true];
  assert m[1] + 1 > 0;
  assert 256bv8 == 0bv8;
  assert 0bv8[9:0] == 0bv9;
}
