// Generics, traits, subset types and newtypes used correctly.
trait T<A> { function Get(): A }
class C extends T<int> { constructor () { } function Get(): int { 1 } }
method M(t: T<int>) { var x: int := t.Get(); }
method N() { var c := new C(); var t: T<int> := c; M(c); var o: object := c; var tt := o as C; }
type Pos = x: int | x > 0 witness 1
function Inc(p: Pos): Pos { p + 1 }
method P() { var p: Pos := 3; var q := Inc(p); var r: seq<Pos> := [p, q]; var s := r + [Inc(1)]; }
datatype Tree = Leaf | Node(l: Tree, v: int, r: Tree)
function Sum(t: Tree): int { match t case Leaf => 0 case Node(l, v, r) => Sum(l) + v + Sum(r) }
function Map<A, B>(s: seq<A>, f: A -> B): seq<B> { if s == [] then [] else [f(s[0])] + Map(s[1..], f) }
method Q() { var m := Map([1, 2], x => x * 2); var m2 := Map([1, 2], (x: int) => x > 0); assert m2[0]; }
class Node2<K(==), V> { var key: K var val: V var next: Node2?<K, V> constructor (k: K, v: V) { key := k; val := v; next := null; } }
method R() { var n := new Node2(1, "a"); var nn := n.next; if nn != null { var k := nn.key + 1; } }
function Max(s: set<int>): int requires s != {} { var x :| x in s && forall y | y in s :: y <= x; x }
newtype u8 = x: int | 0 <= x < 256
method S(a: u8, b: u8) returns (c: u8) requires a as int + b as int < 256 { c := a + b; var d := c / 2; var e := (d as int) + 1; }
method U(s: seq<char>) returns (t: string) { t := s + "x"; var n := |t| as real; var f := n.Floor; }
method V(xs: array<int>) requires xs.Length > 0 { var m := xs[0]; var i := 1; while i < xs.Length { if xs[i] > m { m := xs[i]; } i := i + 1; } }
