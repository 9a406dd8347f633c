// Values of map<K, V> satisfy the constraints of K and V: reading m[k] of a map<int, nat>
// gives a nat, and storing a map needs every value (and key) to fit.
method M(m0: map<int, nat>, k: int) returns (r: map<int, nat>)
{
  var m: map<int, nat> := map[];
  m := m[3 := 4];
  m := m0[k := 7];
  m := map[1 := 2, 5 := 6];
  m := map i | 0 <= i < 10 :: i * i;
  r := m;
}
method Bad(m0: map<int, int>) returns (r: map<int, nat>)
{
  r := m0;
}
method Bad2(m0: map<int, nat>) returns (r: map<int, nat>)
{
  r := m0[2 := -1];
}
function Get(env: map<string, nat>, s: string): nat
{
  if s in env then env[s] else 0
}
