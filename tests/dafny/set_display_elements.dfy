// Every element of a set display is known to be in it, so set expressions over displays
// evaluate: a difference that differs from another is told apart by the witness element.
lemma A1() { assert 3 in {6, 3, 7}; }
lemma A2() { assert 3 in {6, 3, 7} - ({1, 6} - {3, 2, 5}); }
lemma A3() { assert ({6, 3, 7} - {1, 6}) - {3, 2, 5} != {6, 3, 7} - ({1, 6} - {3, 2, 5}); }
lemma A4() { assert ({6, 3, 7} - {1, 6}) - {3, 2, 5} == {7}; }
lemma Wrong() { assert ({6, 3, 7} - {1, 6}) - {3, 2, 5} != {7}; }  // error
