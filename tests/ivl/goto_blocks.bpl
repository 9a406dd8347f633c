// Unstructured control flow: labelled blocks, goto with several targets, joins, return.
procedure Max(x: int, y: int) returns (m: int)
  ensures m >= x && m >= y;
  ensures m == x || m == y;
{
  start:
    goto A, B;
  A:
    assume x >= y;
    m := x;
    goto done;
  B:
    assume x < y;
    m := y;
    goto done;
  done:
    return;
}

procedure MaxWrong(x: int, y: int) returns (m: int)
  ensures m >= x && m >= y;
{
  start:
    goto A, B;
  A:
    m := x;
    goto done;
  B:
    assume x < y;
    m := y;
    goto done;
  done:
    return;
}

procedure FallThrough(x: int) returns (r: int)
  ensures r == x + 2;
{
  entry:
    r := x;
  next:
    r := r + 1;
  last:
    r := r + 1;
}

procedure JoinKeepsBothIncarnations(b: bool) returns (r: int)
  ensures b ==> r == 1;
  ensures !b ==> r == 2;
{
  start:
    goto T, E;
  T:
    assume b; r := 1; goto J;
  E:
    assume !b; r := 2; goto J;
  J:
    assert r == 1 || r == 2;
    assert r == 1;       // error: r == 2 on the other path
}
