// Index bounds of sequences and arrays.
method First(s: seq<int>) returns (x: int)
  requires |s| > 0
{
  x := s[0];
}

method Any(s: seq<int>, i: int) returns (x: int) {
  x := s[i];
}

method ArrayLast(a: array<int>) returns (x: int) {
  x := a[a.Length - 1];
}

method Slices(s: seq<int>) returns (t: seq<int>)
  requires |s| >= 2
  ensures |t| == |s| - 1
{
  t := s[1..];
  var u := s[..3];
}
