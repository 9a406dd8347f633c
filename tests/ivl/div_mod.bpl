// Integer div and mod (Euclidean, as in SMT-LIB: 0 <= a mod b < |b| when b != 0).
procedure DivMod()
{
  assert 7 div 2 == 3;
  assert 7 mod 2 == 1;
  assert -7 div 2 == -4;
  assert -7 mod 2 == 1;
  assert 7 div -2 == -3;
  assert 7 mod -2 == 1;
  assert -7 mod 2 == -1;      // error: Euclidean modulus is never negative
}

procedure ModRange(a: int, b: int)
  requires b > 0;
{
  assert 0 <= a mod b && a mod b < b;
  assert a == b * (a div b) + a mod b;
  assert a mod b < a;         // error: not when a <= 0
}

procedure Even(n: int) returns (r: bool)
  ensures r <==> n mod 2 == 0;
{
  r := n mod 2 == 0;
}

procedure EvenWrong(n: int) returns (r: bool)
  ensures r <==> n mod 2 == 1;
{
  r := n mod 2 == 0;
}
