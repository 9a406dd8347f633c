// Frames: writing an array not in the modifies clause.
method Set0(a: array<int>)
  requires a.Length > 0
  modifies a
  ensures a[0] == 7
{
  a[0] := 7;
}

method Sneaky(a: array<int>, b: array<int>)
  requires a.Length > 0 && b.Length > 0
  modifies a
{
  b[0] := 1;
}

method Keep(a: array<int>, b: array<int>)
  requires a.Length > 0 && b.Length > 0 && a != b
  modifies a
{
  var x := b[0];
  Set0(a);
  assert b[0] == x;
}
