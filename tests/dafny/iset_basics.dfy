// isets: possibly infinite sets with the set operations (no cardinality), iset comprehensions
// without bounds, isets of tuples passed to generic functions; a set comprehension variable
// fixed by 'x == e' is bounded.
lemma Assoc(A: iset<int>, B: iset<int>, C: iset<int>)
  ensures (A + B) + C == A + (B + C)
{
}

lemma Evens()
{
  var E := iset x | x % 2 == 0;
  assert 4 in E && 3 !in E;
  assert iset{2, 4} <= E;
  var P := iset p: (int, int) | p.0 == p.1;
  assert (3, 3) in P;
  assert (3, 4) in P;  // error
}

lemma Line(x: int, s: set<int>)
  requires 5 in s
{
  var l := set a, b | a == x && b in s :: (a, b);
  assert (x, 5) in l;
}

function Rel<A>(r: iset<(A, A)>, a: A): bool { (a, a) in r }

lemma UseRel()
{
  var r := iset p: (int, int) | p.0 <= p.1;
  assert Rel(r, 3);
}
