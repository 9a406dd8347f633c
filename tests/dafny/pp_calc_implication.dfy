// In a calc step `A ==> B` the hint may assume A; in `A <== B` it may assume B. A `==` step's
// hint assumes neither line (the negative cases C and D).
lemma A(x: int) ensures x > 0 ==> x >= 1 {
  calc { x > 0; ==> { assert x > 0; } x >= 1; }
}
lemma B(x: int) ensures x >= 1 <== x > 0 {
  calc { x >= 1; <== { assert x > 0; } x > 0; }
}
lemma C(x: int, y: int) ensures x == y {
  calc { x; == { assert x == y; } y; }
}
lemma D(x: int) ensures (x > 0) == (x >= 1) {
  calc { x > 0; == { assert x > 0; } x >= 1; }
}
lemma E(s: seq<int>)
  requires |s| > 2
  ensures (forall i :: 0 <= i < |s|-1 ==> s[i] == s[i+1]) ==> s[0] == s[2]
{
  calc {
    forall i :: 0 <= i < |s|-1 ==> s[i] == s[i+1];
    ==> { assert s[0] == s[1]; assert s[1] == s[2]; }
    s[0] == s[2];
  }
}
