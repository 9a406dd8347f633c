// Soundness basics: assume false makes the rest vacuous; assert false on a reachable path
// always fails; havoc forgets; old refers to the pre-state.
var g: int;

procedure AssumeFalseIsVacuous(x: int)
{
  assume false;
  assert x == 1;       // vacuous: verifies
  assert false;        // vacuous: verifies
}

procedure AssertFalseFails()
{
  assert false;        // error
}

procedure AssertFalseOnOneBranch(b: bool)
{
  if (b) {
    assume false;
    assert false;      // unreachable
  } else {
    assert false;      // error: reachable when !b
  }
}

procedure HavocForgets()
{
  var x: int;
  x := 5;
  assert x == 5;
  havoc x;
  assert x == 5;       // error: havoc forgets
}

procedure HavocKeepsOthers()
{
  var x: int, y: int;
  x := 5; y := 7;
  havoc x;
  assert y == 7;
}

procedure OldIsPreState()
  modifies g;
{
  g := g + 1;
  assert g == old(g) + 1;
  assert g == old(g);  // error
}
