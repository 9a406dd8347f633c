// a failed expect halts the program with Dafny's message and exit code 1
method Main() {
  print "before\n";
  var x := 3;
  expect x == 3, "x should be 3";
  expect x > 5, "x is too small: " + "3";
  print "not reached\n";
}
