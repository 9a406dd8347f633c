// What the trait support cannot check soundly is reported unsupported, never assumed.
trait T {
  method M() returns (r: int)
    ensures r > 0
  function F(): int
    ensures F() > 0
  method Loop(n: nat)
    decreases n
}

class C extends T {
  method M() returns (r: int)
    ensures r > 0
  {
    r := 1;
  }
  // overriding a function with another signature: unsupported (so T.F's specification
  // is unchecked and unusable)
  function F(): nat { 5 }
  // recursion through dynamic dispatch: termination of overrides is not checked
  method Loop(n: nat)
    decreases n
  {
    var t: T := this;
    t.Loop(n);
  }
}

method Down(t: T) returns (c: C)
{
  c := t as C;  // a downcast needs dynamic types
}

method Test(t: T) {
  var x := t.F();
  assert x > 0;
}

// an implicit downcast (accepted by the lenient resolver) is never translated as a no-op
method Implicit(t: T) returns (c: C)
{
  c := t;
}
