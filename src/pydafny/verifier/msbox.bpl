// Multisets of sequences converted to boxes (template: $E the IVL type, $T its tag), for calls
// of generic functions and methods that take multiset(s) of a sequence argument. Requires the
// multiset instances for $T and Box and the seqbox instance for $T.
// MultiSet#ToBox.$T(m) is the bag m with every element boxed; as $Box.$T is injective, each
// boxed element occurs as often as the element does in m.
function MultiSet#ToBox.$T(m: MultiSet.$T): MultiSet.Box;
axiom (forall m: MultiSet.$T, x: $E :: { MultiSet#Count.Box(MultiSet#ToBox.$T(m), $Box.$T(x)) }
  MultiSet#Count.Box(MultiSet#ToBox.$T(m), $Box.$T(x)) == MultiSet#Count.$T(m, x));
// Boxing the elements of s one by one, then counting, is counting, then boxing.
axiom (forall s: Seq.$T :: { MultiSet#FromSeq.Box(Seq#ToBox.$T(s)) }
  MultiSet#FromSeq.Box(Seq#ToBox.$T(s)) == MultiSet#ToBox.$T(MultiSet#FromSeq.$T(s)));
