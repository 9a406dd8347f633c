// while loops with invariants: checked on entry and maintained; after the loop only the
// invariants and the negated guard are known about the variables the loop modifies.
procedure CountUp(n: int) returns (i: int)
  requires n >= 0;
  ensures i == n;
{
  i := 0;
  while (i < n)
    invariant 0 <= i && i <= n;
  {
    i := i + 1;
  }
}

procedure NotOnEntry(n: int) returns (i: int)
{
  i := 0;
  while (i < n)
    invariant i >= 1;      // error: not true on entry
  {
    i := i + 1;
  }
}

procedure NotMaintained(n: int) returns (i: int)
{
  i := 0;
  while (i < n)
    invariant i <= 0;      // error: not maintained
  {
    i := i + 1;
  }
}

procedure NoInvariantForgets(n: int) returns (i: int)
  requires n >= 0;
{
  var k: int;
  i := 0;
  k := 42;
  while (i < n)
  {
    i := i + 1;
  }
  assert k == 42;          // k is not modified by the loop: still known
  assert i == n;           // error: without an invariant, i is forgotten
}

procedure SumTo(n: int) returns (s: int)
  requires n >= 0;
  ensures s * 2 == n * (n + 1);
{
  var i: int;
  i := 0; s := 0;
  while (i < n)
    invariant 0 <= i && i <= n;
    invariant s * 2 == i * (i + 1);
  {
    i := i + 1;
    s := s + i;
  }
}

procedure FreeInvariant(n: int) returns (i: int)
  ensures i >= 100;
{
  i := 0;
  while (*)
    free invariant i >= 100;   // assumed, never checked
  {
    i := i + 1;
  }
  assume false;
}

procedure LoopWithBreak(n: int) returns (i: int)
  requires n >= 0;
  ensures i == n || i == 10;
{
  i := 0;
  while (true)
    invariant 0 <= i && i <= n;
  {
    if (i == n) { break; }
    if (i == 10) { break; }
    i := i + 1;
  }
}

procedure LoopWithBreakWrong(n: int) returns (i: int)
  requires n >= 0;
  ensures i == n;
{
  i := 0;
  while (true)
    invariant 0 <= i && i <= n;
  {
    if (i == n) { break; }
    if (i == 10) { break; }
    i := i + 1;
  }
}

procedure Nested(n: int) returns (c: int)
  requires n >= 0;
  ensures c == n * n;
{
  var i: int, j: int;
  i := 0; c := 0;
  while (i < n)
    invariant 0 <= i && i <= n && c == i * n;
  {
    j := 0;
    while (j < n)
      invariant 0 <= j && j <= n && c == i * n + j;
    {
      j := j + 1;
      c := c + 1;
    }
    i := i + 1;
  }
}

procedure NestedWrong(n: int) returns (c: int)
  requires n >= 0;
{
  var i: int, j: int;
  i := 0; c := 0;
  while (i < n)
    invariant 0 <= i && i <= n;
  {
    j := 0;
    while (j < n)
      invariant 0 <= j && j <= n;
    {
      j := j + 1;
      c := c + 1;
    }
    i := i + 1;
  }
  assert c == n * n;       // error: the invariants say nothing about c
}

procedure ReturnInLoop(n: int) returns (r: int)
  ensures r >= 0;
{
  r := 0;
  while (r < n)
    invariant r >= 0;
  {
    if (r == 5) { return; }
    r := r + 1;
  }
}
