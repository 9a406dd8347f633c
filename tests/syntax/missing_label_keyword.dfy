method M() {
  L: while true { break L; }
  var x: int;
  x: int := 5;
}
