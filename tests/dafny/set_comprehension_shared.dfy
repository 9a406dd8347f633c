// The same set comprehension written twice (in the specification and in the body) is the same
// set: Dafny shares alpha-equivalent comprehensions, so no extensionality proof is needed.
predicate Upper(c: char) { 'A' <= c <= 'Z' }

method CountUpper(s: string) returns (count: int)
  ensures count == |set i: int | 0 <= i < |s| && Upper(s[i])|
{
  var up := set j: int | 0 <= j < |s| && Upper(s[j]);
  count := |up|;
}

// a different comprehension is a different set: rejected
method Wrong(s: string) returns (count: int)
  ensures count == |set i: int | 0 <= i < |s| && Upper(s[i])|
{
  var up := set j: int | 0 <= j < |s| && !Upper(s[j]);
  count := |up|;
}
