// Functions: preconditions of calls, recursive definitions unfolded by fuel, ensures.
function Fib(n: nat): nat
{
  if n < 2 then n else Fib(n - 1) + Fib(n - 2)
}

function Get(s: seq<int>, i: int): int
  requires 0 <= i < |s|
{
  s[i]
}

function Pos(x: int): int
  ensures Pos(x) > 0
{
  if x > 0 then x else 1
}

method UseFib() {
  assert Fib(5) == 5;
  var p := Pos(-3);
  assert p > 0;
}

method UseGet(s: seq<int>) returns (x: int) {
  x := Get(s, 0);
}
