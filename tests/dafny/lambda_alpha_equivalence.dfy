// Lambdas equal up to the names of their bound variables are the same function value.
function Sum(n: nat, f: int -> int): int
{
  if n == 0 then 0 else f(n - 1) + Sum(n - 1, f)
}

lemma Renamed(n: nat, g: (int, int) -> int)
  ensures Sum(n, x => Sum(n, y => g(x, y))) == Sum(n, a => Sum(n, b => g(a, b)))
{
}

lemma Quantified(s: seq<int>)
  ensures (i => forall j :: 0 <= j < |s| ==> s[j] < i) == (k => forall m :: 0 <= m < |s| ==> s[m] < k)
{
}

lemma Different(n: nat, g: (int, int) -> int)
  ensures Sum(n, x => Sum(n, y => g(x, y))) == Sum(n, a => Sum(n, b => g(b, a)))  // error
{
}
