// old(...) and fresh(...) inside set comprehensions: the pre-state heap is passed to the
// comprehension's function (Wrong and FreshSetBad must be rejected).
class C {
  var s: set<int>
  method Shift()
    modifies this
    ensures s == set x | x in old(s) :: x + 1
  {
    s := set x | x in s :: x + 1;
  }
  method Wrong()
    modifies this
    ensures s == set x | x in old(s) :: x + 1
  {
    s := set x | x in s :: x + 2;
  }
  method Fresh(a: array<int>) returns (r: set<array<int>>)
    ensures forall b | b in r :: fresh(b)
  {
    var n := new int[1];
    r := {n};
  }
}
method Lam(c: C)
  modifies c
  ensures (set x | x in c.s && x in old(c.s)) == c.s
{
  c.s := {};
}
method FreshSet(s: set<C>) returns (r: set<C>)
  ensures (set c | c in r && fresh(c)) == r
{
  var c := new C;
  r := {c};
}
method FreshSetBad(s: set<C>) returns (r: set<C>)
  ensures (set c | c in r && fresh(c)) == r
{
  r := s;
}
