// A constructor allocates `this`: its postconditions may say that `this` and a
// representation set containing it are fresh; the caller gets a new, distinct object.
class Cell {
  var data: array<int>
  ghost var Repr: set<object>

  constructor (n: nat)
    ensures fresh(this) && fresh(Repr) && this in Repr
  {
    data := new int[n];
    Repr := {this, data};
  }

  // an object passed in is not fresh: rejected
  constructor Share(other: Cell)
    ensures fresh(Repr)
  {
    data := other.data;
    Repr := {this, other};
  }
}

method Use(c: Cell) {
  var d := new Cell(3);
  assert d != c;
  assert fresh(d.Repr);
  var e := new Cell.Share(d);
  assert e != d;
  assert e.data == d.data;   // not promised by Share: rejected
}
