// classes, constructors, fields, static members, traits
trait Shape {
  var name: string
  function Area(): int reads this
  method Describe() {
    print name, " has area ", Area(), "\n";
  }
}

class Rect extends Shape {
  var w: int
  var h: int
  constructor (w: int, h: int) {
    this.w := w;
    this.h := h;
    this.name := "rect";
  }
  function Area(): int reads this { w * h }
}

class Square extends Shape {
  const side: int
  constructor Make(s: int) {
    side := s;
    name := "square";
  }
  function Area(): int reads this { side * side }
}

class Counter {
  var count: int
  static const Start := 100
  const doubled := Start * 2
  constructor () { count := Start; }
  method Inc() returns (r: int)
    modifies this
  {
    count := count + 1;
    r := count;
  }
  static function Twice(x: int): int { 2 * x }
}

method Main() {
  var r := new Rect(3, 4);
  var s := new Square.Make(5);
  var shapes: seq<Shape> := [r, s];
  var i := 0;
  while i < |shapes| {
    shapes[i].Describe();
    i := i + 1;
  }
  r.w := 10;
  print r.Area(), " ", r is Rect, "\n";
  var c := new Counter();
  var a := c.Inc();
  var b := c.Inc();
  print a, " ", b, " ", c.count, " ", Counter.Start, " ", c.doubled, " ", Counter.Twice(21), "\n";
  var same := c == c;
  var c2 := new Counter();
  print same, " ", c == c2, "\n";
}
