// Uninterpreted functions constrained by quantified axioms with triggers.
function f(x: int): int;
axiom (forall x: int :: { f(x) } f(x) > x);

function fib(n: int): int;
axiom fib(0) == 0 && fib(1) == 1;
axiom (forall n: int :: { fib(n) } n >= 2 ==> fib(n) == fib(n - 1) + fib(n - 2));

procedure UseAxiom(y: int)
{
  assert f(y) > y;
  assert f(f(y)) > y;
  assert f(y) > y + 1;     // error: f(y) == y + 1 is allowed
}

procedure Fib()
{
  assert fib(2) == 1;
  assert fib(3) == 2;
  assert fib(4) == 3;
  assert fib(4) == 4;      // error
}

const N: int;
axiom N > 10;

procedure UseConstant()
{
  assert N > 5;
  assert N > 20;           // error
}

// Axioms attached to a constant or a function with `uses { ... }` are ordinary axioms.
const M: int uses {
  axiom M >= 3;
}
function sq(x: int): int uses {
  axiom (forall x: int :: { sq(x) } sq(x) >= 0);
}

procedure UsesClauses(y: int)
{
  assert M > 2;
  assert sq(y) + M >= 3;
  assert sq(y) > 0;        // error: sq(y) may be 0
}
