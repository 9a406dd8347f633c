// The induction hypothesis of a lemma whose postcondition is `forall k :: ...` is stated in
// prenex form when the parameters alone give no trigger: its terms over the parameters and k
// then trigger it, and the lemma proves itself by induction.
function Sum(a: seq<int>, i: int, j: int): int
  requires 0 <= i <= j <= |a|
  decreases j - i
{
  if i == j then 0 else a[i] + Sum(a, i + 1, j)
}

lemma Split(a: seq<int>, c: seq<int>, i: int, j: int)
  requires 0 <= i <= j <= |a| && |c| == |a| + 1
  requires forall n :: 0 <= n < |a| ==> c[n + 1] == c[n] + a[n]
  decreases j - i
  ensures forall k :: i <= k <= j ==> Sum(a, i, k) + Sum(a, k, j) == c[j] - c[i]
{}

// not a consequence of the hypothesis: rejected
lemma Wrong(a: seq<int>, c: seq<int>, i: int, j: int)
  requires 0 <= i <= j <= |a| && |c| == |a| + 1
  requires forall n :: 0 <= n < |a| ==> c[n + 1] == c[n] + a[n]
  decreases j - i
  ensures forall k :: i <= k <= j ==> Sum(a, i, k) + Sum(a, k, j) == c[j] - c[i] + 1
{}
