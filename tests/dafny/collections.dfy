// Sequences, sets, multisets and maps: facts that hold, and one that does not per kind.
method Seqs(s: seq<int>, t: seq<int>)
  requires |s| > 2
{
  assert (s + t)[1] == s[1];
  assert s[..1] + s[1..] == s;
  assert |s[1..]| == |s| - 1;
  assert s[0] in s;
  assert s[1..] == s;
}

method Sets(a: set<int>, b: set<int>)
  requires 1 in a
{
  assert 1 in a + b;
  assert a * b <= a;
  assert |{1, 2}| == 2;
  assert a == a + {1};
  assert 1 in a - b;
}

method Multisets(s: seq<int>)
{
  assert multiset(s + [7]) == multiset(s) + multiset{7};
  assert multiset([1, 2, 2])[2] == 2;
  assert multiset([1, 2]) == multiset([2, 2]);
}

method Maps(m: map<int, int>)
  requires 3 in m
{
  var m2 := m[4 := 5];
  assert m2[4] == 5 && m2[3] == m[3];
  assert 4 in m2.Keys;
  var v := m[5];
}
