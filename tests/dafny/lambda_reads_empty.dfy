// `f.reads(x)` of a `->`/`-->` function value is empty; a lambda whose reads clause denotes
// no object is translated like one without a reads clause.
method Compose(n: int) returns (k: int)
  requires n >= 0
  ensures k == n
{
  var f: int -> int := x => x;
  var i := 0;
  while i < n
    invariant i <= n
    invariant forall u :: f.requires(u)
    invariant forall u :: f.reads(u) == {}
    invariant forall u :: f(u) == u + i
  {
    i := i + 1;
    f := x requires f.requires(x) reads f.reads(x) => f(x) + 1;
  }
  k := f(0);
}

method WrongValue(n: int) returns (k: int)
  requires n > 0
{
  var g: int -> int := x => x;
  var f: int -> int := x reads g.reads(x) => g(x) + 1;
  k := f(0);
  assert k == 0;  // error
}

class C { var v: int }

method ReadsObjects(c: C, s: set<C>) {
  var f: int --> int := x reads s => x;  // error: s may be nonempty (heap-reading lambdas unsupported)
}
