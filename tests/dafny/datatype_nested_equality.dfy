// Datatype equality compares a field of another datatype by that datatype's extensional
// equality, so collections nested two levels deep are compared element-wise.
datatype State = State(m: map<int, bool>)
datatype Dt = A(x: int) | B(s: multiset<int>, t: State)

lemma Nested(a: Dt, b: Dt)
  requires a.B? && b.B?
  requires a.s == multiset(a.t.m.Keys) && |b.s| == 0
  requires a.t.m == map[] && |b.t.m| == 0
{
  assert a == b;
}

lemma NestedWrong(a: Dt, b: Dt)
  requires a.B? && b.B?
  requires |a.s| == 0 && |b.s| == 0
  requires a.t.m == map[] && |b.t.m| == 1
{
  assert a == b;  // error: b's map has an element
}
