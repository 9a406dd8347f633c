// sequences and strings
function Sum(s: seq<int>): int {
  if |s| == 0 then 0 else s[0] + Sum(s[1..])
}

method Main() {
  var s := [1, 2, 3, 4, 5];
  print |s|, " ", s[0], " ", s[1..3], " ", s[..2], " ", s[3..], " ", s[..], "\n";
  print s[2 := 9], " ", s, "\n";
  print s + [6], " ", [0] + s, "\n";
  print 3 in s, " ", 7 in s, " ", 7 !in s, "\n";
  print [1, 2] <= s, " ", [1, 2] < s, " ", s < s, " ", [2] <= s, "\n";
  print Sum(s), "\n";
  var t: seq<int> := [];
  var i := 0;
  while i < 10 { t := t + [i * i]; i := i + 1; }
  print t, "\n";
  var str := "hello";
  var w := str + ", " + "world";
  print w, " ", |w|, " ", w[0], " ", w[7..], "\n";
  print "abc" < "abd", " ", "ab" <= "abc", " ", "abc" == "ab" + "c", "\n";
  print seq(5, i => i * 2), "\n";
  var m := multiset(s);
  print m, "\n";
  var chars := ['d', 'a', 'f'];
  var text: string := chars;
  print text, "\n";
}
