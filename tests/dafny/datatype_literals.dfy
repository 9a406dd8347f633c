// Recursive functions evaluate on datatype values built from literals (also through a
// variable holding one: a constructor applied to literals is a literal).
datatype Unary = Zero | Suc(pred: Unary)
function UnaryToNat(x: Unary): nat {
  match x
  case Zero => 0
  case Suc(x') => 1 + UnaryToNat(x')
}
datatype List<T> = Nil | Cons(head: T, tail: List<T>)
function Sum(xs: List<int>): int {
  if xs.Nil? then 0 else xs.head + Sum(xs.tail)
}
method Main() {
  var U3 := Suc(Suc(Suc(Zero)));
  assert UnaryToNat(U3) == 3;
  var U7 := Suc(Suc(Suc(Suc(U3))));
  assert UnaryToNat(U7) == 7;
  assert Sum(Cons(1, Cons(2, Cons(3, Cons(4, Nil))))) == 10;
  assert UnaryToNat(U7) == 6;  // error
}
