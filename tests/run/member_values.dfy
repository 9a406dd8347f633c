// members used as function values capture their receiver's value when taken
class Counter {
  const start: int
  constructor (s: int) { start := s; }
  function Next(k: int): int { start + k }
  static function Zero(): int { 0 }
}
newtype Small = x | 0 <= x < 100 {
  function Double(): int { 2 * this as int }
}
method Apply(f: int -> int, x: int) returns (r: int) { r := f(x); }
method Main() {
  var c := new Counter(10);
  var s: Small := 21;
  var f, g, h := c.Next, Counter.Zero, s.Double;
  c := new Counter(100);
  s := 1;
  var r := Apply(f, 5);
  print r, " ", g(), " ", h(), " ", c.Next(5), " ", s.Double(), "\n";
}
