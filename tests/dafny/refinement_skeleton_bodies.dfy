// A refining method's body is the refined body with the refining statements merged in:
// `...;` stands for the refined statements left, the others are inserted where they stand,
// refined statements left over are appended, and constructors merge the parts before and
// after `new;` separately.
module A {
  class Counter {
    var n: int
    constructor Init(k: nat)
    {
      n := k;
      new;
      assert n == k;
    }
    constructor Zero()
    {
      new;
      n := 0;
    }
  }
  method Compute(x: int) returns (y: int)
  {
    var t := x * 2;
    y := t + 1;
  }
}

module B refines A {
  class Counter ... {
    var log: int
    constructor Init...
    {
      log := 5;
      new;
      ...;
      assert n == k && log == 5;
    }
    constructor Zero...
    {
      log := 1;  // before the refined constructor's `new;`
    }
  }
  method Compute...
  {
    ...;
    assert t == 2 * x && y == 2 * x + 1;  // the refined body ran at `...`
  }
}

module C refines A {
  method Compute...
  {
    assert y == 2 * x + 1;  // error: inserted before the refined statements
    ...;
  }
  class Counter ... {
    constructor Init...
    {
      new;
      assert n == 0;  // error: the refined n := k ran before `new;`
    }
  }
}

module D refines A {
  method Compute...
  {
    if x > 0 {  // unsupported: Dafny could match this with a refined statement
      ...;
    }
  }
}
