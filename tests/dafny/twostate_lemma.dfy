// Twostate lemmas: `old` inside is the previous state of the call, which at a call in a
// method is the method's entry state; the lemma is proved for any previous state.
class Cell { var v: int }

twostate predicate Grew(c: Cell)
  reads c
{
  old(c.v) <= c.v
}

twostate lemma Monotone(c: Cell)
  requires old(c.v) <= c.v
  ensures old(c.v) < c.v + 1
  ensures Grew(c)
{
}

twostate lemma Wrong(c: Cell)
  ensures old(c.v) == c.v  // error: the previous state is any state
{
}

method Up(c: Cell)
  modifies c
  requires c.v == 0
{
  c.v := 5;
  Monotone(c);
  assert old(c.v) < c.v + 1;
  assert Grew(c);
}

method Down(c: Cell)
  modifies c
  requires c.v == 3
{
  c.v := 1;
  Monotone(c);  // error: old(c.v) is 3
}
