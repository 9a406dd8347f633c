// Build a complete binary tree of depth 18 (262,143 nodes) and traverse it recursively
datatype Tree = Leaf | Node(left: Tree, val: int, right: Tree)

function Build(depth: nat, v: int): Tree {
  if depth == 0 then Leaf else Node(Build(depth - 1, 2 * v), v, Build(depth - 1, 2 * v + 1))
}

function Sum(t: Tree): int {
  match t
  case Leaf => 0
  case Node(l, v, r) => Sum(l) + v + Sum(r)
}

function Height(t: Tree): nat {
  match t
  case Leaf => 0
  case Node(l, _, r) => 1 + (var hl := Height(l); var hr := Height(r); if hl > hr then hl else hr)
}

method Main() {
  var t := Build(18, 1);
  print Sum(t), " ", Height(t), "\n";
}
