// Trait functions: a call through a trait uses the trait function's specification only; a
// class function overriding it is checked against that specification (precondition,
// reads frame, postconditions).
trait Shape {
  var w: int
  function Area(): int
    reads this
    requires w >= 0
    ensures Area() >= 0
  predicate Valid()
    reads this
    ensures Valid() ==> w >= 0
  function Scale(k: nat): (r: int)
    ensures r >= k
}

class Square extends Shape {
  constructor (x: nat) ensures w == x { w := x; }
  function Area(): int
    reads this
  {
    if w >= 0 then w * w else 0
  }
  predicate Valid()
    reads this
  {
    w >= 1
  }
  function Scale(k: nat): (r: int)
  {
    k + 1
  }
}

method Use(s: Shape)
  requires s.Valid()
{
  assert s.w >= 0;
  var a := s.Area();
  assert a >= 0;
  assert s.Scale(3) >= 3;
  assert s.Scale(3) == 4;  // error: only Shape's specification is known through the trait
}

method UseSquare() {
  var q := new Square(3);
  assert q.Area() == 9;  // Square's definition
  assert q.Valid();
}

// wrong overrides, each rejected
class Neg extends Shape {
  function Area(): int
    reads this
  {
    -1
  }
  predicate Valid()
    reads this
  {
    true
  }
  function Scale(k: nat): (r: int)
    requires k > 0
  {
    k
  }
}

class Other {
  var z: int
}

class WideReads extends Shape {
  var o: Other
  constructor () { o := new Other; }
  function Area(): int
    reads this, o
  {
    if o.z > 0 then o.z else 0
  }
  predicate Valid()
    reads this
  {
    w >= 0
  }
  function Scale(k: nat): (r: int)
  {
    k
  }
}

// on an object of a known class, the trait function is the class's function
method Linked(q: Square)
  requires q.w == 2
{
  var s: Shape := q;
  assert s.Area() == 4;
  assert s.Valid();
  Use(q);
  var q2 := new Square(5);
  Use(q2);
  var s2: Shape := q2;
  assert s2.Area() == 25;
  assert s2.Area() == 24;  // error
}
