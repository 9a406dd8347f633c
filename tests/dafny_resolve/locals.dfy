// Duplicate declarations.
method M()
{
  var x := 1;
  var x := 2;
  var y, y := 3, 4;
}

method N() { }
method N() { }

method P(a: int, a: bool) { }
