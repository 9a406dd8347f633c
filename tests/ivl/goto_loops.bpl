// Loops written with goto: the assertions at the start of a loop head are its invariants
// (as in Boogie), checked on entry and after each iteration.
procedure Test()
{
  var i: int;
  entry:
    i := 0;
    goto head;
  head:
    assert i == 0;         // error: not maintained (i is havocked in the loop)
    havoc i;
    goto head;
}

procedure TightLoopFalse()
{
  L:
    assert false;          // error: a literal `assert false` is not an invariant (as in Boogie)
    goto L;
}

procedure TightLoopTrue()
{
  L:
    assert true;
    goto L;
}

procedure TightLoopParam(b: bool)
{
  L:
    assert b;              // error: on entry
    goto L;
}

procedure Counter(n: int) returns (i: int)
  requires n >= 0;
  ensures i == n;
{
  init:
    i := 0;
    goto head;
  head:
    assert 0 <= i && i <= n;
    goto body, exit;
  body:
    assume i < n;
    i := i + 1;
    goto head;
  exit:
    assume !(i < n);
    return;
}
