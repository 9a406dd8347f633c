// Types that are not declared or not applied properly.
datatype List<T> = Nil | Cons(head: T, tail: List<T>)

method M(x: Undeclared, l: List<int, int>)
{
  var s: set<Nope> := {};
  var n: nat := 3;
  var b: bool := n;
  var c := new List<int>;
}
