// Members of a multiset<T> or iset<T> are values of T: a collection of ints holding -1
// is not a multiset<nat> / iset<nat> (checked on assignment and at calls, as Dafny does),
// and a parameter of such a type may be relied on.
lemma P(n: multiset<nat>, y: int) requires y in n ensures y >= 0 {}
lemma Q(n: iset<nat>, y: int) requires y in n ensures y >= 0 {}
method Call(s: multiset<int>) requires -1 in s ensures false { P(s, -1); }
method CallI(s: iset<int>) requires -1 in s ensures false { Q(s, -1); }
method Assign() ensures false {
  var s: multiset<int> := multiset{-1};
  var n: multiset<nat> := s;
  P(n, -1);
}
method AssignI() ensures false {
  var s: iset<int> := iset{-1};
  var n: iset<nat> := s;
  Q(n, -1);
}
// fine: the members are nats
method Good(s: multiset<int>) requires forall x :: x in s ==> x >= 2 {
  var n: multiset<nat> := s;
  var i: iset<nat> := iset x | x in s;
}
