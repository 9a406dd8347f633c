// A polymorphic quantifier may only be a top-level conjunct of an axiom: instantiating it
// elsewhere (for example in an assertion) would not be sound.
procedure P()
{
  assert (forall<T> x: T :: x == x);
}
