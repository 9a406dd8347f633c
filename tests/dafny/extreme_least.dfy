// Least predicates and least lemmas: the prefix lemma gets the least predicates of its
// precondition at depth _k; mutually recursive least predicates share prefix predicates.
least predicate Even(x: nat) { x == 0 || (x >= 2 && Even(x - 2)) }

least lemma EvenNotOne(x: nat)
  requires Even(x)
  ensures x != 1
{
  if x >= 2 && Even(x - 2) { EvenNotOne(x - 2); }
}

least lemma EvenWrong(x: nat)  // error: Even(0) holds
  requires Even(x)
  ensures x != 0
{
  if x >= 2 && Even(x - 2) { EvenWrong(x - 2); }
}

least predicate A(x: int) { x == 0 || B(x - 1) }
least predicate B(x: int) { A(x - 1) }

least lemma ANonNeg(x: int) requires A(x) ensures x >= 0 && x % 2 == 0 {
  if B(x - 1) { BNonNeg(x - 1); }
}
least lemma BNonNeg(x: int) requires B(x) ensures x >= 1 && x % 2 == 1 {
  ANonNeg(x - 1);
}

lemma Two() ensures Even(2) {}
lemma Three() ensures Even(3) {}  // error
// a least predicate that never holds: its least fixed point is empty
least predicate Never(x: int) { Never(x) }
lemma NeverHolds(x: int) requires Never(x) ensures false { NeverLemma(x); }
least lemma NeverLemma(x: int) requires Never(x) ensures false { NeverLemma(x); }
lemma NeverWrong(x: int) ensures Never(x) {}  // error
