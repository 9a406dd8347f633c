// `a < b` on datatype values: a is a structural sub-value of b (rank order); the same
// order proves termination of a recursive call on every smaller value (forall a' | a' < a).
datatype Tree = Leaf | Node(left: Tree, val: int, right: Tree)
datatype Nat = Zero | Succ(Pred: Nat)

lemma Sub(n: Nat)
  ensures n < Succ(n)
{}

lemma Child(t: Tree)
  requires t.Node?
  ensures t.left < t && t > t.right
{}

lemma Deep(t: Tree)
  requires t.Node? && t.left.Node?
  ensures t.left.right < t
{}

function Size(t: Tree): nat {
  if t.Leaf? then 0 else 1 + Size(t.left) + Size(t.right)
}

lemma AllSmaller(t: Tree)
  ensures Size(t) >= 0
{
  forall t' | t' < t {
    AllSmaller(t');
  }
}

lemma Wrong(t: Tree)
  requires t.Node?
  ensures t < t.left  // error
{}

lemma Irreflexive(t: Tree)
{
  assert t < t;  // error
}
