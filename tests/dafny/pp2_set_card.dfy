// Cardinality of a set difference: |a - b|, |b - a| and |a * b| add up to |a + b|.
lemma RemoveOne(x: set<nat>, k: nat)
  ensures |x| <= |x - {k}| + 1
{
}

lemma NatSetCardBound(x: set<nat>, k: nat)
  requires forall e :: e in x ==> e < k
  ensures |x| <= k
  decreases k
{
  if k == 0 {
    assert x == {};
  } else {
    NatSetCardBound(x - {k - 1}, k - 1);
  }
}

// negative twin: must fail (k may not be in x)
lemma RemoveOneWrong(x: set<nat>, k: nat)
  ensures |x| == |x - {k}| + 1
{
}
