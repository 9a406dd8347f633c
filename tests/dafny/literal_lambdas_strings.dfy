// Closed lambdas and string literals are literals: a recursive function evaluates on them.
// A function value's result stored in a generic field is the same box however it is reached.
datatype aexp = N(n: int) | V(string) | Plus(aexp, aexp)

function aval(a: aexp, s: string -> int): int
{
  match a
  case N(n) => n
  case V(x) => s(x)
  case Plus(a0, a1) => aval(a0, s) + aval(a1, s)
}

lemma Example()
{
  var y := aval(Plus(N(3), Plus(V("x"), N(4))), x => 2);
  assert y == 9;
  assert aval(Plus(N(3), V("x")), x => 0) == 4;  // error
}

datatype List<T> = Nil | Cons(head: T, tail: List<T>)

function Push(a: aexp, s: string -> int, stk: List<int>): List<int>
{
  match a
  case V(x) => Cons(s(x), stk)
  case _ => Cons(aval(a, s), stk)
}

lemma PushV(x: string, s: string -> int, stk: List<int>)
  ensures Push(V(x), s, stk) == Cons(aval(V(x), s), stk)
{
}
