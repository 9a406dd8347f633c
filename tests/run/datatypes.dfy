// datatypes: constructors, discriminators, destructors, update, match with nested patterns
datatype List<T> = Nil | Cons(head: T, tail: List<T>)
datatype Shape = Circle(r: int) | Rect(w: int, h: int) {
  function Area(): int {
    match this
    case Circle(r) => 3 * r * r
    case Rect(w, h) => w * h
  }
  predicate IsSquare() { this.Rect? && w == h }
}

function Length<T>(l: List<T>): nat {
  match l
  case Nil => 0
  case Cons(_, t) => 1 + Length(t)
}

function FromSeq<T>(s: seq<T>): List<T> {
  if |s| == 0 then Nil else Cons(s[0], FromSeq(s[1..]))
}

function Describe(l: List<int>): string {
  match l
  case Nil => "empty"
  case Cons(0, Nil) => "just zero"
  case Cons(x, Cons(y, _)) => if x < y then "ascending start" else "other start"
  case Cons(_, Nil) => "singleton"
}

method Main() {
  var l := FromSeq([1, 2, 3]);
  print l, "\n";
  print Length(l), " ", l.head, " ", l.tail.head, " ", l.Cons?, " ", l.Nil?, "\n";
  print Describe(Nil), ", ", Describe(Cons(0, Nil)), ", ", Describe(Cons(5, Nil)), ", ",
        Describe(l), ", ", Describe(FromSeq([3, 1])), "\n";
  var c := Circle(2);
  var r := Rect(3, 3);
  print c.Area(), " ", r.Area(), " ", r.IsSquare(), " ", c.IsSquare(), "\n";
  var r2 := r.(h := 5);
  print r2, " ", r2.IsSquare(), " ", r == Rect(3, 3), " ", r == r2, "\n";
  match r2 {
    case Circle(_) => print "circle\n";
    case Rect(w, h) => print "rect ", w, "x", h, "\n";
  }
  var t := (1, (2, 3));
  var (a, (b, cc)) := t;
  print a + b + cc, " ", t.1.0, "\n";
  var s := {Nil, Cons(1, Nil), Nil};
  print |s|, "\n";
}
