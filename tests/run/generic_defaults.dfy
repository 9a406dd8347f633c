// uninitialized values of a type parameter T(0) get the instantiated type's default (callers pass it)
method Fill<T(0)>(n: nat) returns (a: array<T>) {
  a := new T[n];
}
method Default<T(0)>() returns (x: T) {
}
method Twice<U(0)>() returns (p: (U, U)) {
  var a := Default<U>();
  var b: U := Default();
  p := (a, b);
}
datatype Color = Red | Green
method Main() {
  var a := Fill<int>(3);
  var b := Fill<bool>(2);
  var c := Fill<seq<char>>(1);
  print a[..], " ", b[..], " ", c[..], "\n";
  var x: int := Default();
  var y := Default<real>();
  var z := Default<Color>();
  var s := Default<set<int>>();
  print x, " ", y, " ", z, " ", s, "\n";
  var t := Twice<bool>();
  var u := Twice<(int, char)>();
  print t, " ", u, "\n";
}
