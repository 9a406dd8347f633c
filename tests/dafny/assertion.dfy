// Assertions: proved ones, a false one, and later errors still found after a failure.
method M(x: int) {
  assert x + 1 > x;
  assert x > 0;
  assert x * 2 == x + x;
  assert x != x;
}
