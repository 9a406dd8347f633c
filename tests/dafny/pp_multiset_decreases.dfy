// A multiset decreases when it becomes a proper sub-multiset (Dafny's order on multisets).
method Drain(m: multiset<int>) returns (n: nat)
{
  var r := m;
  n := 0;
  while r != multiset{}
    decreases r
  {
    var z :| z in r;
    r := r - multiset{z};
    n := n + 1;
  }
}

ghost function Size(m: multiset<int>): nat
{
  if m == multiset{} then 0 else
    var z :| z in m; 1 + Size(m - multiset{z})
}

// negative: adding an element does not decrease
method Grow(m: multiset<int>)
{
  var r := m;
  while r != multiset{}
    decreases r
  {
    var z :| z in r;
    r := r + multiset{z};
  }
}
