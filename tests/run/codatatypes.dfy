// codatatypes: constructor arguments are evaluated lazily, so infinite values work
codatatype Stream = Cons(head: int, tail: Stream)
function From(n: int): Stream { Cons(n, From(n + 1)) }
function Take(s: Stream, k: nat): seq<int> { if k == 0 then [] else [s.head] + Take(s.tail, k - 1) }
function Ones(): Stream { Cons(1, Ones()) }
method Main() {
  var s := From(5);
  print Take(s, 4), " ", Ones().tail.tail.head, "\n";
  match s { case Cons(h, t) => print h, " ", t.head, "\n"; }
}
