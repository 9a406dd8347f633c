// Count 200,000 keys into a map with m := m[k := ...] and grow a set with s := s + {x}
method Main() {
  var counts: map<int, int> := map[];
  var seen: set<int> := {};
  var i := 0;
  var x := 7;
  while i < 200000 {
    x := (x * 48271) % 2147483647;
    var k := x % 5000;
    counts := counts[k := if k in counts then counts[k] + 1 else 1];
    seen := seen + {x % 100000};
    i := i + 1;
  }
  var total := 0;
  var k := 0;
  while k < 5000 {
    if k in counts { total := total + counts[k]; }
    k := k + 1;
  }
  print |counts|, " ", total, " ", |seen|, "\n";
}
