// An empty program: asserting false must fail (the prelude is not contradictory).
method M() {
  assert false;
}
