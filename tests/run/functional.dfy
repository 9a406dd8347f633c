// lambdas, higher-order functions, generics, multiple returns, let, such-that
function Map<A, B>(f: A -> B, s: seq<A>): seq<B> {
  if |s| == 0 then [] else [f(s[0])] + Map(f, s[1..])
}

function Fold<A, B>(f: (B, A) -> B, acc: B, s: seq<A>): B {
  if |s| == 0 then acc else Fold(f, f(acc, s[0]), s[1..])
}

method DivMod(a: int, b: int) returns (q: int, r: int)
  requires b > 0
{
  q := a / b;
  r := a % b;
}

method MinMax(s: seq<int>) returns (lo: int, hi: int)
  requires |s| > 0
{
  lo, hi := s[0], s[0];
  for i := 1 to |s| {
    if s[i] < lo { lo := s[i]; }
    if s[i] > hi { hi := s[i]; }
  }
  return lo, hi;
}

function Compose<A, B, C>(f: B -> C, g: A -> B): A -> C {
  x => f(g(x))
}

method Main() {
  var inc := x => x + 1;
  print Map(inc, [1, 2, 3]), "\n";
  print Map(x => x * x, [1, 2, 3]), "\n";
  print Fold((a, b) => a + b, 0, [1, 2, 3, 4]), "\n";
  var q, r := DivMod(17, 5);
  print q, " ", r, "\n";
  var lo, hi := MinMax([3, 9, -2, 7]);
  print lo, " ", hi, "\n";
  var h := Compose(inc, x => x * 10);
  print h(4), "\n";
  var fs: seq<int -> int> := [];
  var i := 0;
  while i < 3 {
    var k := i;
    fs := fs + [y => y + k];
    i := i + 1;
  }
  print fs[0](100), " ", fs[2](100), "\n";
  var z := var a := 3; var b := a * a; a + b;
  print z, "\n";
  var x :| x in {7};
  print x, "\n";
  var y :| 0 <= y < 10 && y * y > 20;
  print y, "\n";
  var w := var v :| v in {5} && v > 1; v * 2;
  print w, "\n";
  var n :| ("R", n) in {("P", 1), ("R", 2)};
  print n, "\n";
}
