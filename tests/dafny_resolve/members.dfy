// Members that a type does not have.
class C {
  var f: int
  method Init() { }
}

datatype Color = Red | Green | Blue(shade: int)

method M(c: C, k: Color, a: array<int>, s: seq<int>)
{
  var x := c.g;
  var y := k.Purple?;
  var z := k.hue;
  var n := a.Size;
  var m := s.Length;
  c.Missing();
  var o := new C.Make();
}
