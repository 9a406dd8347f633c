// implicit type tests when a bound variable's type is narrower than the collection's elements; :| searches over half-bounded ints; filters applied as early as possible
trait NothingInParticular { }
class ClassA { }
class ClassB extends NothingInParticular { }
trait ICell { var data: int }
class CellA extends ICell { }
class CellB extends ICell { }
method Main() {
  var w, x, y, z := new ClassA, new ClassA, new ClassB, new ClassB;
  var s: set<object?> := {w, x, y, z, null};
  var all := set o: object | o in s;
  var aa := set o: ClassA | o in s;
  var bb := set o: ClassB | o in s;
  var nn := set o: NothingInParticular | o in s;
  print |s|, " ", |all|, " ", |aa|, " ", |bb|, " ", |nn|, "\n";
  var all2 := set o: object? | o in s;
  var aa2 := set o: ClassA? | o in s;
  print |all2|, " ", |aa2|, "\n";
  var c, d, e := new CellA, new CellA, new CellB;
  c.data, d.data, e.data := 4, 5, 1;
  var s2: set<ICell?> := {c, d, e, null};
  forall a: CellA | a in s2 { a.data := c.data + a.data - 2; }
  print c.data, d.data, e.data, "\n";
  d.data := 9;
  var u: CellA :| u in s2 && 7 <= u.data;
  u.data := 8;
  print c.data, d.data, e.data, "\n";
  var r := set a: CellA | a in s2 && a.data < 6;
  print |r|, "\n";
  var ints := [-1, 2, -3, 4];
  var nats := set n: nat | n in ints;
  print nats, "\n";
  var xx, yy :| 12 <= xx < yy && xx == 13;
  print xx, " ", yy, "\n";
  var p := var x1, y1 :| 12 <= x1 < y1 < 15 && x1 == 13; (x1, y1);
  print p, "\n";
  var m := map x2 | 12 <= x2 < 15 :: x2 / 2;
  print m, "\n";
}
