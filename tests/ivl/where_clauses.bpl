// where clauses: assumed initially and after every havoc of the variable (including the
// havoc of a loop's modified variables), but never checked on assignment.
var G: int where G >= 0;

procedure Initially(x: int where x > 5)
{
  var y: int where y < 0;
  assert x > 5;
  assert y < 0;
  assert G >= 0;
  assert x > 6;        // error
}

procedure AfterHavoc()
{
  var y: int where y < 0;
  y := 10;
  assert y == 10;      // assignments ignore where clauses
  havoc y;
  assert y < 0;
  assert y < -1;       // error
}

procedure InLoop(n: int)
{
  var i: int where i >= 0;
  i := 0;
  while (i < n)
  {
    i := i + 1;
  }
  assert i >= 0;       // from the where clause after the loop's havoc
  assert i >= n;       // verifies: the loop exits with !(i < n)
  assert i == n;       // error: no invariant
}

// A procedure's where clauses on its results hold in its implementations (under their names)
// and for the caller after a call.
procedure Results() returns (a: int where a > 0, b: int where b > a);
implementation Results() returns (p: int, q: int)
{
  assert p > 0 && q > p;
  assert q > 2;        // error: q == 2 is possible
}

procedure Caller()
{
  var u: int, v: int;
  call u, v := Results();
  assert u > 0 && v > u;
  assert v > 2;        // error
}
