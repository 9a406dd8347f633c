// loops, labelled break/continue, for loops, if-case, while-case
method Main() {
  for i := 0 to 3 { print i, " "; }
  print "\n";
  for i := 3 downto 0 { print i, " "; }
  print "\n";
  var n := 0;
  while true {
    n := n + 1;
    if n == 5 { break; }
  }
  print n, "\n";
  label outer: for i := 0 to 4 {
    for j := 0 to 4 {
      if j == 2 { continue outer; }
      if i == 3 { break outer; }
      print i, j, " ";
    }
  }
  print "\n";
  var k := 0;
  while k < 3 {
    k := k + 1;
    if k == 2 { continue; }
    print k, " ";
  }
  print "\n";
  label block: {
    print "in block ";
    if k == 3 { break block; }
    print "not printed";
  }
  print "\n";
  var m := 0;
  for i := 0 to 3 {
    for j := 0 to 3 {
      if j == 1 { break break; }
      m := m + 1;
    }
  }
  print m, "\n";
  var x := 7;
  if
  case x < 5 => print "small\n";
  case x >= 5 => print "large\n";
  var a, b := 10, 4;
  while
    decreases a + b
  {
    case a > 5 => a := a - 3;
    case b > 0 => b := b - 1;
  }
  print a, " ", b, "\n";
  var c := 0;
  label Search:
  while
    decreases 100 - c
  {
    case c < 100 =>
      for k := 0 to 10 {
        if k == 3 { continue Search; }
        if c >= 6 { break break; }
        c := c + 1;
      }
  }
  print c, "\n";
}
