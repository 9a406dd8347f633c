// Datatypes, match and destructors.
datatype Tree = Leaf | Node(left: Tree, val: int, right: Tree)

function Size(t: Tree): nat
{
  match t
  case Leaf => 0
  case Node(l, _, r) => Size(l) + 1 + Size(r)
}

method Root(t: Tree) returns (v: int)
  requires t.Node?
{
  v := t.val;
}

method BadRoot(t: Tree) returns (v: int) {
  v := t.val;
}

method Sizes() {
  var t := Node(Leaf, 3, Node(Leaf, 4, Leaf));
  assert Size(t) == 2;
  assert t.right.val == 4;
}
