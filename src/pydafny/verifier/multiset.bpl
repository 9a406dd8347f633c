// Finite multisets over the IVL type $E (template: $E is the IVL type, $T its tag), with the
// multiplicity as a function, axiomatized as Dafny does. Intended model: MultiSet.$T is the
// set of finite bags of $E (all operations below keep bags finite). Uses Seq.$T (the sequence
// instance for the same element type is always instantiated before this one).
type MultiSet.$T;

function MultiSet#Count.$T(m: MultiSet.$T, x: $E): int;
// Multiplicities are natural numbers.
axiom (forall m: MultiSet.$T, x: $E :: { MultiSet#Count.$T(m, x) } 0 <= MultiSet#Count.$T(m, x));

function MultiSet#Card.$T(m: MultiSet.$T): int;
// The size of a bag (sum of multiplicities) is a natural number.
axiom (forall m: MultiSet.$T :: { MultiSet#Card.$T(m) } 0 <= MultiSet#Card.$T(m));

const MultiSet#Empty.$T: MultiSet.$T;
axiom (forall x: $E :: { MultiSet#Count.$T(MultiSet#Empty.$T, x) }
  MultiSet#Count.$T(MultiSet#Empty.$T, x) == 0);
axiom MultiSet#Card.$T(MultiSet#Empty.$T) == 0;
// Only the empty bag has size 0.
axiom (forall m: MultiSet.$T :: { MultiSet#Card.$T(m) }
  MultiSet#Card.$T(m) == 0 ==> m == MultiSet#Empty.$T);
// A bag of positive size has an element.
axiom (forall m: MultiSet.$T :: { MultiSet#Card.$T(m) }
  MultiSet#Card.$T(m) != 0 ==> (exists x: $E :: 0 < MultiSet#Count.$T(m, x)));

function MultiSet#UnionOne.$T(m: MultiSet.$T, x: $E): MultiSet.$T;
// Adding one occurrence of x.
axiom (forall m: MultiSet.$T, x: $E, y: $E :: { MultiSet#Count.$T(MultiSet#UnionOne.$T(m, x), y) }
  MultiSet#Count.$T(MultiSet#UnionOne.$T(m, x), y) ==
    (if x == y then MultiSet#Count.$T(m, y) + 1 else MultiSet#Count.$T(m, y)));
axiom (forall m: MultiSet.$T, x: $E :: { MultiSet#UnionOne.$T(m, x) }
  MultiSet#Count.$T(MultiSet#UnionOne.$T(m, x), x) == MultiSet#Count.$T(m, x) + 1);
// An element of a bag is an element of the bag with x added. Triggered only along chains of
// additions (multiset displays, multisets of sequence displays), so the count of each
// element of a display reaches the whole display.
axiom (forall m: MultiSet.$T, z: $E, x: $E, y: $E ::
  { MultiSet#UnionOne.$T(MultiSet#UnionOne.$T(m, z), x), MultiSet#Count.$T(MultiSet#UnionOne.$T(m, z), y) }
  0 < MultiSet#Count.$T(MultiSet#UnionOne.$T(m, z), y) ==>
    0 < MultiSet#Count.$T(MultiSet#UnionOne.$T(MultiSet#UnionOne.$T(m, z), x), y));
axiom (forall m: MultiSet.$T, x: $E :: { MultiSet#Card.$T(MultiSet#UnionOne.$T(m, x)) }
  MultiSet#Card.$T(MultiSet#UnionOne.$T(m, x)) == MultiSet#Card.$T(m) + 1);

function MultiSet#Union.$T(a: MultiSet.$T, b: MultiSet.$T): MultiSet.$T;
// Bag sum: multiplicities add.
axiom (forall a: MultiSet.$T, b: MultiSet.$T, x: $E :: { MultiSet#Count.$T(MultiSet#Union.$T(a, b), x) }
  MultiSet#Count.$T(MultiSet#Union.$T(a, b), x) == MultiSet#Count.$T(a, x) + MultiSet#Count.$T(b, x));
axiom (forall a: MultiSet.$T, b: MultiSet.$T :: { MultiSet#Card.$T(MultiSet#Union.$T(a, b)) }
  MultiSet#Card.$T(MultiSet#Union.$T(a, b)) == MultiSet#Card.$T(a) + MultiSet#Card.$T(b));

function MultiSet#Intersection.$T(a: MultiSet.$T, b: MultiSet.$T): MultiSet.$T;
// Bag intersection: the smaller multiplicity.
axiom (forall a: MultiSet.$T, b: MultiSet.$T, x: $E :: { MultiSet#Count.$T(MultiSet#Intersection.$T(a, b), x) }
  MultiSet#Count.$T(MultiSet#Intersection.$T(a, b), x) ==
    (if MultiSet#Count.$T(a, x) <= MultiSet#Count.$T(b, x) then MultiSet#Count.$T(a, x)
     else MultiSet#Count.$T(b, x)));

function MultiSet#Difference.$T(a: MultiSet.$T, b: MultiSet.$T): MultiSet.$T;
// Bag difference: multiplicities subtract, down to 0.
axiom (forall a: MultiSet.$T, b: MultiSet.$T, x: $E :: { MultiSet#Count.$T(MultiSet#Difference.$T(a, b), x) }
  MultiSet#Count.$T(MultiSet#Difference.$T(a, b), x) ==
    (if MultiSet#Count.$T(b, x) <= MultiSet#Count.$T(a, x)
     then MultiSet#Count.$T(a, x) - MultiSet#Count.$T(b, x) else 0));
// a - b and a * b split a.
axiom (forall a: MultiSet.$T, b: MultiSet.$T :: { MultiSet#Card.$T(MultiSet#Difference.$T(a, b)) }
  MultiSet#Card.$T(MultiSet#Difference.$T(a, b)) + MultiSet#Card.$T(MultiSet#Intersection.$T(a, b))
    == MultiSet#Card.$T(a));

function MultiSet#Subset.$T(a: MultiSet.$T, b: MultiSet.$T): bool;
axiom (forall a: MultiSet.$T, b: MultiSet.$T :: { MultiSet#Subset.$T(a, b) }
  MultiSet#Subset.$T(a, b) <==> (forall x: $E :: { MultiSet#Count.$T(a, x) } { MultiSet#Count.$T(b, x) }
    MultiSet#Count.$T(a, x) <= MultiSet#Count.$T(b, x)));

function MultiSet#Equal.$T(a: MultiSet.$T, b: MultiSet.$T): bool;
axiom (forall a: MultiSet.$T, b: MultiSet.$T :: { MultiSet#Equal.$T(a, b) }
  MultiSet#Equal.$T(a, b) <==> (forall x: $E :: { MultiSet#Count.$T(a, x) } { MultiSet#Count.$T(b, x) }
    MultiSet#Count.$T(a, x) == MultiSet#Count.$T(b, x)));
// Extensionality: bags with the same multiplicities are the same bag.
axiom (forall a: MultiSet.$T, b: MultiSet.$T :: { MultiSet#Equal.$T(a, b) }
  MultiSet#Equal.$T(a, b) ==> a == b);

function MultiSet#Disjoint.$T(a: MultiSet.$T, b: MultiSet.$T): bool;
axiom (forall a: MultiSet.$T, b: MultiSet.$T :: { MultiSet#Disjoint.$T(a, b) }
  MultiSet#Disjoint.$T(a, b) <==> (forall x: $E :: { MultiSet#Count.$T(a, x) } { MultiSet#Count.$T(b, x) }
    MultiSet#Count.$T(a, x) == 0 || MultiSet#Count.$T(b, x) == 0));

function MultiSet#FromSeq.$T(s: Seq.$T): MultiSet.$T;
// multiset(s) has one occurrence per position of s.
axiom (forall s: Seq.$T :: { MultiSet#Card.$T(MultiSet#FromSeq.$T(s)) } { MultiSet#FromSeq.$T(s) }
  MultiSet#Card.$T(MultiSet#FromSeq.$T(s)) == Seq#Length.$T(s));
axiom MultiSet#FromSeq.$T(Seq#Empty.$T) == MultiSet#Empty.$T;
axiom (forall s: Seq.$T, v: $E :: { MultiSet#FromSeq.$T(Seq#Build.$T(s, v)) }
  MultiSet#FromSeq.$T(Seq#Build.$T(s, v)) == MultiSet#UnionOne.$T(MultiSet#FromSeq.$T(s), v));
axiom (forall a: Seq.$T, b: Seq.$T :: { MultiSet#FromSeq.$T(Seq#Append.$T(a, b)) }
  MultiSet#FromSeq.$T(Seq#Append.$T(a, b)) ==
    MultiSet#Union.$T(MultiSet#FromSeq.$T(a), MultiSet#FromSeq.$T(b)));
// A list of length 1 holds its one element once.
axiom (forall s: Seq.$T :: { MultiSet#FromSeq.$T(s) }
  Seq#Length.$T(s) == 1 ==>
    MultiSet#FromSeq.$T(s) == MultiSet#UnionOne.$T(MultiSet#Empty.$T, Seq#Index.$T(s, 0)));
// x occurs in multiset(s) iff x is an element of s.
axiom (forall s: Seq.$T, x: $E :: { MultiSet#Count.$T(MultiSet#FromSeq.$T(s), x) }
  Seq#Contains.$T(s, x) <==> 0 < MultiSet#Count.$T(MultiSet#FromSeq.$T(s), x));
// Replacing element i by v removes one occurrence of s[i] and adds one of v.
axiom (forall s: Seq.$T, i: int, v: $E, x: $E ::
  { MultiSet#Count.$T(MultiSet#FromSeq.$T(Seq#Update.$T(s, i, v)), x) }
  0 <= i && i < Seq#Length.$T(s) ==>
    MultiSet#Count.$T(MultiSet#FromSeq.$T(Seq#Update.$T(s, i, v)), x) ==
    MultiSet#Count.$T(MultiSet#Union.$T(MultiSet#Difference.$T(MultiSet#FromSeq.$T(s),
        MultiSet#UnionOne.$T(MultiSet#Empty.$T, Seq#Index.$T(s, i))),
        MultiSet#UnionOne.$T(MultiSet#Empty.$T, v)), x));
// s is s[..n] + s[n..].
axiom (forall s: Seq.$T, n: int :: { MultiSet#FromSeq.$T(Seq#Take.$T(s, n)) }
  0 <= n && n <= Seq#Length.$T(s) ==>
    MultiSet#FromSeq.$T(s) == MultiSet#Union.$T(MultiSet#FromSeq.$T(Seq#Take.$T(s, n)),
                                                MultiSet#FromSeq.$T(Seq#Drop.$T(s, n))));

function MultiSet#Set.$T(m: MultiSet.$T, x: $E, n: int): MultiSet.$T;
// m[x := n] for n >= 0: x occurs n times, the others as in m.
axiom (forall m: MultiSet.$T, x: $E, n: int, y: $E :: { MultiSet#Count.$T(MultiSet#Set.$T(m, x, n), y) }
  0 <= n ==> MultiSet#Count.$T(MultiSet#Set.$T(m, x, n), y) ==
    (if y == x then n else MultiSet#Count.$T(m, y)));
axiom (forall m: MultiSet.$T, x: $E, n: int :: { MultiSet#Set.$T(m, x, n) }
  0 <= n ==> MultiSet#Count.$T(MultiSet#Set.$T(m, x, n), x) == n);

function MultiSet#FromSet.$T(s: Set.$T): MultiSet.$T;
// multiset(s) of a set: each member once.
axiom (forall s: Set.$T, x: $E :: { MultiSet#Count.$T(MultiSet#FromSet.$T(s), x) }
  MultiSet#Count.$T(MultiSet#FromSet.$T(s), x) == (if Set#In.$T(s, x) then 1 else 0));
axiom (forall s: Set.$T :: { MultiSet#Card.$T(MultiSet#FromSet.$T(s)) }
  MultiSet#Card.$T(MultiSet#FromSet.$T(s)) == Set#Card.$T(s));
