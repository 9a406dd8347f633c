// Real arithmetic, real division, and the casts int() and real().
procedure RealArithmetic(x: real)
{
  assert 0.5 + 0.25 == 0.75;
  assert 1.0 / 4.0 == 0.25;
  assert x * 2.0 == x + x;
  assert real(3) == 3.0;
  assert int(3.7) == 3;
  assert int(-0.5) == -1;     // int() rounds down
  assert x / 2.0 < x;         // error: false for x <= 0
}

procedure Average(a: real, b: real) returns (m: real)
  requires a <= b;
  ensures a <= m && m <= b;
{
  m := (a + b) / 2.0;
}

procedure AverageWrong(a: real, b: real) returns (m: real)
  ensures a <= m && m <= b;
{
  m := (a + b) / 2.0;
}

procedure IntDivisionToReal(i: int)
{
  assert 1 / 2 == 0.5;        // `/` is real division, also on integers
  assert i / 1 == real(i);
  assert 3 / 2 == 1.0;        // error
}
