// Possibly infinite sets (Dafny's iset) over the IVL type $E (template: $E is the IVL type, $T
// its tag), sort Set.~$T: the axioms of set.bpl that do not mention cardinality, so the
// functions have the names the finite sets' have (Set#In.~$T, ...) and the same translation
// serves both. Intended model: Set.~$T is the set of all sets of $E (no cardinality).
type Set.~$T;

function Set#In.~$T(s: Set.~$T, x: $E): bool;

const Set#Empty.~$T: Set.~$T;
// The empty set has no element.
axiom (forall x: $E :: { Set#In.~$T(Set#Empty.~$T, x) } !Set#In.~$T(Set#Empty.~$T, x));
function Set#UnionOne.~$T(s: Set.~$T, x: $E): Set.~$T;
// s + {x}: the members of s and x.
axiom (forall s: Set.~$T, x: $E, o: $E :: { Set#In.~$T(Set#UnionOne.~$T(s, x), o) }
  Set#In.~$T(Set#UnionOne.~$T(s, x), o) <==> (o == x || Set#In.~$T(s, o)));
axiom (forall s: Set.~$T, x: $E :: { Set#UnionOne.~$T(s, x) } Set#In.~$T(Set#UnionOne.~$T(s, x), x));
function Set#Union.~$T(a: Set.~$T, b: Set.~$T): Set.~$T;
axiom (forall a: Set.~$T, b: Set.~$T, o: $E :: { Set#In.~$T(Set#Union.~$T(a, b), o) }
  Set#In.~$T(Set#Union.~$T(a, b), o) <==> (Set#In.~$T(a, o) || Set#In.~$T(b, o)));
// Members of a part are members of the union (triggered from the part).
axiom (forall a: Set.~$T, b: Set.~$T, o: $E :: { Set#Union.~$T(a, b), Set#In.~$T(a, o) }
  Set#In.~$T(a, o) ==> Set#In.~$T(Set#Union.~$T(a, b), o));
axiom (forall a: Set.~$T, b: Set.~$T, o: $E :: { Set#Union.~$T(a, b), Set#In.~$T(b, o) }
  Set#In.~$T(b, o) ==> Set#In.~$T(Set#Union.~$T(a, b), o));

function Set#Intersection.~$T(a: Set.~$T, b: Set.~$T): Set.~$T;
axiom (forall a: Set.~$T, b: Set.~$T, o: $E :: { Set#In.~$T(Set#Intersection.~$T(a, b), o) }
  Set#In.~$T(Set#Intersection.~$T(a, b), o) <==> (Set#In.~$T(a, o) && Set#In.~$T(b, o)));
function Set#Difference.~$T(a: Set.~$T, b: Set.~$T): Set.~$T;
axiom (forall a: Set.~$T, b: Set.~$T, o: $E :: { Set#In.~$T(Set#Difference.~$T(a, b), o) }
  Set#In.~$T(Set#Difference.~$T(a, b), o) <==> (Set#In.~$T(a, o) && !Set#In.~$T(b, o)));
axiom (forall a: Set.~$T, b: Set.~$T, o: $E :: { Set#Difference.~$T(a, b), Set#In.~$T(b, o) }
  Set#In.~$T(b, o) ==> !Set#In.~$T(Set#Difference.~$T(a, b), o));
function Set#Subset.~$T(a: Set.~$T, b: Set.~$T): bool;
axiom (forall a: Set.~$T, b: Set.~$T :: { Set#Subset.~$T(a, b) }
  Set#Subset.~$T(a, b) <==> (forall o: $E :: { Set#In.~$T(a, o) } { Set#In.~$T(b, o) }
    Set#In.~$T(a, o) ==> Set#In.~$T(b, o)));
function Set#Equal.~$T(a: Set.~$T, b: Set.~$T): bool;
axiom (forall a: Set.~$T, b: Set.~$T :: { Set#Equal.~$T(a, b) }
  Set#Equal.~$T(a, b) <==> (forall o: $E :: { Set#In.~$T(a, o) } { Set#In.~$T(b, o) }
    Set#In.~$T(a, o) <==> Set#In.~$T(b, o)));
// Extensionality: sets with the same members are the same set.
axiom (forall a: Set.~$T, b: Set.~$T :: { Set#Equal.~$T(a, b) } Set#Equal.~$T(a, b) ==> a == b);

function Set#Disjoint.~$T(a: Set.~$T, b: Set.~$T): bool;
axiom (forall a: Set.~$T, b: Set.~$T :: { Set#Disjoint.~$T(a, b) }
  Set#Disjoint.~$T(a, b) <==> (forall o: $E :: { Set#In.~$T(a, o) } { Set#In.~$T(b, o) }
    !Set#In.~$T(a, o) || !Set#In.~$T(b, o)));
