module M {
  include "inner.dfy"
}
include 42
type T(+)
method Let() {
  var x := var y, z :- Foo(); y;
  var m: map<int> := map[];
  while invariant true
    x := 1;
}
method Arrow() {
  var f := (x: int) requires x > 0 x;
  var g := x => ;
  match x { case (a, => 1 }
}
datatype D = | | A
class C extends { }
method Ok() returns (r: int) { r := 0; }
