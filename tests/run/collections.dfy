// sets, multisets, maps and comprehensions
method Main() {
  var a := {1, 2, 3};
  var b := {3, 4};
  print a + b, " ", a * b, " ", a - b, " ", |a|, "\n";
  print {1, 2} <= a, " ", {1, 2} < a, " ", a <= a, " ", a < a, " ", a !! b, " ", {9} !! a, "\n";
  print 2 in a, " ", 5 !in a, "\n";
  var m := multiset{1, 1, 2};
  var n := multiset{1, 3};
  print m + n, " ", m * n, " ", m - n, " ", |m|, " ", m[1], " ", m[5], "\n";
  print m[1 := 5], " ", multiset(a), "\n";
  var mp := map[1 := "one", 2 := "two"];
  print |mp|, " ", mp[1], " ", 2 in mp, " ", 3 in mp, "\n";
  print mp[3 := "three"], "\n";
  print mp.Keys, " ", mp.Values, " ", mp.Items, "\n";
  print mp - {1}, " ", mp + map[1 := "uno"], "\n";
  var sq := set x | x in a :: x * x;
  print sq, "\n";
  var evens := set i | 0 <= i < 10 && i % 2 == 0;
  print evens, "\n";
  var m2 := map i | 0 <= i < 4 :: i * 10;
  print m2, "\n";
  var m3 := map k | k in mp :: k + 100 := mp[k];
  print m3, "\n";
  print forall x | x in a :: x > 0, " ", exists x | x in a :: x > 2, " ", exists x | x in a :: x > 5, "\n";
  print forall i :: 0 <= i < 5 ==> i * i < 25, "\n";
  var pairs := set i, j | 0 <= i < 3 && 0 <= j < i :: (i, j);
  print |pairs|, " ", (2, 1) in pairs, "\n";
}
