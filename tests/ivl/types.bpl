// User types: uninterpreted sorts, type constructors with arguments, unique constants,
// type synonyms.
type Color;
const unique Red: Color;
const unique Green: Color;
const unique Blue: Color;
const Other: Color;

procedure UniqueDistinct()
{
  assert Red != Green;
  assert Green != Blue;
  assert Red != Blue;
}

procedure NonUniqueMayAlias()
{
  assert Other != Red;       // error: Other is not unique
}

type Wrapper _;
function Wrap(x: int): Wrapper int;
function Unwrap(w: Wrapper int): int;
axiom (forall x: int :: { Wrap(x) } Unwrap(Wrap(x)) == x);

procedure Constructors(y: int)
{
  assert Unwrap(Wrap(y)) == y;
  assert Wrap(1) != Wrap(2);   // follows: Wrap is injective by the axiom
  assert Wrap(1) == Wrap(2);   // error
}

type Row = [int]int;
type Matrix = [int]Row;

procedure Synonyms(m: Matrix) returns (r: Row)
  ensures r[3] == m[1][3];
{
  r := m[1];
}

procedure SynonymsWrong(m: Matrix) returns (r: Row)
  ensures r[3] == m[2][3];
{
  r := m[1];
}

procedure AnyColor(c: Color)
{
  assert c == Red || c == Green || c == Blue;   // error: sorts are not closed
}
