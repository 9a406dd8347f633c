// fresh(A - B): the objects in A but not in B are newly allocated. Consecutive calls on a
// fresh object whose methods modify its Repr and add only fresh objects to it stay within
// the caller's (empty) modifies clause; a non-fresh addition is rejected.
class Cell {
  var v: int
  constructor () { v := 0; }
}

class Bag {
  ghost var Repr: set<object>
  ghost predicate Valid() reads this, Repr { this in Repr }

  constructor () ensures Valid() && fresh(Repr) { Repr := {this}; }

  method AddNew()
    requires Valid()
    modifies Repr
    ensures Valid() && fresh(Repr - old(Repr))
  {
    var c := new Cell();
    Repr := Repr + {c};
  }

  method AddOld(c: Cell)
    requires Valid()
    modifies Repr
    ensures Valid() && fresh(Repr - old(Repr))   // error: c need not be fresh
  {
    Repr := Repr + {c};
  }
}

method Client() {
  var b := new Bag();
  b.AddNew();
  b.AddNew();
  b.AddNew();
}

method ClientOfOld(b: Bag)
  requires b.Valid()
{
  b.AddNew();   // error: b.Repr is not fresh here and Client may modify nothing
}
