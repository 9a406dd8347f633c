// implicit type tests when a bound variable's type is narrower than the collection's
// elements; :| searches over half-bounded ints; filters applied as early as possible
trait Animal { var age: int }
class Dog extends Animal { constructor (a: int) { age := a; } }
class Cat extends Animal { constructor (a: int) { age := a; } }
class Rock { }

method Main() {
  var d1, d2, c1 := new Dog(3), new Dog(9), new Cat(5);
  var r := new Rock;
  var things: set<object?> := {d1, d2, c1, r, null};
  var objs := set o: object | o in things;
  var dogs := set o: Dog | o in things;
  var animals := set o: Animal | o in things;
  var maybeDogs := set o: Dog? | o in things;
  print |things|, " ", |objs|, " ", |dogs|, " ", |animals|, " ", |maybeDogs|, "\n";

  var zoo: set<Animal> := {d1, d2, c1};
  forall a: Dog | a in zoo { a.age := a.age + d1.age; }
  print d1.age, " ", d2.age, " ", c1.age, "\n";
  var old1: Dog :| old1 in zoo && old1.age > 10;
  print old1.age, "\n";
  var young := set a: Cat | a in zoo && a.age < 6;
  print |young|, "\n";

  var ints: seq<int> := [-4, 7, -1, 0, 12];
  print set n: nat | n in ints, "\n";

  var a, b :| 20 <= a < b && a % 7 == 0;
  print a, " ", b, "\n";
  var pair := var x, y :| 5 <= x < y < 9 && x * y == 42; (x, y);
  print pair, "\n";
  var k :| k * k == 49 && k < 0;
  print k, "\n";
  print map i | 3 <= i < 6 :: i * i, "\n";
}
