// Labels inside structured statements: goto targets (also forming loops) and labelled break,
// which leaves the labelled if or while statement.
procedure RunOffEnd() returns (x: int)
  ensures x == 4;
{
  x := 0;
  if (*) {
    L2:
    x := x + 4;
  } else {
    x := 2;
    L3:
    L4:
    x := x + 2;
  }
}

procedure GotoIntoIf() returns (x: int)
{
  if (x == 0) {
    A:
      x := x + 0;
      assert x == 0;       // error: reached again from B with x == 1
    B:
      x := x + 1;
      goto A;
  }
}

procedure LabelledBreaks(a: int, b: int) returns (k: int)
  ensures k == a || k == b;
{
  outer:
  if (true) {
    inner:
    while (true)
    {
      if (*) {
        break inner;
      } else if (*) {
        break outer;
      }
    }
    k := a;
    return;
  }
  k := b;
}

procedure LabelledBreaksWrong(a: int, b: int) returns (k: int)
  ensures k == a;
{
  k := a;
  outer:
  if (true) {
    while (true)
    {
      if (*) {
        k := b;
        break outer;
      }
    }
  }
}                          // error: k == b when leaving through break outer
