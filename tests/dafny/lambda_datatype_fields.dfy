// A lambda's datatype parameter has fields of their declared types (here nat) in its body.
datatype IP = ip(a: nat, b: nat)

function Shifted(offset: nat, x: IP): IP {
  var f := (y: IP) => ip(y.a + offset, y.b);
  f(x)
}

function Lowered(x: IP): IP {
  var f := (y: IP) => ip(y.a - 1, y.b);  // error: y.a - 1 may be negative
  f(x)
}
