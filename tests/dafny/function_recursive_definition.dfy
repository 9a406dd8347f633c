// In the check of a recursive function, the definition of a recursive call (whose
// precondition and termination were just checked) is known, not only its postcondition:
// Dafny makes it available through its canCall facts.
datatype T = Leaf | Node(l: T, r: T)

function Spine(t: T): nat
  ensures t.Node? && t.r.Node? ==> Spine(t) == Spine(t.r.r) + 2
{
  match t
  case Leaf => 0
  case Node(_, r) => 1 + Spine(r)
}

// the definition gives exactly one more per level: rejected
function Spine3(t: T): nat
  ensures t.Node? && t.r.Node? ==> Spine3(t) == Spine3(t.r.r) + 3
{
  match t
  case Leaf => 0
  case Node(_, r) => 1 + Spine3(r)
}
