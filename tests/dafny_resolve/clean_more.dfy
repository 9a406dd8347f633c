// More Dafny 4 features used correctly (:-, by method, two-state, extreme, frames, ...).
datatype Result<T> = Success(value: T) | Failure(error: string) {
  predicate IsFailure() { Failure? }
  function PropagateFailure<U>(): Result<U> requires Failure? { Failure(error) }
  function Extract(): T requires Success? { value }
}
datatype Option<T> = None | Some(v: T) {
  function Get(): T requires Some? { v }
}
method Parse(s: string) returns (r: Result<int>) { r := Success(|s|); }
method UseParse() returns (r: Result<int>) {
  var x :- Parse("abc");
  var y := x + 1;
  r := Success(y);
}
class Counter {
  var n: int
  const step: int
  ghost var hist: seq<int>
  constructor (s: int) ensures n == 0 && step == s {
    n := 0;
    step := s;
    new;
    hist := [];
  }
  method Inc() modifies this ensures n == old(n) + step {
    n := n + step;
    hist := hist + [n];
  }
  static method Make() returns (c: Counter) { c := new Counter(1); }
  function Get(): int reads this { n }
  twostate predicate Grew() reads this { old(n) <= n }
}
function Fact(n: nat): nat { if n == 0 then 1 else n * Fact(n - 1) } by method {
  var r := 1;
  for i := 1 to n + 1 { r := r * i; }
  return r;
}
least predicate Even(x: int) { x == 0 || Even(x - 2) }
opaque function Secret(): int { 42 }
method Misc(a: array<int>, m: array2<int>, s: seq<int>, d: Option<int>, st: set<int>)
  requires a.Length > 2 && |s| > 2
  modifies a, m
{
  var x: int, y: bool := 1, true;
  var p, q := 1, 2;
  p, q := q, p;
  a[0] := 1;
  var sl := a[1..2];
  var sq := set i | 0 <= i < 10 :: i * i;
  var mp := map i | 0 <= i < 10 :: i * i;
  var mp2 := map i | 0 <= i < 10 :: i := i + 1;
  var sc := seq(5, i => i);
  var str: string := "abc";
  var c := str[0];
  var str2 := str[..1] + str[2..];
  var ms := multiset(s);
  var iss: iset<int> := iset{1};
  var im: imap<int, int> := imap[1 := 2];
  var f := (z: int) reads a requires z >= 0 => z + a.Length;
  var ok := f.requires(1);
  var t := (1, (true, 'c'));
  var (t1, (t2, t3)) := t;
  var e := match t case (k, (true, _)) => k case (k, _) => -k;
  var bv: bv8 := 5;
  var bv2 := ((bv & 3) | (bv << 2)) ^ 1;
  var ci := bv as int;
  label L:
  a[1] := 2;
  assert old@L(a[1]) == a[1] || true;
  assert x == 1 by { assert true; }
  reveal Secret();
  expect y;
  forall i | 0 <= i < a.Length { a[i] := 0; }
  modify a;
  if * { x := 2; } else { x := 3; }
  var w :| w in st || true;
  var dd := d.(v := 3);
  var gv := if d.Some? then d.Get() else 0;
  var cnt := Counter.Make();
  var cnt2 := new Counter(2);
  cnt2.Inc();
  assert fresh(cnt2);
  assert unchanged(a) || true;
  print x, " ", y, "\n";
  var k := Fact(3) + Secret();
  assert Even(0);
  m[0, 0] := m.Length0 + m.Length1;
  var def := Def();
  var def2 := Def(x := 5);
  var obj: object := cnt2;
  var isC := obj is Counter;
  var z := 0;
  while z < 10 invariant 0 <= z <= 10 decreases 10 - z { z := z + 1; if z == 5 { break; } }
  ghost var gg := 1;
  gg := gg + 1;
}
function Def(x: int := 3): int { x }
