// Assignments, arguments and results whose types do not agree.
function F(a: int): int { a }

method M(n: int, s: seq<int>) returns (r: int, b: bool)
{
  r := true;
  b := n;
  var x: seq<bool> := s;
  r := F(b);
  var m: map<int, bool> := map[1 := 2];
}

function G(x: int): bool { x + 1 }

method Reals(x: real) returns (y: real)
{
  y := 1;
  y := x + 2;
  y := x * 2.0;
}
