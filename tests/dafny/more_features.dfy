// Map comprehensions, binding if, forall assignments, old@label, havoc of heap locations,
// nested lambdas, multiset update, arrow preconditions, Floor: each proved, one wrong claim each.
method MapComp(m: map<int, int>) returns (r: map<int, int>)
  ensures forall k :: k in m ==> k in r && r[k] == m[k] + 1
{
  r := map k | k in m.Keys :: m[k] + 1;
  assert forall k :: k in r ==> r[k] == m[k];
}

method BindingIf(s: set<int>) returns (x: int)
  ensures x == 0 || x in s
{
  if y :| y in s {
    x := y;
  } else {
    x := 0;
  }
}

method ForallAssign(a: array<int>)
  modifies a
  ensures forall i :: 0 <= i < a.Length ==> a[i] == 2 * old(a[i])
{
  forall i | 0 <= i < a.Length {
    a[i] := 2 * a[i];
  }
}

method Labels(a: array<int>)
  requires a.Length > 1
  modifies a
{
  label Start:
  a[0] := *;
  a[1] := a[1] + 1;
  assert a[1] == old@Start(a[1]) + 1;
  assert a[0] == old@Start(a[0]);
}

method Lambdas(f: int --> int, x: int) returns (y: int)
  requires f.requires(x)
{
  y := f(x);
  var add: int -> int -> int := p => q => p + q;
  assert add(2)(3) == 5;
  var m := multiset{1, 1, 2}[1 := 3];
  assert m[1] == 3 && m[2] == 1;
  var r: real := 2.5;
  assert r.Floor == 2;
  assert add(1)(1) == 3;
}
