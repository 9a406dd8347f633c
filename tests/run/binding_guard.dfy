// if x :| P (binding guards), including in else-if position and inside loops
method Main() {
  var s := {3, 8, 5};
  if x :| x in s && x > 4 {
    print "found ", x > 4, "\n";
  } else {
    print "none\n";
  }
  if y :| y in s && y > 10 {
    print "found ", y, "\n";
  } else if z :| z in s && z < 4 {
    print "small ", z, "\n";
  } else {
    print "none\n";
  }
  var k := 0;
  while k < 3 {
    if w :| w in s && w == k + 3 { print w, " "; break; }
    k := k + 1;
  }
  print "\n";
}
