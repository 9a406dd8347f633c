// Assignments: sequential and simultaneous (parallel) assignment.
procedure Swap(a: int, b: int) returns (x: int, y: int)
  ensures x == b && y == a;
{
  x, y := a, b;
  x, y := y, x;
}

procedure BadSwap(a: int, b: int) returns (x: int, y: int)
  ensures x == b && y == a;
{
  x := a; y := b;
  x := y;
  y := x;              // not a swap
}

procedure Sequence(n: int) returns (r: int)
  ensures r == 3 * n + 2;
{
  r := n;
  r := r + n;
  r := r + n;
  r := r + 2;
}

procedure SequenceWrong(n: int) returns (r: int)
  ensures r == 3 * n;
{
  r := n;
  r := r + n + n + 1;
}
