// Structured if / else if / else, and the nondeterministic guard *.
procedure Abs(x: int) returns (y: int)
  ensures y >= 0;
  ensures y == x || y == -x;
{
  if (x < 0) { y := -x; } else { y := x; }
}

procedure AbsWrong(x: int) returns (y: int)
  ensures y > 0;
{
  if (x < 0) { y := -x; } else { y := x; }
}

procedure Sign(x: int) returns (s: int)
  ensures x > 0 ==> s == 1;
  ensures x < 0 ==> s == -1;
  ensures x == 0 ==> s == 0;
{
  if (x > 0) { s := 1; } else if (x < 0) { s := -1; } else { s := 0; }
}

procedure SignWrong(x: int) returns (s: int)
  ensures x == 0 ==> s == 0;
{
  if (x > 0) { s := 1; } else if (x < 0) { s := -1; } else { s := 1; }
}

procedure Nondet() returns (r: int)
  ensures r == 1 || r == 2;
{
  if (*) { r := 1; } else { r := 2; }
}

procedure NondetWrong() returns (r: int)
  ensures r == 1;
{
  if (*) { r := 1; } else { r := 2; }
}

procedure NoElse(x: int) returns (r: int)
  ensures r >= x;
{
  r := x;
  if (r < 0) { r := 0; }
}
