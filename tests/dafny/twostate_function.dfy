// Twostate functions: `old` inside them is the previous state of the call, which at a call
// in a method (specification or body) is the method's entry state.
class Cell { var v: int }

twostate predicate Grew(c: Cell)
  reads c
{
  c.v >= old(c.v)
}

twostate function Delta(c: Cell): int
  reads c
  ensures Delta(c) == c.v - old(c.v)
{
  c.v - old(c.v)
}

twostate function Bad(c: Cell): int
  reads c
  ensures Bad(c) >= 0  // error: the previous state may be any state
{
  c.v - old(c.v)
}

method Inc(c: Cell)
  modifies c
  ensures Grew(c)
  ensures Delta(c) == 1
{
  c.v := c.v + 1;
}

method Dec(c: Cell)
  modifies c
  ensures Grew(c)  // error
{
  c.v := c.v - 1;
}

method Loop(c: Cell, n: nat)
  modifies c
  ensures Delta(c) == n
{
  var i := 0;
  while i < n
    invariant 0 <= i <= n
    invariant Delta(c) == i
  {
    c.v := c.v + 1;
    i := i + 1;
  }
}

method Caller(c: Cell)
  modifies c
{
  var before := c.v;
  Inc(c);
  assert c.v == before + 1;
  Inc(c);
  assert Delta(c) == 2;  // relative to Caller's entry state
  assert Delta(c) == 1;  // error
}
