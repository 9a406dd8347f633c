// {:verify false}: the body of the method or lemma is not verified (as in Dafny); callers
// still use its specification, and other declarations are verified as usual.
lemma {:verify false} Trusted(x: int)
  ensures x * x >= 0
{
  assert false;
}

method{:verify false} Skipped() {
  assert false;
}

method Uses(y: int) {
  Trusted(y);
  assert y * y >= 0;
  assert y * y > 0;  // error
}
