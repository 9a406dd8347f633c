class C {
  var x: int
  method M() {
    if x > 0 {
      x := 1;
  }
}

method Later() {
}
