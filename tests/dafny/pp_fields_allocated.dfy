// A reference stored in a field of an allocated object is allocated (or null), so a new
// object differs from it.
class A {
  var value: int
  constructor () ensures value == 10 { value := 10; }
}
class B {
  var a: A
  constructor () { a := new A(); }
  method m()
    requires a.value == 11
    modifies this, this.a
  {
    a.value := 12;
    a := new A();
    a.value := 20;
    assert old(a.value) == 11;
    assert old(a).value == 12;
  }
}

// negative: the old object's value is 12, not 20
method N(b: B)
  requires b.a.value == 11
  modifies b, b.a
{
  var old_a := b.a;
  b.a := new A();
  b.a.value := 20;
  old_a.value := 12;
  assert b.a.value == 12;
}
