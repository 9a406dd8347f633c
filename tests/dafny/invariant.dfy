// Loop invariants: one holds, one fails on entry, one is not maintained.
method Count(n: nat) returns (i: nat)
  ensures i == n
{
  i := 0;
  while i < n
    invariant i <= n
  {
    i := i + 1;
  }
}

method Entry(n: nat) {
  var i := 1;
  while i < n
    invariant i == 0
  {
    i := i + 1;
  }
}

method Maintained(n: nat) {
  var i := 0;
  while i < n
    invariant i <= 3
  {
    i := i + 1;
  }
}
