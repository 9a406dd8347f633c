// Sequence displays are injective: different displays are different sequences.
method Different() {
  assert "a" != "b";
  assert [1, 2] != [1, 3];
  assert {"x", "y", "z"} - {"y"} == {"x", "z"};
  assert [0, 0] !in {[0, 2], [1, 2]};
}

// negative twin: must fail
method SameWrong() {
  assert "ab" != "a" + "b";
}
