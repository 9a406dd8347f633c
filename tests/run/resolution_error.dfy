method Main() {
  var x: int := true;
}
