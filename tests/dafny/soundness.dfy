// False claims around every encoding device; each method must report exactly one error.
function Fib(n: nat): nat { if n < 2 then n else Fib(n - 1) + Fib(n - 2) }
lemma FibWrong(n: nat) ensures Fib(n) <= n {}                 // induction must not prove it

class Cell { var v: int }
method Frame(c: Cell, d: Cell)
  modifies c
{
  c.v := 1;
  assert d.v == 1;                                          // d may or may not be c
}

method CallHavoc(a: array<int>)
  requires a.Length > 0
  modifies a
{
  var x := a[0];
  Clear(a);
  assert a[0] == x;                                         // Clear may change a
}
method Clear(a: array<int>) modifies a { }

method LoopHavoc(a: array<int>)
  requires a.Length > 0
  modifies a
{
  var i := 0;
  var x := a[0];
  while i < a.Length invariant 0 <= i <= a.Length {
    a[i] := a[i] + 1;
    i := i + 1;
  }
  assert a[0] == x;                                         // the loop changed it
}

function Id<T>(x: T): T { x }
method Boxes() {
  assert Id(3) == 4;                                        // boxing is injective, not trivial
}

datatype D = A | B(n: int)
method Datatypes(d: D) {
  assert d.A?;                                              // d may be a B
}

method Seqs(s: seq<int>) {
  assert s + s == s;                                        // only for the empty sequence
}

method Maps(m: map<int, int>) {
  assert 0 in m;
}

method Quantifiers() {
  assert forall x: int :: x * x > 0;                        // 0 * 0 == 0
}

method Fresh() returns (c: Cell)
  ensures !fresh(c)
{
  c := new Cell;
}

method Old(c: Cell)
  modifies c
  ensures c.v == old(c.v)
{
  c.v := c.v + 1;
}

method Termination(n: int) returns (r: int)
  decreases n
{
  r := 0;
  if n != 0 { r := Termination(n - 1); }                    // n may be negative
}
