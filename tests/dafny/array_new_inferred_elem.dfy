// `new [n]` and `new [] [a, b, c]` without an element type: the element type is inferred
// from the declared type of the target or from the initial elements.
method M() {
  var a: array<nat> := new [] [1, 2, 3];
  assert a[..] == [1, 2, 3];
  var b: array<int> := new [2];
  b[0] := -1;
  assert b.Length == 2;
  var c := new [3] [true, false, true];
  assert c[1] == false;
  assert a[0] == 2;  // error
}
