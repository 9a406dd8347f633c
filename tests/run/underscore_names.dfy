// only _ is a wildcard: _x in patterns and let expressions binds a variable
datatype P = P(a: int, b: int)
method Main() {
  var p := P(1, 2);
  match p { case P(_x, _) => print _x, "\n"; }
  var z := var _q := 7; _q + 1;
  print z, "\n";
  var P(_a, _b) := p;
  print _a + _b, "\n";
}
