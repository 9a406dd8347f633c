// ARGS: --resource-limit 100
// A resource limit too small for the proof: reported as out of resource, never verified.
function f(x: int): int;
axiom (forall x: int :: { f(x) } f(x) > x);
procedure P(y: int, a: [int]int)
{
  assume (forall i: int :: a[i] <= a[i+1]);
  assert f(f(f(f(f(y))))) > y + 4;
  assert a[0] <= a[10];
}
