// |multiset(s)| == |s| is available wherever multiset(s) occurs.
lemma OneElement(c: seq<int>)
  requires multiset(c) == multiset([5])
  ensures |c| == 1
{
}

// negative twin: must fail
lemma TwoElements(c: seq<int>)
  requires multiset(c) == multiset([5])
  ensures |c| == 2
{
}
