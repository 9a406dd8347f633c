// 'seq' and 'set' without type arguments make a member generic; ghost tuple components are erased
method P(s: seq) returns (n: nat) { n := |s|; }
function Len(s: seq, t: set<int>): nat { |s| + |t| }
method Q(s: seq) { print s, "\n"; }
method Main() {
  var n := P([1, 2, 3]);
  var m := P("hello");
  print n, " ", m, " ", Len([true], {1, 2}), "\n";
  Q([1, 2]);
  var t := (ghost 5, 6);
  print t.1, "\n";
  G();
}
method G() {
  ghost var secret := 42;
  var t := (ghost secret + 1, 7, ghost secret);
  print t.1, "\n";
}
