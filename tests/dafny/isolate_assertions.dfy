// {:isolate_assertions}: each assertion is proved in a query of its own (the others assumed);
// failures are still reported at the assertion that fails.
method {:isolate_assertions} M(x: int) returns (y: int)
  requires x > 0
  ensures y > 1
{
  y := x + 1;
  assert y > 1;
  assert y > 2;      // error: x may be 1
  assert y > 0;
}

lemma {:vcs_split_on_every_assert} L(a: seq<int>, b: seq<int>)
  requires |a| == 2
  ensures |a + b| == |b| + 2
{
  assert (a + b)[..2] == a;
  assert |a + b| > |b| + 3;   // error
}
