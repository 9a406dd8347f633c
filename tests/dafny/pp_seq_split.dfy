// Sequence facts Dafny knows without hints: splitting a concatenation at the length of its
// first part (s + [c])[..|s|] == s, ([c] + s)[1..] == s; drop of drop and of s + [c].
function SumR(s: seq<int>): int {
  if |s| == 0 then 0 else s[|s| - 1] + SumR(s[..|s| - 1])
}
function SumL(s: seq<int>): int {
  if s == [] then 0 else s[0] + SumL(s[1..])
}
lemma Last(s: seq<int>, c: int) ensures SumR(s + [c]) == SumR(s) + c {}
lemma First(s: seq<int>, c: int) ensures SumL([c] + s) == SumL(s) + c {}
lemma DropDrop(s: seq<int>, i: int, j: int)
  requires 0 <= i && 0 <= j && i + j <= |s|
  ensures SumL(s[i..][j..]) == SumL(s[i + j..])
{}
// negative: the split must be at the first part's length
lemma Wrong(s: seq<int>, c: int) ensures SumR(s + [c]) == SumR(s) {}
