// A variable bound by a case of a match statement is a local of the case: it may be
// assigned, and the assignment does not change an outer variable of the same name.
datatype D = A | B(x: int)

method M(d: D) returns (r: int)
  ensures r == 0 || r == 1
{
  var x := 0;
  match d {
    case A => x := 1;
    case B(x) => x := x + 7;
  }
  r := x;
}

method Wrong(d: D) returns (r: int)
  ensures d.B? ==> r == d.x + 7
{
  var x := 0;
  match d {
    case A => x := 1;
    case B(x) => x := x + 7;
  }
  r := x;  // error: the case assigned its own x
}
