// Loops without a decreases clause over sets, multisets and sequences: Dafny guesses the
// measure from the guard (|B - A| for A < B, the nonempty side of A != {} / [] / multiset{},
// |A - B| + |B - A| for A != B); loops that do not shrink it are rejected.
method M(s: multiset<int>)
{
  var x := s;
  while x != multiset{}
  {
    var y :| y in x;
    x := x - multiset{y};
  }
}
method S(s: set<int>, t: set<int>)
  requires t <= s
{
  var x := {};
  while x < s
  {
    var y :| y in s - x;
    x := x + {y};
  }
  var z := s;
  while z != t
    invariant t <= z
  {
    var y :| y in z - t;
    z := z - {y};
  }
}
method Q(s: seq<int>)
{
  var x := s;
  while [] != x
  {
    x := x[1..];
  }
  var q := s;
  while q != []
  {
    q := q[1..] + q[1..];  // error
  }
}
method N(s: multiset<int>)
{
  var x := s;
  while x != multiset{}
  {
    var y :| y in x;
    x := x + multiset{y};  // error
  }
}
