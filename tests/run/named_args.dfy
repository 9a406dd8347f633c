// named arguments (any order, matched to formals via semantics.calls.formal_args), defaults, ghost formals
datatype Pt = Pt(x: int, y: int := 10, ghost g: int := 0, z: int := x + 1)
codatatype S = S(h: int, t: S)
function F(a: int, ghost b: int, c: int := a * 2, d: int := c + 1): int { a + c + d }
method M(p: int, q: string := "q", r: bool := false) returns (o: string) {
  o := q + (if r then "!" else ".");
}
function Ones(k: int): S { S(t := Ones(k), h := k) }
method Main() {
  print F(1, 0), " ", F(d := 5, a := 1, b := 0), " ", F(1, 0, d := 0), " ", F(c := 3, b := 9, a := 2), "\n";
  var o := M(r := true, p := 1);
  var o2 := M(1, "x");
  print o, " ", o2, "\n";
  print Pt(y := 3, x := 1), " ", Pt(2), " ", Pt(z := 0, x := 5), "\n";
  print Ones(4).t.t.h, "\n";
}
