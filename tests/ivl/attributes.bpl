// Attributes: {:verify false} skips an implementation, {:rlimit N} limits it, {:trigger} and
// {:weight} on quantifiers, and unknown attributes are ignored.
function f(x: int): int;
function k(x: int): int;
axiom (forall x: int :: {:trigger k(x)} {:weight 2} f(x) == x + 1);

procedure {:verify false} Skipped()
{
  assert false;              // not verified, not counted
}

procedure TriggerAttribute(y: int)
{
  var t: int;
  t := k(y);                 // k(y) matches the trigger
  assert f(y) == y + 1;
}

procedure TriggerAttributeUnmatched(y: int)
{
  assert f(y) == y + 1;      // error: nothing mentions k(y)
}

procedure {:rlimit 100} Limited(y: int, a: [int]int)
{
  assume (forall i: int :: a[i] <= a[i + 1]);
  assert f(f(f(f(f(y))))) > y + 4;
  assert a[0] <= a[10];
}

procedure {:some_unknown_attribute "x", 1} Plain(x: int)
{
  assert {:my_attribute} x == x;
  assume {:another} x > 0;
  assert {:subsumption 0} x > 0;
  assert x > 1;              // error
}
