// assert and assume: an assertion is assumed after it is checked; every failing assertion of
// an implementation is reported, not only the first.
procedure AssumeThenAssert(x: int)
{
  assume x > 10;
  assert x > 5;
  assert x > 20;       // error
}

procedure AllFailuresReported(x: int, y: int)
{
  assert x > 0;        // error
  assert y > 0;        // error
  assert x + y > 0;    // follows from the two above (they are assumed once checked)
  assert x < 0;        // error: contradicts x > 0 ... which is assumed, so this must fail
}

procedure AssertIsAssumedAfterwards(x: int)
{
  assert x == 3;       // error
  assert x + 1 == 4;   // verifies: x == 3 is assumed from here on
}

procedure Literals()
{
  assert true;
  assert 1 + 2 * 3 == 7;
  assert (1 + 2) * 3 == 9;
  assert -3 < 0;
  assert !false;
  assert (true ==> false) == false;
  assert (false <== true) == false;
  assert (true <==> true);
  assert 2 != 3;
  assert 1 <= 1 && 1 >= 1 && 2 > 1;
  assert false || true;
}
