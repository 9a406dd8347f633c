// Reference fields of allocated objects hold allocated objects (or null), so a
// constructor call (which may only change its new object) leaves them unchanged.
class A {
  var value: int
  constructor ()
    ensures value == 10
  {
    value := 10;
  }
}

class B {
  var a: A
  constructor () { a := new A(); }

  method Replace()
    modifies this, this.a
  {
    a.value := 12;
    a := new A();
    assert old(a).value == 12;
    assert a.value == 10;
  }

  // negative twin: must fail
  method ReplaceWrong()
    modifies this, this.a
  {
    a.value := 12;
    a := new A();
    assert old(a).value == 10;
  }
}
