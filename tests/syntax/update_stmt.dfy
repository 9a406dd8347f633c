method M() {
  var x := 0;
  x = 5;
  M() N();
  x := 1;
}
