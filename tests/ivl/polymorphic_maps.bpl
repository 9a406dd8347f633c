// A heap as a polymorphic map <a>[Ref, Field a]a (the Boogie encoding of object fields).
type Ref;
type Field _;
const null: Ref;
const unique val: Field int;
const unique next: Field Ref;
const unique flag: Field bool;
var Heap: <a>[Ref, Field a]a;

procedure SetVal(o: Ref, v: int)
  modifies Heap;
  ensures Heap[o, val] == v;
  ensures Heap[o, next] == old(Heap)[o, next];
  ensures (forall p: Ref :: p != o ==> Heap[p, val] == old(Heap)[p, val]);
{
  Heap[o, val] := v;
}

procedure SetValWrong(o: Ref, v: int)
  modifies Heap;
  ensures (forall p: Ref :: Heap[p, val] == old(Heap)[p, val]);
{
  Heap[o, val] := v;
}

procedure Client(o: Ref, q: Ref)
  modifies Heap;
{
  Heap[q, flag] := true;
  call SetVal(o, 5);
  assert Heap[o, val] == 5;
  assert Heap[q, flag];     // error: SetVal's postconditions do not mention flag
}

procedure MixedFields(o: Ref)
  modifies Heap;
{
  Heap[o, val] := 1;
  Heap[o, next] := null;
  Heap[o, flag] := false;
  assert Heap[o, val] == 1;
  assert Heap[o, next] == null;
  assert !Heap[o, flag];
  assert Heap[o, val] == 2;  // error
}
