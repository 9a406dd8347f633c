// Polymorphic axioms (forall<T> as a top-level conjunct of an axiom) are instantiated for the
// types in use; polymorphic quantifiers elsewhere are unsupported (see err_poly_quantifier).
type Box;
function Id<T>(x: T): T;
axiom (forall<T> x: T :: { Id(x) } Id(x) == x);
function Len<T>(m: [int]T): int;
axiom (forall<T> m: [int]T :: { Len(m) } Len(m) >= 0) && (forall<T> m: [int]T :: { Len(m[0 := m[1]]) } Len(m[0 := m[1]]) == Len(m));

procedure UseInstances(b: bool, x: int, y: Box, m: [int]bool, n: [int]Box)
{
  assert Id(b) == b;
  assert Id(x) == x;
  assert Id(y) == y;
  assert Len(m) >= 0 && Len(n) >= 0;
  assert Len(m[0 := m[1]]) == Len(m);
}

procedure WrongId(x: int)
{
  assert Id(x) == x + 1;     // error
}

procedure WrongLen(m: [int]int)
{
  assert Len(m) > 0;         // error: only Len(m) >= 0 is known
}
