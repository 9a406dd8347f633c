// Codatatypes: co-recursive functions (no termination check for calls guarded by a
// constructor), coinductive equality from prefix equality `==#[k]` at every depth.
codatatype Stream = Cons(head: int, tail: Stream)

function Up(n: int): Stream { Cons(n, Up(n + 1)) }
function Const(a: int): Stream { Cons(a, Const(a)) }
function Add(a: Stream, b: Stream): Stream { Cons(a.head + b.head, Add(a.tail, b.tail)) }

lemma UpTail(n: int) ensures Up(n).tail.head == n + 1 {}
lemma UpTailWrong(n: int) ensures Up(n).tail.head == n + 2 {}  // error
lemma UpDiffers(n: int) ensures Up(n) != Up(n + 1) {
  assert Up(n).head != Up(n + 1).head;
}

lemma AddZeroK(k: nat, a: Stream) ensures Add(a, Const(0)) ==#[k] a {
  if k > 0 { AddZeroK(k - 1, a.tail); }
}
lemma AddOneK(k: nat, a: Stream) ensures Add(a, Const(1)) ==#[k] a {  // error
  if k > 0 { AddOneK(k - 1, a.tail); }
}
lemma AddZero(a: Stream) ensures Add(a, Const(0)) == a {
  forall k: nat { AddZeroK(k, a); }
}
lemma AddOneWrong(a: Stream) ensures Add(a, Const(1)) == a {  // error
  forall k: nat { AddZeroK(k, a); }
}

// not guarded by a constructor: an ordinary recursive call, termination is checked
function Loop(n: int): Stream { Loop(n) }  // error
function Destructed(n: int): int { Up(n).head + Destructed(n) }  // error
