// A loop's measure never increases across completed iterations: at the loop head it is at
// most its value on entry (Dafny's free loop invariant). Nested loops use it to show that the
// outer measure decreased.
method Gcd(x1: int, x2: int)
  requires 1 <= x1 && 1 <= x2
{
  var y1 := x1;
  var y2 := x2;
  while y1 != y2
    invariant 1 <= y1 && 1 <= y2
    decreases y1 + y2
  {
    while y1 > y2
      invariant 1 <= y1 && 1 <= y2
    {
      y1 := y1 - y2;
    }
    while y2 > y1
      invariant 1 <= y1 && 1 <= y2
    {
      y2 := y2 - y1;
    }
  }
}

// the fact bounds the measure at the head by the entry value, nothing more
method Wrong(n: int)
  requires 0 <= n
{
  var i := 0;
  while i < n
    decreases n - i
  {
    assert n - i <= n;    // holds: the measure is at most its entry value n - 0
    i := i + 1;
  }
  var j := 0;
  while j < n
  {
    assert j == 0;        // must fail
    j := j + 1;
  }
}
