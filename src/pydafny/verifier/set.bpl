// Finite sets over the IVL type $E (template: $E is the IVL type, $T its tag), axiomatized as
// Dafny does, with membership as a function. Intended model: Set.$T is the set of *finite*
// sets of $E (every operation below maps finite sets to finite sets), so cardinality is sound.
type Set.$T;

function Set#In.$T(s: Set.$T, x: $E): bool;

function Set#Card.$T(s: Set.$T): int;
// A cardinality counts elements.
axiom (forall s: Set.$T :: { Set#Card.$T(s) } 0 <= Set#Card.$T(s));

const Set#Empty.$T: Set.$T;
// The empty set has no element, and only it has cardinality 0.
axiom (forall x: $E :: { Set#In.$T(Set#Empty.$T, x) } !Set#In.$T(Set#Empty.$T, x));
axiom Set#Card.$T(Set#Empty.$T) == 0;
axiom (forall s: Set.$T :: { Set#Card.$T(s) }
  Set#Card.$T(s) == 0 ==> s == Set#Empty.$T);
// A set with positive cardinality has an element (the converse of the above).
axiom (forall s: Set.$T :: { Set#Card.$T(s) }
  Set#Card.$T(s) != 0 ==> (exists x: $E :: Set#In.$T(s, x)));

function Set#UnionOne.$T(s: Set.$T, x: $E): Set.$T;
// s + {x}: the members of s and x.
axiom (forall s: Set.$T, x: $E, o: $E :: { Set#In.$T(Set#UnionOne.$T(s, x), o) }
  Set#In.$T(Set#UnionOne.$T(s, x), o) <==> (o == x || Set#In.$T(s, o)));
axiom (forall s: Set.$T, x: $E :: { Set#UnionOne.$T(s, x) } Set#In.$T(Set#UnionOne.$T(s, x), x));
// A member stays a member when an element is added. Triggered only along chains of additions
// (set displays), so each element of a display is known to be in the whole display.
axiom (forall s: Set.$T, z: $E, x: $E, y: $E ::
  { Set#UnionOne.$T(Set#UnionOne.$T(s, z), x), Set#In.$T(Set#UnionOne.$T(s, z), y) }
  Set#In.$T(Set#UnionOne.$T(s, z), y) ==> Set#In.$T(Set#UnionOne.$T(Set#UnionOne.$T(s, z), x), y));
// Adding a member does not change the count; adding a new element adds one.
axiom (forall s: Set.$T, x: $E :: { Set#Card.$T(Set#UnionOne.$T(s, x)) }
  (Set#In.$T(s, x) ==> Set#Card.$T(Set#UnionOne.$T(s, x)) == Set#Card.$T(s)) &&
  (!Set#In.$T(s, x) ==> Set#Card.$T(Set#UnionOne.$T(s, x)) == Set#Card.$T(s) + 1));

function Set#Union.$T(a: Set.$T, b: Set.$T): Set.$T;
axiom (forall a: Set.$T, b: Set.$T, o: $E :: { Set#In.$T(Set#Union.$T(a, b), o) }
  Set#In.$T(Set#Union.$T(a, b), o) <==> (Set#In.$T(a, o) || Set#In.$T(b, o)));
// Members of a part are members of the union (triggered from the part).
axiom (forall a: Set.$T, b: Set.$T, o: $E :: { Set#Union.$T(a, b), Set#In.$T(a, o) }
  Set#In.$T(a, o) ==> Set#In.$T(Set#Union.$T(a, b), o));
axiom (forall a: Set.$T, b: Set.$T, o: $E :: { Set#Union.$T(a, b), Set#In.$T(b, o) }
  Set#In.$T(b, o) ==> Set#In.$T(Set#Union.$T(a, b), o));

function Set#Intersection.$T(a: Set.$T, b: Set.$T): Set.$T;
axiom (forall a: Set.$T, b: Set.$T, o: $E :: { Set#In.$T(Set#Intersection.$T(a, b), o) }
  Set#In.$T(Set#Intersection.$T(a, b), o) <==> (Set#In.$T(a, o) && Set#In.$T(b, o)));
// Inclusion-exclusion for two finite sets.
axiom (forall a: Set.$T, b: Set.$T :: { Set#Card.$T(Set#Union.$T(a, b)) } { Set#Card.$T(Set#Intersection.$T(a, b)) }
  Set#Card.$T(Set#Union.$T(a, b)) + Set#Card.$T(Set#Intersection.$T(a, b))
    == Set#Card.$T(a) + Set#Card.$T(b));

function Set#Difference.$T(a: Set.$T, b: Set.$T): Set.$T;
axiom (forall a: Set.$T, b: Set.$T, o: $E :: { Set#In.$T(Set#Difference.$T(a, b), o) }
  Set#In.$T(Set#Difference.$T(a, b), o) <==> (Set#In.$T(a, o) && !Set#In.$T(b, o)));
axiom (forall a: Set.$T, b: Set.$T, o: $E :: { Set#Difference.$T(a, b), Set#In.$T(b, o) }
  Set#In.$T(b, o) ==> !Set#In.$T(Set#Difference.$T(a, b), o));
// a - b and a * b split a.
axiom (forall a: Set.$T, b: Set.$T :: { Set#Card.$T(Set#Difference.$T(a, b)) }
  Set#Card.$T(Set#Difference.$T(a, b)) + Set#Card.$T(Set#Intersection.$T(a, b))
    == Set#Card.$T(a));
// a + b is the disjoint union of a - b, b - a and a * b (as in Dafny's prelude).
axiom (forall a: Set.$T, b: Set.$T :: { Set#Card.$T(Set#Difference.$T(a, b)) }
  Set#Card.$T(Set#Difference.$T(a, b)) + Set#Card.$T(Set#Difference.$T(b, a))
    + Set#Card.$T(Set#Intersection.$T(a, b)) == Set#Card.$T(Set#Union.$T(a, b)));

function Set#Subset.$T(a: Set.$T, b: Set.$T): bool;
axiom (forall a: Set.$T, b: Set.$T :: { Set#Subset.$T(a, b) }
  Set#Subset.$T(a, b) <==> (forall o: $E :: { Set#In.$T(a, o) } { Set#In.$T(b, o) }
    Set#In.$T(a, o) ==> Set#In.$T(b, o)));
// A subset has at most as many elements.
axiom (forall a: Set.$T, b: Set.$T :: { Set#Subset.$T(a, b), Set#Card.$T(a) } { Set#Subset.$T(a, b), Set#Card.$T(b) }
  Set#Subset.$T(a, b) ==> Set#Card.$T(a) <= Set#Card.$T(b));

function Set#Equal.$T(a: Set.$T, b: Set.$T): bool;
axiom (forall a: Set.$T, b: Set.$T :: { Set#Equal.$T(a, b) }
  Set#Equal.$T(a, b) <==> (forall o: $E :: { Set#In.$T(a, o) } { Set#In.$T(b, o) }
    Set#In.$T(a, o) <==> Set#In.$T(b, o)));
// Extensionality: sets with the same members are the same set.
axiom (forall a: Set.$T, b: Set.$T :: { Set#Equal.$T(a, b) } Set#Equal.$T(a, b) ==> a == b);

function Set#Disjoint.$T(a: Set.$T, b: Set.$T): bool;
axiom (forall a: Set.$T, b: Set.$T :: { Set#Disjoint.$T(a, b) }
  Set#Disjoint.$T(a, b) <==> (forall o: $E :: { Set#In.$T(a, o) } { Set#In.$T(b, o) }
    !Set#In.$T(a, o) || !Set#In.$T(b, o)));
