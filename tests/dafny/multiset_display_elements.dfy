// Every element of a multiset display (or of the multiset of a sequence display) is known to
// occur in it, so a sorted sequence with the same multiset is determined.
lemma Sorted3(s: seq<int>)
  requires multiset(s) == multiset([3, 5, 1])
  requires forall i, j :: 0 <= i < j < |s| ==> s[i] <= s[j]
  ensures s == [1, 3, 5]
{
}

lemma Occurs(s: seq<int>)
  requires multiset(s) == multiset{7, 8, 9, 8}
  ensures 9 in s && 7 in s && |s| == 4
{
}

lemma NotDetermined(s: seq<int>)
  requires multiset(s) == multiset([3, 5, 1])
  ensures s == [1, 3, 5]  // error: s need not be sorted
{
}
