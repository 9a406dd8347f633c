// Assignments to things that cannot be assigned.
class C {
  const k: int
  var f: int
}

datatype D = D(x: int)

method M(n: int, c: C, s: seq<int>, d: D)
  modifies c
{
  n := 1;
  c.k := 2;
  c.f := 3;
  s[0] := 4;
  d.x := 5;
  forall i | 0 <= i < 3 ensures true {
    i := 2;
  }
}
