// A quantifier whose only triggers are {exp(b, n1), exp(b, n2)} would match the term
// exp(b, n1 + n2) its instances build, without end; as Dafny does, n1 + n2 gets a bound
// variable of its own (t == n1 + n2, trigger {exp(b, t), exp(b, n1), exp(b, n2)}), also in
// the conclusion of a forall statement.
function exp(b: nat, n: nat): nat
{
  if n == 0 then 1 else b * exp(b, n - 1)
}

lemma {:induction false} ExpSum(b: nat, n1: nat, n2: nat)
  ensures exp(b, n1 + n2) == exp(b, n1) * exp(b, n2)
{
  if n1 > 0 {
    ExpSum(b, n1 - 1, n2);
  }
}

lemma ExpSumAuto(b: nat)
  ensures forall n1: nat, n2: nat :: exp(b, n1 + n2) == exp(b, n1) * exp(b, n2)
{
  forall n1: nat, n2: nat
    ensures exp(b, n1 + n2) == exp(b, n1) * exp(b, n2)
  {
    ExpSum(b, n1, n2);
  }
}

method Use(b: nat) {
  ExpSumAuto(b);
  assert exp(b, 3) * exp(b, 4) == exp(b, 7);
}

// negative twin: 2^2 is not 5
method UseWrong() {
  ExpSumAuto(2);
  assert exp(2, 2) == 5;
}
