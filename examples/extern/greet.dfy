// Calling Python from verified Dafny: run with
//   pydafny run examples/extern/greet.dfy
// (greetlib.py sits next to this file, so `import greetlib` finds it)
module {:extern "greetlib"} Lib {
  // the Python function greetlib.Shout
  method {:extern} Shout(s: string) returns (r: string)
  // a different Python name: greetlib.isqrt
  function {:extern "isqrt"} Sqrt(n: nat): nat
    ensures Sqrt(n) * Sqrt(n) <= n < (Sqrt(n) + 1) * (Sqrt(n) + 1)
  method {:extern} DivMod(a: int, b: int) returns (q: int, r: int)
    requires b > 0
  class {:extern "greetlib", "Counter"} Counter {
    constructor {:extern} (start: int)
    method {:extern} Inc() returns (n: int)
  }
}

method Main() {
  var loud := Lib.Shout("hello");
  print loud, "\n";
  var s := Lib.Sqrt(50);
  assert s * s <= 50;
  print "isqrt(50) = ", s, "\n";
  var q, r := Lib.DivMod(17, 5);
  print q, " ", r, "\n";
  var c := new Lib.Counter(41);
  var n := c.Inc();
  print n, "\n";
}
