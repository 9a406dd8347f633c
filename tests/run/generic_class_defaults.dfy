// fields and locals of a class type parameter T(0) start at the instantiated type's default (new C<int> passes it)
class Box<T(0)> {
  var v: T
  var arr: array<T>
  constructor(n: nat) {
    arr := new T[n];
  }
  method Reset() modifies this { var d: T; v := d; }
}
class Cell<T(0)> {
  var x: T
  constructor Init() {}
}
method Main() {
  var b := new Box<int>(2);
  var c := new Box<bool>(1);
  print b.v, " ", b.arr[..], " ", c.v, " ", c.arr[..], "\n";
  b.v := 5;
  b.Reset();
  print b.v, "\n";
  var e := new Cell<real>.Init();
  print e.x, "\n";
}
