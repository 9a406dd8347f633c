// Procedures declared separately from their implementations; implementations may rename the
// formal parameters, and a procedure may have several implementations.
procedure Inc(x: int) returns (y: int);
  ensures y == x + 1;

implementation Inc(a: int) returns (b: int)
{
  b := a + 1;
}

implementation Inc(p: int) returns (q: int)
{
  q := p + 2;                 // error: postcondition
}

procedure NoBody(x: int) returns (y: int);
  requires x > 0;
  ensures y > x;

procedure UsesNoBody() returns (r: int)
  ensures r > 1;
{
  call r := NoBody(1);
}

procedure UsesNoBodyWrong() returns (r: int)
  ensures r > 2;
{
  call r := NoBody(1);        // error (postcondition): only r > 1 is known
}
