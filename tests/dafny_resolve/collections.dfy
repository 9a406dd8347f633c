// Indexing, slicing and updating values that are not collections.
method M(n: int, s: seq<int>, m: map<int, bool>, a: array2<int>)
{
  var x := n[0];
  var y := s[true];
  var z := m[true];
  var w := n[1..2];
  var v := a[1];
  var u := m[1 := 3];
  var t := s + m;
}
