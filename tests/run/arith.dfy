// int, real, bitvector and char arithmetic
method Main() {
  print 7 / 2, " ", 7 % 2, " ", -7 / 2, " ", -7 % 2, "\n";
  print 7 / -2, " ", 7 % -2, " ", -7 / -2, " ", -7 % -2, "\n";
  var big := 1;
  var i := 0;
  while i < 100 { big := big * 2; i := i + 1; }
  print big, "\n";
  var r: real := 1.5;
  print r * 2.0, " ", r / 4.0, " ", r.Floor, " ", (-r).Floor, " ", r as int, "\n";
  print 10 as real / 4.0, "\n";
  var b: bv8 := 250;
  print b + 10, " ", b * 2, " ", b - 251, " ", !b, " ", b & 15, " ", b | 1, " ", b ^ 255, "\n";
  print b << 1, " ", b >> 4, " ", (5 as bv4).RotateLeft(1), "\n";
  var w: bv32 := 0xFFFF_FFFF;
  print w + 1, " ", w as int, "\n";
  var ch := 'a';
  print ch as int, " ", (ch as int + 1) as char, " ", 'z' > 'a', "\n";
  print '3' + '4', " ", '7' - '4' + 'N', "\n";
  print 2 < 3 <= 3, " ", 1 < 2 < 3 < 3, "\n";
  var x := 5;
  print if x > 3 then "big" else "small", "\n";
  print x == 5 ==> x > 0, " ", false <== true, " ", true <==> true, "\n";
}
