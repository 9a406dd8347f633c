// A refining `method M...` has the specification of the method it refines (its ensures
// may add to it): callers in the refining module get it, and a merged body is checked
// against it.
module A {
  class C {
    var x: int
    method Set()
      modifies this
      ensures x == 1
    {
      x := 1;
    }
    method Get() returns (r: int)
      ensures r == x
    {
      r := x;
    }
  }
}

module B refines A {
  class C ... {
    method Set...
    method Get...
      ensures r >= x
    {
      ...;
    }
  }
  method Caller(c: C)
    modifies c
  {
    c.Set();
    assert c.x == 1;
    var r := c.Get();
    assert r == 1;
    assert c.x == 0;  // error
  }
  method NoFrame(c: C) {
    c.Set();  // error: Set modifies c
  }
}

module Bad refines A {
  class C ... {
    method Get...
      ensures r == x + 1  // error: the merged body does not establish it
    {
      ...;
    }
  }
}
