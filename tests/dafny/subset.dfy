// Subset types: nat must stay non-negative.
method Dec(n: nat) returns (m: nat)
  requires n > 0
{
  m := n - 1;
}

method BadDec(n: nat) returns (m: nat) {
  m := n - 1;
}
