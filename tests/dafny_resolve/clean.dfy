// A program with no errors: the command prints nothing and exits with 0.
datatype List<T> = Nil | Cons(head: T, tail: List<T>)

function Length<T>(l: List<T>): nat {
  match l
  case Nil => 0
  case Cons(_, t) => 1 + Length(t)
}

method Sum(a: array<int>) returns (s: int)
  requires a.Length > 0
{
  s := 0;
  var i := 0;
  while i < a.Length
    invariant 0 <= i <= a.Length
  {
    s := s + a[i];
    i := i + 1;
  }
  var m := map[1 := true];
  var ks := m.Keys;
  var q := [1, 2, 3][1..];
  assert |q| == 2;
  var l := Cons(1, Nil);
  assert l.Cons? && l.head == 1 && Length(l) == 1;
}
