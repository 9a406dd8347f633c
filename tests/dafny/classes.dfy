// Classes: fields, constructors, framing with modifies and reads, fresh and old.
class Counter {
  var n: nat

  constructor (start: nat)
    ensures n == start
  {
    n := start;
  }

  method Inc()
    modifies this
    ensures n == old(n) + 1
  {
    n := n + 1;
  }

  method BadDec()
    modifies this
  {
    n := n - 1;
  }

  function Get(): nat
    reads this
  {
    n
  }
}

method Client() {
  var c := new Counter(3);
  var d := new Counter(10);
  c.Inc();
  assert c.n == 4;
  assert d.n == 10;
  assert c.Get() == 4;
  assert fresh(c);
  assert c.n == 3;
}
