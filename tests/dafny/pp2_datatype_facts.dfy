// Fields of datatype values satisfy their types: match-bound variables, and (for method
// and lemma parameters) fields used inside quantifiers. Datatype equality is extensional
// in collection-typed fields.
datatype Step = Transmit(src: nat) | Idle
predicate T(k: nat) { true }

predicate NextStep(step: Step)
{
  match step {
    case Transmit(src) => T(src)
    case Idle => true
  }
}

method UseMatch(step: Step) {
  match step {
    case Transmit(src) => assert src >= 0;
    case Idle =>
  }
}

datatype Consts = Consts(ids: seq<nat>)

lemma NoNegativeId(c: Consts)
  ensures forall i :: 0 <= i < |c.ids| ==> c.ids[i] != -1
{
}

datatype V = V(h: seq<int>)

lemma UpdateSame(v: V, v': V, i: nat, x: int)
  requires i < |v.h|
  requires v' == v.(h := v.h[i := x])
  requires v'.h[i] == v.h[i]
  ensures v' == v
{
}

lemma FieldsEqual(v: V, v': V)
  requires v'.h == v.h
  ensures v' == v
{
}

// negative twins: must fail
lemma UpdateDifferent(v: V, v': V, i: nat, x: int)
  requires i < |v.h|
  requires v' == v.(h := v.h[i := x])
  ensures v' == v
{
}

lemma IdsNotTwo(c: Consts)
  ensures forall i :: 0 <= i < |c.ids| ==> c.ids[i] != 2
{
}

method MatchWrong(step: Step) {
  match step {
    case Transmit(src) => assert src > 0;
    case Idle =>
  }
}
