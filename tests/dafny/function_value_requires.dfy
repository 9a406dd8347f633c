// A named function used as a value carries its precondition: `F.requires(x)` is F's
// precondition, and only a function without one is a total arrow `->`.
predicate Valid(x: int) { x > 0 }

function Dec(y: int): int
  requires Valid(y)
{
  y - 1
}

function Inc(y: int): int { y + 1 }

method CallUnderRequires(a: int) {
  if Dec.requires(a) {
    var b := Dec(a);
    assert Valid(a);
  }
}

method RequiresIsPrecondition(a: int) {
  if Valid(a) {
    assert Dec.requires(a);
  }
  assert Inc.requires(a);
}

method TotalArrow() {
  var g: int -> int := Inc;
  assert g(1) == 2;
}

method NotTotal() {
  var f: int -> int := Dec;  // error: Dec has a precondition
}

method WrongRequires(a: int) {
  assert Dec.requires(a);  // error: a may be non-positive
}
