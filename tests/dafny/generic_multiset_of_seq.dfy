// multiset(s) of a sequence passed to a generic lemma: the boxed sequence's multiset is the
// boxed multiset of the sequence, so equal multisets stay equal.
lemma SameElements<T>(s1: seq<T>, s2: seq<T>)
  requires multiset(s1) == multiset(s2)
  ensures |s1| == |s2|
{
  assert |multiset(s1)| == |s1|;
}

method Caller(a: seq<int>, b: seq<int>)
  requires multiset(a) == multiset(b)
{
  SameElements(b, a);
  assert |a| == |b|;
}

method CallerWrong(a: seq<int>, b: seq<int>)
  requires multiset(a) <= multiset(b)
{
  SameElements(b, a);  // error: the multisets may differ
}
