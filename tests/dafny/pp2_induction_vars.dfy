// Automatic induction picks the parameters that occur in an argument of a recursive
// function call (here s, not x), so the hypothesis is triggered by sum(s[1..]).
function sum(s: seq<nat>): nat
{
  if s == [] then 0 else s[0] + sum(s[1..])
}

lemma SumConst(s: seq<nat>, x: nat)
  ensures (forall i :: 0 <= i < |s| ==> s[i] == x) ==> sum(s) == |s| * x
{
}

// negative twin: without the premise the claim is false and must not be proved
lemma SumConstWrong(s: seq<nat>, x: nat)
  ensures sum(s) == |s| * x
{
}
