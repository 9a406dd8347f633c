// A body-less lemma of an abstract module, called through a module refining it, speaks of
// the refining module's functions (Dafny copies the lemma into the refinement).
abstract module Interface {
  type T
  function F(): T
  predicate P(x: T)
  lemma FP()
    ensures P(F())
}

module Inconsistent refines Interface {
  predicate P(x: T) { false }
}

module Consistent refines Interface {
  predicate P(x: T) { true }
}

module Chain refines Consistent {
}

module Client {
  import A = Inconsistent
  import B = Consistent
  import C = Chain

  lemma FromAxiom()
    ensures false
  {
    A.FP();  // the refined axiom says false
  }

  lemma Harmless()
    ensures false  // error: Consistent's copy of FP says true
  {
    B.FP();
    C.FP();
  }
}
