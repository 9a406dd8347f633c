// Functions with bodies (definition axioms), {:inline} functions, and uninterpreted ones.
function {:inline} Square(x: int): int { x * x }
function Twice(x: int): int { x + x }
function {:inline} InRange(lo: int, x: int, hi: int): bool { lo <= x && x < hi }
function Opaque(x: int): int;

procedure UseInline(y: int)
{
  assert Square(y) == y * y;
  assert Square(3) == 9;
  assert InRange(0, 5, 10);
  assert !InRange(0, 10, 10);
  assert Square(y) >= y;     // verifies only because Square is expanded (non-linear)
}

procedure UseDefinition(y: int)
{
  assert Twice(y) == 2 * y;
  assert Twice(Twice(y)) == 4 * y;
  assert Twice(y) == y;      // error
}

procedure UseOpaque(y: int)
{
  assert Opaque(y) == Opaque(y);
  assert Opaque(y) == y;     // error: nothing is known about Opaque
}

function Returns(x: int) returns (r: bool) { x > 0 }
procedure ReturnsSyntax()
{
  assert Returns(1);
  assert Returns(0);         // error
}

// Polymorphic functions are instantiated per use (one SMT function per instance).
function id<T>(x: T): T { x }
function pick<T>(b: bool, x: T, y: T): T;
axiom (forall b: bool, x: int, y: int :: { pick(b, x, y) } pick(b, x, y) == (if b then x else y));

procedure Polymorphic(r: real)
{
  assert id(3) == 3;
  assert id(r) == r;
  assert id(true);
  assert pick(true, 1, 2) == 1;
  assert pick(true, r, 2.0) == r;   // error: the axiom covers only the int instance
}
