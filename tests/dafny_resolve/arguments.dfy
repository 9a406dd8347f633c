// Wrong numbers of arguments to functions, methods and constructors.
datatype Pair = Pair(a: int, b: int)

function F(x: int): int { x }

method M(x: int) returns (r: int) { r := x; }

method Caller()
{
  var a := F(1, 2);
  var b := M();
  var p := Pair(1);
  var q := F(y := 3);
}
