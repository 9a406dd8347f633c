// Appending the empty sequence: triggered on the empty sequence itself (as Dafny), which a
// sequence of length 0 is.
method AppendEmpty(s: seq<int>, t: seq<int>)
  requires |t| == 0
{
  assert s + [] == s && [] + s == s;
  assert s + t == s;
  assert t + s + t == s;
}

method NotEmpty(s: seq<int>, t: seq<int>)
  requires |t| == 1
{
  assert s + t == s;  // error
}
