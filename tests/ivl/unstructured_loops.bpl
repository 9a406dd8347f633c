// Unstructured loops: nested loops written with goto, and a loop head with two back edges.
procedure NestedGoto(n: int) returns (c: int)
  requires n >= 0;
  ensures c == n * n;
{
  var i: int, j: int;
  start:
    i := 0; c := 0;
    goto outer;
  outer:
    assert 0 <= i && i <= n && c == i * n;
    goto obody, oexit;
  obody:
    assume i < n;
    j := 0;
    goto inner;
  inner:
    assert 0 <= j && j <= n && c == i * n + j;
    goto ibody, iexit;
  ibody:
    assume j < n;
    j := j + 1; c := c + 1;
    goto inner;
  iexit:
    assume !(j < n);
    i := i + 1;
    goto outer;
  oexit:
    assume !(i < n);
    return;
}
procedure TwoBackEdges(n: int) returns (i: int)
  requires n >= 0;
  ensures i == n;
{
  start:
    i := 0;
    goto head;
  head:
    assert i <= n;
    goto a, b, done;
  a:
    assume i < n; i := i + 1; goto head;
  b:
    assume i + 1 < n; i := i + 2; goto head;
  done:
    assume i >= n;
    return;
}
procedure TwoBackEdgesWrong(n: int) returns (i: int)
  requires n >= 0;
{
  start:
    i := 0;
    goto head;
  head:
    assert i <= n;
    goto a, b, done;
  a:
    assume i < n; i := i + 1; goto head;
  b:
    assume i < n; i := i + 2; goto head;
  done:
    assume i >= n;
    return;
}
