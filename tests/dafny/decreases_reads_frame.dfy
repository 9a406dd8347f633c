// A function without a decreases clause but with a reads clause has Dafny's default measure:
// its reads frame as a set of objects, then its parameters. A recursive call on a part of the
// structure whose frame is a proper subset terminates.
class Node {
  var next: Node?
  ghost var Repr: set<object>

  ghost predicate Valid()
    reads this, Repr
  {
    this in Repr &&
    (next != null ==> next in Repr && next.Repr <= Repr && this !in next.Repr && next.Valid())
  }

  // the frame of the call need not shrink (next.Repr is not known to be within Repr): rejected
  ghost predicate Bad()
    reads this, Repr
  {
    next != null ==> next in Repr && next.Bad()
  }
}
