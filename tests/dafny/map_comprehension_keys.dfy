// Comprehensions: `nat` bound variables are bounded below by their type; map comprehensions
// with a key expression (`map x | R :: k := v`) define keys {k | R} and values, and are
// rejected when two range points may give one key different values.
datatype P = P(a: nat, b: nat)

function Pairs(n: nat, m: nat): set<P>
{
  set i: nat, j: nat | i < n && j < m :: P(i, j)
}

lemma PairsIn(n: nat, m: nat)
  requires n > 0 && m > 1
{
  assert P(0, 1) in Pairs(n, m);
  assert forall p :: p in Pairs(n, m) ==> p.a < n;
}

function Shift(A: map<int, int>, f: int -> int): map<int, int>
  requires forall x, y :: x != y ==> f(x) != f(y)
  ensures forall x :: x in A <==> f(x) in Shift(A, f)
  ensures forall x :: x in A ==> Shift(A, f)[f(x)] == A[x] + 1
{
  map x | x in A :: f(x) := A[x] + 1
}

method Halve(A: map<int, int>) returns (m: map<int, int>)
  ensures forall x :: x in A ==> x / 2 in m
{
  m := map x | x in A :: x / 2 := A[x];  // error: two keys may collide
}

method Both(A: map<int, bool>) {
  var m := map x, y | x in A && y in A && x < y :: (x, y) := A[x] && A[y];
  assert forall x, y :: x in A && y in A && x < y ==> (x, y) in m && m[(x, y)] == (A[x] && A[y]);
  assert forall k :: k in m ==> k.0 < k.1;
  assert |m| > 0;  // error
}
