// Quantifiers without {:trigger} get Dafny-style triggers: here UniqueIds(v) is used for v'
// (whose ids equal v's) through the trigger ids[i] (not only ValidIdx(this, i)).
datatype Variables = Variables(ids: seq<nat>, highest_heard: seq<int>) {
  ghost predicate ValidIdx(i: int) {
    0 <= i < |ids|
  }

  ghost predicate UniqueIds() {
    forall i, j | ValidIdx(i) && ValidIdx(j) :: ids[i] == ids[j] ==> i == j
  }
}

lemma SameIds(v: Variables, v': Variables)
  requires v.UniqueIds()
  requires v'.ids == v.ids
  ensures v'.UniqueIds()
{
}

lemma SortedPairs(a: seq<int>, k: int)
  requires forall i, j :: 0 <= i < j < |a| ==> a[i] <= a[j]
  requires 0 <= k && k + 2 < |a|
  ensures a[k] <= a[k + 2]
{
}

// negative twins: must fail
lemma DifferentIds(v: Variables, v': Variables)
  requires v.UniqueIds()
  requires |v'.ids| == |v.ids|
  ensures v'.UniqueIds()
{
}

lemma SortedWrong(a: seq<int>, k: int)
  requires forall i, j :: 0 <= i < j < |a| ==> a[i] <= a[j]
  requires 0 <= k && k + 2 < |a|
  ensures a[k] < a[k + 2]
{
}
