// Build a sequence of 1,000,000 elements with s := s + [x] in a loop, then read it back
method Main() {
  var n := 1000000;
  var s: seq<int> := [];
  var i := 0;
  while i < n {
    s := s + [i % 7];
    i := i + 1;
  }
  var total := 0;
  i := 0;
  while i < |s| {
    total := total + s[i];
    i := i + 1;
  }
  var str := "";
  i := 0;
  while i < 100000 {
    str := str + "ab";
    i := i + 1;
  }
  print |s|, " ", total, " ", |str|, "\n";
}
