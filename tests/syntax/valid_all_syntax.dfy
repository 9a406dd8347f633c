// Every construct of the Dafny 4 surface syntax the parser supports; formats cleanly.
include "empty_file.dfy"

module {:options "--function-syntax:4"} Lib.Util {
  export Api provides Twice, Helper reveals Nat
  export extends Api provides *
  type Nat = n: int | 0 <= n witness 0
  function Twice(x: int): int { 2 * x }
  module Helper { }
}

abstract module Base {
  type T(==, 0)
  const k: int
}

module Refined refines Base {
  import opened L = Lib.Util
  import U : Base
  import Lib.Util`Api
  type T = int
  const k := 3
}

replaceable module R { }

newtype int8 = x: int | -128 <= x < 128
newtype Pos = x | x > 0 witness 1 {
  const one: Pos := 1
}
type Even = x: int | x % 2 == 0 ghost witness 0
type Any = x: int | true witness *
type Syn<A> = seq<A>
type Opaque(!new)<+A, -B, *C, !D(00)>
datatype List<T> = Nil | Cons(head: T, tail: List<T>) {
  function Length(): nat {
    match this
    case Nil => 0
    case Cons(_, t) => 1 + t.Length()
  }
}
codatatype Stream<T> = | More(T, Stream<T>)
datatype Pair = Pair(ghost a: int, nameonly b: bool)
trait Named { function Name(): string }
datatype Tagged extends Named = Tag1 | Tag2(n: int) { function Name(): string { "t" } }

trait Shape extends object {
  function Area(): real reads this
}

class {:autocontracts} Cell<T(==)> extends Shape {
  var value: T
  ghost var history: seq<T>
  static const zero: int := 0
  constructor (v: T)
    ensures value == v
  {
    value := v;
    history := [];
    new;
  }
  constructor Init(v: T) {
    value := v;
    history := [v];
  }
  function Area(): real reads this { 1.5 }
  method Set(v: T) modifies this ensures value == v && old(value) == old@Start(value) {
    label Start:
    value := v;
  }
  twostate predicate Grew() reads this { |old(history)| <= |history| }
  twostate lemma GrewLemma() requires Grew() { }
}

iterator Gen(n: nat) yields (x: int)
  requires n > 0
  yield requires true
  yield ensures x >= 0
  ensures true
  decreases n
{
  var i := 0;
  while i < n { x := i; yield; i := i + 1; }
}

least predicate Even2(n: nat) { n == 0 || (n >= 2 && Even2(n - 2)) }
greatest predicate Inf(s: Stream<int>) { match s case More(_, t) => Inf(t) }
greatest lemma InfLemma(s: Stream<int>) ensures Inf(s) {
  match s { case More(_, t) => InfLemma(t); }
}
lemma {:induction false} PrefixUse(k: ORDINAL, s: Stream<int>) ensures Inf#[k](s) {
  assume {:axiom} Inf#[k](s);
}

opaque function Secret(): int { 42 }
ghost function G(x: int): (r: int) ensures r == x { x }
function method Old(x: int): int { x }
predicate method OldP(x: int) { x > 0 }
function Fib(n: nat): nat decreases n {
  if n < 2 then n else Fib(n - 1) + Fib(n - 2)
} by method {
  var a, b := 0, 1;
  for i := 0 to n invariant a == Fib(i) && b == Fib(i + 1) {
    a, b := b, a + b;
  }
  return a;
}

function {:fuel 2, 3} Ops(a: bv8, b: bv8, x: int, r: real, c: char, s: string): bool {
  && a & b == (a | b) ^ (a << 1) >> 1
  && -x + x * 2 / 3 % 4 - 1 == 0x1_F
  && (x < 1_000 <= 2000 == true || !(r > 0.5))
  && (x as real) >= r && c == '\'' && c != '\n' && c != '\U{1F600}' && c != '\u0041'
  && s == "esc \"q\" \\ \t \0 \r" && s != @"verbatim ""quoted"" \n"
  && x in {1, 2} && x !in multiset{3} && {1} !! {2} && a is bv8
  && (x > 0 ==> x >= 1 ==> true) && (false <== x < 0 <== false) && (true <==> !false)
}

method Statements(a: array<int>, m: array2<int>, s: seq<int>, mp: map<int, int>) returns (r: int, t: int)
  requires a.Length > 2 && m.Length0 > 1 && m.Length1 > 1
  modifies a, m
  ensures r >= 0
  decreases *
{
  var x: int := 5;
  var y, z := 1, 2;
  var w :| w > 0;
  var (p, q) := (1, true);
  ghost var g := x;
  var arr := new int[10];
  var arr2 := new int[3](i => i * 2);
  var arr3 := new int[][1, 2, 3];
  var grid := new int[3, 4];
  var cell := new Cell<int>.Init(5);
  var cell2 := new Cell(7);
  r, t := 0, 1;
  r, t := Multi(r);
  r :- Fallible(r);
  :- expect Check();
  x := *;
  if * { x := 1; } else if x > 0 { x := 2; } else { x := 3; }
  if { case x > 0 => x := 1; case x <= 0 => x := 2; }
  if v :| v > 0 && v < 2 { x := v; }
  while x > 0 invariant x >= 0 decreases x modifies a { x := x - 1; }
  while * decreases * { break; }
  while decreases x { case x > 0 => x := x - 1; }
  for i := 0 to a.Length invariant 0 <= i <= a.Length { a[i] := 0; }
  for i := 10 downto 0 { }
  forall i | 0 <= i < a.Length { a[i] := 0; }
  forall i: int ensures i == i { }
  forall i, j | 0 <= i < 1 && 0 <= j < 1 { m[i, j] := 1; }
  calc <= {
    x;
    == { assert true; }
    x + 0;
    < { assert x < x + 1; } { assert true; }
    x + 1;
  }
  assert x >= 0 by { assert true; }
  assert L1: x >= 0;
  assume x >= 0;
  expect x >= 0, "message";
  print x, "\n";
  reveal Secret();
  modify a;
  label outer: while true { while true { break outer; } }
  while true { continue; }
  match |s| {
    case 0 => r := 0;
    case -1 => r := -1;
    case _ => r := 1;
  }
  label done: r := r;
  match Cons(1, Nil)
  case Nil => r := 0;
  case Cons(h, Nil) | Cons(h, _) => r := 1;
}

method Expressions(s: seq<int>, st: set<int>, mp: map<int, int>, f: int -> int, o: object?)
  requires |s| > 3
  reads o
{
  var e1 := s[1..2] + s[..1] + s[1..] + s[..] + s[0 := 5];
  var e2 := s[1 : 2 :];
  var e3 := map[1 := 2, 3 := 4][1 := 5];
  var e4 := imap x | x in st :: x * 2;
  var e5 := set x | x in st && x > 0 :: x + 1;
  var e6 := iset{1};
  var e7 := seq(3, i => i);
  var e8 := seq<int>(3, i requires i >= 0 => i);
  var e9 := multiset(s);
  var e10 := forall x {:trigger f(x)} | x in st :: f(x) > 0;
  var e11 := exists x: int :: x > 0 && x < 2;
  var e12 := (x, y) => x + y;
  var e13 := (x: int) reads o => x;
  var e14 := if |s| > 0 then s[0] else 0;
  var e15 := match Pair(1, true) case Pair(a, b) => a;
  var e16 := var q := 1; q + 1;
  var e17 := Cons(1, Nil).(head := 2);
  var e18 := (1, 2).0;
  var e19 := G<int>(1);
  var e20 := fresh(o) && allocated(o) && unchanged(o);
  var e21 := assert true; 5;
  var e22 := forall x <- st :: x > 0;
  var e23 := map x | x in st :: x := x;
  var e24 := |s| + |st| + |mp|;
  var e25 := (), ();
  var e26 := set x <- st | x > 1;
  var e27 := Fib(n := 3);
  var e28 := this;
}
