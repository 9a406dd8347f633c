// Tuples, lambdas, seq constructors, lemmas proved by automatic induction, let-such-that.
function Sum(n: nat): nat { if n == 0 then 0 else n + Sum(n - 1) }

lemma SumFormula(n: nat)
  ensures 2 * Sum(n) == n * (n + 1)
{}

lemma NotByInduction(n: nat)
  ensures Sum(n) == n
{}

function Pick(s: set<int>): int
  requires s != {}
{
  var x :| x in s; x
}

method Tuples(x: int) {
  var t := (x, true);
  var (a, b) := t;
  assert a == x && b;
  assert t.1 == false;
}

method Lambdas(k: int) {
  var f: int -> int := y => y + k;
  assert f(1) == k + 1;
  var s := seq(4, i => i * i);
  assert s[3] == 9;
  assert Pick({k}) == k;
  assert Pick({1, 2}) == 1;
}
