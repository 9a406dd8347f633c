// calc steps are checked like assert statements, with the assertion fuel (two unfoldings).
datatype List = Nil | Cons(head: int, tail: List)

function Length(xs: List): nat
{
  match xs
  case Nil => 0
  case Cons(_, rest) => 1 + Length(rest)
}

lemma Singleton(x: int, ys: List)
  ensures Length(ys) + Length(Cons(x, Nil)) == Length(ys) + 1
{
  calc {
    Length(ys) + Length(Cons(x, Nil));
    Length(ys) + 1;
  }
}

lemma WrongStep(x: int, ys: List)
{
  calc {
    Length(ys) + Length(Cons(x, Cons(x, Nil)));
    Length(ys) + 1;  // error
  }
}
