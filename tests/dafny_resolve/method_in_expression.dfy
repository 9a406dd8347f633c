// Methods may only be called as statements or whole right-hand sides.
method Twice(x: int) returns (r: int) { r := 2 * x; }

lemma L(x: int) ensures x + 0 == x { }

function F(x: int): int { Twice(x) }

method M() returns (r: int)
{
  r := Twice(1) + 1;
  var b := L(3);
  r := 1 + 1;
  3 + 4;
}
