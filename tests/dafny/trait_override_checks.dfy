// Traits: a call through a trait-typed receiver uses the trait member's specification;
// each class member overriding a trait method is checked against it.
trait Shape {
  var size: int
  method Grow(n: nat) returns (r: int)
    requires n < 100
    modifies this
    ensures size == old(size) + n
    ensures r >= 0
  method Peek() returns (s: int)
    ensures s == size
  method Name() returns (s: string)
    ensures |s| > 0
  {
    s := "shape";
  }
}

// weaker precondition, stronger postcondition, smaller frame: a correct override
class Square extends Shape {
  constructor () { size := 0; }
  method Grow(n: nat) returns (r: int)
    modifies this
    ensures size == old(size) + n && r == n
  {
    size := size + n;
    r := n;
  }
  method Peek() returns (s: int)
    ensures s == size
  {
    s := size;
  }
}

method Use(s: Shape)
  modifies s
{
  var before := s.size;
  var r := s.Grow(3);
  assert s.size == before + 3;
  assert r >= 0;
  var nm := s.Name();
  assert |nm| > 0;
  var p := s.Peek();
  assert p == before + 3;
}

method UseSquare() {
  var q := new Square();
  var r := q.Grow(5);
  assert r == 5;  // Square's own specification
  var s: Shape := q;
  Use(s);
  var t := s.Grow(1);
  assert t == 1;  // error: through the trait only Shape's specification holds
}

// wrong overrides, each rejected
class WeakPost extends Shape {
  method Grow(n: nat) returns (r: int)
    requires n < 100
    modifies this
    ensures size == old(size) + n
  {
    size := size + n;
    r := -1;
  }
  method Peek() returns (s: int)
    ensures s == size
  {
    s := size;
  }
}

class StrongPre extends Shape {
  method Grow(n: nat) returns (r: int)
    requires n < 10
    modifies this
    ensures size == old(size) + n && r == 0
  {
    size := size + n;
    r := 0;
  }
  method Peek() returns (s: int)
    ensures s == size
  {
    s := size;
  }
}

class WideFrame extends Shape {
  method Grow(n: nat) returns (r: int)
    modifies this
    ensures size == old(size) + n && r == 0
  {
    size := size + n;
    r := 0;
  }
  method Peek() returns (s: int)
    modifies this
    ensures s == size
  {
    size := 7;
    s := size;
  }
}
