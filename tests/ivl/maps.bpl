// Maps as arrays: select, update (m[i] := v and m[i := v]), multi-dimensional and nested maps.
var a: [int]int;

procedure Update(i: int, v: int)
  modifies a;
  ensures a[i] == v;
  ensures (forall j: int :: j != i ==> a[j] == old(a)[j]);
{
  a[i] := v;
}

procedure UpdateWrong(i: int, v: int)
  modifies a;
  ensures (forall j: int :: a[j] == old(a)[j]);
{
  a[i] := v;
}

procedure StoreExpression(m: [int]bool, k: int) returns (r: [int]bool)
  ensures r[k];
  ensures r[k + 1] == m[k + 1];
{
  r := m[k := true];
}

procedure TwoDimensional(m: [int, int]int) returns (r: [int, int]int)
  ensures r[1, 2] == 3;
  ensures r[2, 1] == m[2, 1];
{
  r := m;
  r[1, 2] := 3;
}

procedure Nested(m: [int][int]int) returns (r: [int][int]int)
  ensures r[1][2] == 3;
  ensures r[1][5] == m[1][5];
  ensures r[0] == m[0];
{
  r := m;
  r[1][2] := 3;
}

procedure NestedWrong(m: [int][int]int) returns (r: [int][int]int)
  ensures r[1] == m[1];
{
  r := m;
  r[1][2] := 3;
}

procedure Aliasing(m: [int]int, i: int, j: int) returns (r: [int]int)
  ensures r[j] == 2;
{
  r := m;
  r[i] := 1;
  r[j] := 2;
}

procedure AliasingWrong(m: [int]int, i: int, j: int) returns (r: [int]int)
  ensures r[i] == 1;
{
  r := m;
  r[i] := 1;
  r[j] := 2;
}

procedure BoolIndexed(m: [bool]int) returns (r: [bool]int)
  ensures r[true] != r[false];
{
  r := m[true := 0][false := 1];
}

// As in Boogie, maps are not extensional: equal at every index does not make them equal.
procedure Pointwise(m: [int]bool)
  requires m[1] && !m[2];
{
  assert (forall i: int :: m[1 := true][i] == m[2 := false][i]);
}

procedure NoExtensionality(m: [int]bool)
  requires m[1] && !m[2];
{
  assert m[1 := true] == m[2 := false];   // error: no extensionality
}
