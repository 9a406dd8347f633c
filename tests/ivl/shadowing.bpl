// Formals and locals may shadow global variables: the body and the specification then name
// the local, while calls and their postconditions still read and change the global.
var x: int;
var y: int;

procedure IncX()
  modifies x;
  ensures x == old(x) + 1;
{
  x := x + 1;
}

procedure ParamShadows(x: int) returns (r: int)
  modifies y;
  ensures r == x + 1;
{
  r := x + 1;
  y := x;
}

procedure LocalShadows() returns (r: int)
  modifies x;
  ensures r == 5;
{
  var x: int;           // the local x, not the global one
  x := 5;
  call IncX();          // changes the global x only
  r := x;
}

procedure LocalShadowsWrong() returns (r: int)
  modifies x;
  ensures r == 6;
{
  var x: int;
  x := 5;
  call IncX();
  r := x;               // error (postcondition): the local x is still 5
}

procedure GlobalSeenByCallee()
  modifies x;
{
  x := 7;
  call IncX();
  assert x == 8;
  assert x == 7;        // error
}
