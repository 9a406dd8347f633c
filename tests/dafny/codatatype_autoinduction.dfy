// Automatic induction on the depth k of a prefix equality `==#[k]` (k is an induction
// variable, as an argument of the recursive prefix equality), and in greatest lemmas on _k.
codatatype Stream<T> = Nil | Cons(head: T, tail: Stream)

function Append(a: Stream, b: Stream): Stream {
  match a
  case Nil => b
  case Cons(h, t) => Cons(h, Append(t, b))
}

lemma AppendNilK(k: nat, a: Stream) ensures Append(a, Nil) ==#[k] a {}
lemma AppendAssocK(k: nat, a: Stream, b: Stream, c: Stream)
  ensures Append(Append(a, b), c) ==#[k] Append(a, Append(b, c)) {}
greatest lemma AppendAssoc(a: Stream, b: Stream, c: Stream)
  ensures Append(Append(a, b), c) == Append(a, Append(b, c)) {}
lemma AppendNilWrongK<T>(k: nat, a: Stream<T>, x: T) ensures Append(a, Cons(x, Nil)) ==#[k] a {}  // error
greatest lemma AppendWrong(a: Stream, b: Stream) ensures Append(a, b) == a {}  // error
