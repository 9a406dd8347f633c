// Array algorithms over maps with quantified loop invariants.
procedure Fill(n: int, v: int) returns (a: [int]int)
  requires n >= 0;
  ensures (forall k: int :: 0 <= k && k < n ==> a[k] == v);
{
  var i: int;
  i := 0;
  while (i < n)
    invariant 0 <= i && i <= n;
    invariant (forall k: int :: 0 <= k && k < i ==> a[k] == v);
  {
    a[i] := v;
    i := i + 1;
  }
}

procedure FillWrong(n: int, v: int) returns (a: [int]int)
  requires n >= 0;
  ensures (forall k: int :: 0 <= k && k <= n ==> a[k] == v);
{
  var i: int;
  i := 0;
  while (i < n)
    invariant 0 <= i && i <= n;
    invariant (forall k: int :: 0 <= k && k < i ==> a[k] == v);
  {
    a[i] := v;
    i := i + 1;
  }
}

procedure Find(a: [int]int, n: int, x: int) returns (r: int)
  requires n >= 0;
  ensures r >= 0 ==> r < n && a[r] == x;
  ensures r < 0 ==> (forall k: int :: 0 <= k && k < n ==> a[k] != x);
{
  var i: int;
  i := 0;
  r := -1;
  while (i < n)
    invariant 0 <= i && i <= n;
    invariant (forall k: int :: 0 <= k && k < i ==> a[k] != x);
  {
    if (a[i] == x) { r := i; return; }
    i := i + 1;
  }
}

procedure Max(a: [int]int, n: int) returns (m: int)
  requires n > 0;
  ensures (forall k: int :: 0 <= k && k < n ==> a[k] <= m);
  ensures (exists k: int :: 0 <= k && k < n && a[k] == m);
{
  var i: int;
  m := a[0];
  i := 1;
  while (i < n)
    invariant 1 <= i && i <= n;
    invariant (forall k: int :: 0 <= k && k < i ==> a[k] <= m);
    invariant (exists k: int :: 0 <= k && k < i && a[k] == m);
  {
    if (a[i] > m) { m := a[i]; }
    i := i + 1;
  }
}

procedure MaxWrongInvariant(a: [int]int, n: int) returns (m: int)
  requires n > 0;
{
  var i: int;
  m := a[0];
  i := 1;
  while (i < n)
    invariant 1 <= i && i <= n;
    invariant (forall k: int :: 0 <= k && k <= i ==> a[k] <= m);  // error: not on entry
  {
    if (a[i] > m) { m := a[i]; }
    i := i + 1;
  }
}
