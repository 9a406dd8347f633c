// Names that are not declared anywhere.
method M(n: int) returns (r: int)
{
  r := n + y;
  var t: Tree := null;
  r := Undeclared(n);
}
