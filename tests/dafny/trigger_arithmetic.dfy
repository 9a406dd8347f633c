// Index arithmetic in a quantifier (`s[n + 1]`) is abstracted by a bound variable
// (`t == n + 1`), so the quantifier gets Dafny's multi-triggers {s[n], s[t]} and
// {s[t], w[n]} and is instantiated for an n that only occurs as s[n] and s[n + 1].
predicate Step(a: int, b: int, c: int) { b == a + c }

predicate Reaches(a: int, b: int) { exists c :: Step(a, b, c) }

lemma Chain(s: seq<int>, w: seq<int>)
  requires |s| == |w| + 1
  requires forall n | 0 <= n < |s| - 1 :: Step(s[n], s[n + 1], w[n])
  ensures forall n | 0 <= n < |s| - 1 :: Reaches(s[n], s[n + 1])
{
}

// as in Dafny, the multi-trigger {s[i], s[t]} needs both terms: without a term s[1]
// this is not proved (the single looping trigger s[i] would have made it up)
lemma Sorted(s: seq<int>)
  requires forall i | 0 <= i < |s| - 1 :: s[i] <= s[i + 1]
  ensures |s| >= 3 ==> s[0] <= s[2]  // error (as in Dafny)
{
}

lemma WrongChain(s: seq<int>, w: seq<int>)
  requires |s| == |w| + 1
  requires forall n | 0 <= n < |s| - 1 :: Step(s[n], s[n + 1], w[n])
  ensures forall n | 0 <= n < |s| - 1 :: s[n] <= s[n + 1]  // error: w may be negative
{
}
