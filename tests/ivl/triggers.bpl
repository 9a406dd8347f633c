// Quantifier instantiation follows the triggers: an axiom whose trigger does not occur in the
// problem is not used (Boogie's behaviour with Z3's E-matching).
function g(x: int): int;
function h(x: int): int;
axiom (forall x: int :: { h(x) } g(x) > 0);

procedure TriggerMatched(y: int)
{
  var t: int;
  t := h(y);               // mentions h(y): the axiom is instantiated for y
  assert g(y) > 0;
}

procedure TriggerNotMatched(y: int)
{
  assert g(y) > 0;         // error: nothing mentions h(y)
}

function p(x: int, y: int): bool;
function q(x: int): bool;
axiom (forall x: int, y: int :: { p(x, y), q(x) } p(x, y) && q(x) ==> x < y);

procedure MultiTrigger(a: int, b: int)
{
  assume p(a, b);
  assume q(a);
  assert a < b;
}

procedure MultiTriggerIncomplete(a: int, b: int)
{
  assume p(a, b);
  assert q(a) ==> a < b;   // verifies: q(a) occurs here, completing the multi-pattern
  assert a <= b;           // error: q(a) may be false
}

// {:nopats t} keeps the solver from choosing t as a pattern: the axiom below would make the
// context contradictory if it were instantiated through isP(o).
function isP(x: int): bool;
function kp(x: int): int;
function kq(x: int): int;
axiom (forall o: int :: {:nopats isP(o)} isP(o) ==> kp(o) < kq(o));
axiom (forall o: int :: kp(o) == kq(o));

procedure NoPatsRespected(o: int, e: int)
  requires isP(o);
{
  assert e > 20;           // error: the first axiom is not instantiated
}

procedure NoPatsOtherTrigger(o: int, e: int, u: int)
  requires isP(o);
{
  assume kp(o) == u;       // kp(o) is a pattern the solver may use: now anything follows
  assert e > 20;
}
