// a run-time failure in unverified code: a clear message with the Dafny line, no traceback
method Main() {
  var a := new int[3];
  var i := 5;
  print "start\n";
  a[i] := 1;
}
