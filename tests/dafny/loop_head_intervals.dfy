// Interval facts at loop heads (Boogie's interval inference, which Dafny gets by default).

// A flag that is false on entry and whenever the loop goes round again is false at the head.
method FlagResetBeforeBackEdge(n: int, p: int -> bool, q: int -> bool)
  requires q(n)
{
  var i := n;
  var found := false;
  while i > 0
    invariant !found ==> q(i)
  {
    assert q(i);  // needs !found at the head
    i := i - 1;
    found := p(i);
    if found { break; }
    assume q(i);
  }
}

// A counter that only grows from 0 is non-negative after the loop.
method CounterLowerBound(n: int) {
  var i := 0;
  var k := 5;
  while i < n {
    i := i + 1;
    k := 7;
  }
  assert 0 <= i && 5 <= k;
}

// Widening: a bound that moves is dropped (as in Dafny), so this is not proved.
method UpperBoundWidened(n: int) {
  var i := 0;
  var k := 5;
  while i < n {
    i := i + 1;
    k := 7;
  }
  assert k <= 7;  // error
}

// A flag set inside the loop is not fixed at the head.
method FlagNotFixed(n: int) {
  var i := 0;
  var b := false;
  while i < n {
    b := !b;
    i := i + 1;
  }
  assert !b;  // error
}
