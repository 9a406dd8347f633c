// A datatype value moving between instantiations (Option<int> to Option<nat>) is checked:
// every field of a type-argument type must satisfy the target argument's constraint, at
// any depth (List<int> to List<nat> checks the whole list).
datatype Option<T> = None | Some(value: T)
datatype List<T> = Nil | Cons(head: T, tail: List<T>)

lemma P(o: Option<nat>) requires o.Some? ensures o.value >= 0 {}

method ViaCall() ensures false {
  var o: Option<int> := Some(-1);
  P(o);                                   // error: Some(-1) is not an Option<nat>
}

method ViaAssignment() ensures false {
  var o: Option<int> := Some(-1);
  var p: Option<nat> := o;                // error
  P(p);
}

method Deep() {
  var l: List<int> := Cons(1, Cons(-1, Nil));
  var m: List<nat> := l;                  // error: the second element is negative
}

method Fine(l: List<nat>, k: int) requires k >= 0 {
  var a: List<int> := Cons(k, Nil);
  var b: List<nat> := a;                  // fine: k >= 0
  if l.Cons? {
    var t: List<nat> := l.tail;           // fine: the tail of a List<nat>
    assert t.Cons? ==> t.head >= 0;
  }
  var o: Option<nat> := Some(3);
}
