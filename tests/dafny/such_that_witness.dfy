// The existence of a `:|` value is proved from a witness written in the predicate itself.
method FromDisplay() {
  var n :| ("R", n) in {("R", 2), ("P", 1)};
  assert n == 2;
}

function Pick(): int {
  var m :| (m, true) in {(5, true)}; m
}

method NoWitness() {
  var n :| ("Q", n) in {("R", 2), ("P", 1)};  // error: no such n
}

method WrongValue() {
  var n :| ("R", n) in {("R", 2), ("P", 1)};
  assert n == 1;  // error
}
