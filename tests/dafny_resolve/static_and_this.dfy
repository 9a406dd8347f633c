// `this` and instance members from static contexts; discriminators inside datatypes.
class C {
  var f: int
  static method S() returns (r: int) {
    r := this.f;
  }
  method I() returns (r: int) { r := this.f + f; }
}

datatype D = A | B {
  predicate IsA() { A? }
  static predicate Bad() { A? }
}

method Top() returns (r: int) { r := f; }
