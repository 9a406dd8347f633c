// `{:induction a}` inducts on a only (x and b stay fixed), so the hypothesis is triggered
// by power(x, a'); without a recursive-call argument no parameter qualifies and Dafny applies
// no induction at all.
function power(x: real, n: nat): real
{
  if n == 0 then 1.0 else x * power(x, n - 1)
}

lemma {:induction a} ProductOfPowers(x: real, a: nat, b: nat)
  ensures power(x, a) * power(x, b) == power(x, a + b)
{
}

ghost predicate Q(n: int)

lemma {:axiom} QStep(n: int)
  requires Q(n)
  ensures Q(n + 1)

// negative twin: Q is not a recursive function, so there is no induction hypothesis Q(n - 1)
lemma AllQ(n: nat)
  requires Q(0)
  ensures Q(n)
{
  if n > 0 {
    QStep(n - 1);
  }
}
