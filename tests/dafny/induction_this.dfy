// Automatic induction on `this`: an instance lemma whose specification calls a recursive
// predicate on `this` gets the hypothesis for every other object with a smaller measure.
class Node {
  ghost var Contents: string
  ghost var Repr: set<Node>
  var left: Node?
  var data: string
  var uu: nat

  ghost predicate Valid()
    reads this, Repr
  {
    this in Repr &&
    (left != null ==> left in Repr && left.Repr < Repr && this !in left.Repr &&
                      left.Valid() && Contents == left.Contents && uu != 0) &&
    (left == null ==> Contents == data && data != "" && uu == 0)
  }

  lemma NonEmpty()
    requires Valid()
    ensures |Contents| > 0
    decreases Repr
  {}

  // Dafny's issue 2001: the hypothesis must speak of the other object, not of `this`
  // (uu == 0 holds for the leaves only): rejected
  lemma AboutUU()
    requires Valid()
    ensures uu == 0
    decreases Repr
  {}
}
