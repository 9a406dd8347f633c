// free requires: assumed by the implementation, not checked at call sites.
// free ensures: assumed at call sites, not checked for the implementation.
procedure P(x: int) returns (y: int)
  free requires x > 0;
  free ensures y > 100;
  ensures y >= x;
{
  assert x > 0;               // verifies: free requires is assumed
  y := x;                     // y > 100 is not checked
}

procedure CallsP() returns (r: int)
{
  call r := P(-5);            // no precondition error: free requires is not checked
  assert r > 100;             // verifies: free ensures is assumed
}

procedure CallsPWrong() returns (r: int)
{
  call r := P(5);
  assert r > 1000;            // error
}

procedure Q(x: int)
  requires x > 0;
{
}

procedure FreeCall()
{
  free call Q(-1);            // a free call assumes the precondition instead of checking it
  assert false;               // verifies: the assumption -1 > 0 is false
}
