// A callee's postcondition is also assumed at the ordinary fuel, so its quantifiers match the
// terms that unfolding recursive predicates produces in the caller.
datatype Tree = Empty | Node(left: Tree, value: int, right: Tree)

predicate MinValue(tree: Tree, min: int)
{
  match tree
  case Empty => true
  case Node(left, v, right) => min < v && MinValue(left, min) && MinValue(right, min)
}

method Insert(tree: Tree, value: int) returns (res: Tree)
  ensures forall x :: MinValue(tree, x) && x < value ==> MinValue(res, x)
{
  match tree {
    case Empty => res := Node(Empty, value, Empty);
    case Node(_, _, _) =>
      if value == tree.value {
        return tree;
      }
      if value < tree.value {
        var temp := Insert(tree.left, value);
        res := Node(temp, tree.value, tree.right);
      } else {
        var temp := Insert(tree.right, value);
        res := Node(tree.left, tree.value, temp);
      }
  }
}

// negative: the new value need not be above every lower bound
method Wrong(tree: Tree, value: int) returns (res: Tree)
  ensures forall x :: MinValue(tree, x) ==> MinValue(res, x)
{
  res := Insert(tree, value);
}
