// Finite sequences over the IVL type $E (template: $E is the IVL type, $T its tag), axiomatized
// as Dafny does. Intended model: Seq.$T is the set of finite lists of $E; Index out of range
// gives one fixed default value; that model satisfies every axiom below.
type Seq.$T;

function Seq#Length.$T(s: Seq.$T): int;
// A length counts elements.
axiom (forall s: Seq.$T :: { Seq#Length.$T(s) } 0 <= Seq#Length.$T(s));

const Seq#Empty.$T: Seq.$T;
// The empty list has no element.
axiom Seq#Length.$T(Seq#Empty.$T) == 0;
// Only the empty list has length 0.
axiom (forall s: Seq.$T :: { Seq#Length.$T(s) } Seq#Length.$T(s) == 0 ==> s == Seq#Empty.$T);

function Seq#Index.$T(s: Seq.$T, i: int): $E;

function Seq#Build.$T(s: Seq.$T, v: $E): Seq.$T;
// Build appends one element at the end.
axiom (forall s: Seq.$T, v: $E :: { Seq#Build.$T(s, v) }
  Seq#Length.$T(Seq#Build.$T(s, v)) == 1 + Seq#Length.$T(s));
// The new last element is v; the others (and the out-of-range default) are those of s.
axiom (forall s: Seq.$T, i: int, v: $E :: { Seq#Index.$T(Seq#Build.$T(s, v), i) }
  (i == Seq#Length.$T(s) ==> Seq#Index.$T(Seq#Build.$T(s, v), i) == v) &&
  (i != Seq#Length.$T(s) ==> Seq#Index.$T(Seq#Build.$T(s, v), i) == Seq#Index.$T(s, i)));
// Build is injective: s + [v] determines s and v (its inverses; as Dafny's Seq#Build_inv0/1),
// so different displays are different sequences.
function Seq#Build_inv0.$T(s: Seq.$T): Seq.$T;
function Seq#Build_inv1.$T(s: Seq.$T): $E;
axiom (forall s: Seq.$T, v: $E :: { Seq#Build.$T(s, v) }
  Seq#Build_inv0.$T(Seq#Build.$T(s, v)) == s && Seq#Build_inv1.$T(Seq#Build.$T(s, v)) == v);

function Seq#Append.$T(s0: Seq.$T, s1: Seq.$T): Seq.$T;
// Concatenation adds lengths.
axiom (forall s0: Seq.$T, s1: Seq.$T :: { Seq#Length.$T(Seq#Append.$T(s0, s1)) }
  Seq#Length.$T(Seq#Append.$T(s0, s1)) == Seq#Length.$T(s0) + Seq#Length.$T(s1));
// Elements come from s0 first, then from s1 shifted by |s0| (defaults map to defaults).
axiom (forall s0: Seq.$T, s1: Seq.$T, n: int :: { Seq#Index.$T(Seq#Append.$T(s0, s1), n) }
  (n < Seq#Length.$T(s0) ==> Seq#Index.$T(Seq#Append.$T(s0, s1), n) == Seq#Index.$T(s0, n)) &&
  (Seq#Length.$T(s0) <= n ==>
     Seq#Index.$T(Seq#Append.$T(s0, s1), n) == Seq#Index.$T(s1, n - Seq#Length.$T(s0))));
// The same fact, triggered from an element of s1 (its position in the concatenation). It makes
// a new term, so it is weighted to keep chains of such terms short (as Dafny weights its
// element-to-slice axioms below).
axiom (forall s0: Seq.$T, s1: Seq.$T, m: int :: {:weight 5} { Seq#Index.$T(s1, m), Seq#Append.$T(s0, s1) }
  0 <= m && m < Seq#Length.$T(s1) ==>
    Seq#Index.$T(Seq#Append.$T(s0, s1), m + Seq#Length.$T(s0)) == Seq#Index.$T(s1, m));
// Appending the empty list changes nothing. (Triggered on the empty list itself, as Dafny does:
// a trigger on every concatenation made each one a case split on the lengths of its parts.
// A list known to have length 0 is the empty list by the length axiom above.)
axiom (forall s: Seq.$T :: { Seq#Append.$T(s, Seq#Empty.$T) } Seq#Append.$T(s, Seq#Empty.$T) == s);
axiom (forall s: Seq.$T :: { Seq#Append.$T(Seq#Empty.$T, s) } Seq#Append.$T(Seq#Empty.$T, s) == s);

function Seq#Update.$T(s: Seq.$T, i: int, v: $E): Seq.$T;
// s[i := v] for an index in range keeps the length and replaces element i.
axiom (forall s: Seq.$T, i: int, v: $E :: { Seq#Length.$T(Seq#Update.$T(s, i, v)) }
  0 <= i && i < Seq#Length.$T(s) ==> Seq#Length.$T(Seq#Update.$T(s, i, v)) == Seq#Length.$T(s));
axiom (forall s: Seq.$T, i: int, v: $E, n: int :: { Seq#Index.$T(Seq#Update.$T(s, i, v), n) }
  0 <= n && n < Seq#Length.$T(s) ==>
    (i == n ==> Seq#Index.$T(Seq#Update.$T(s, i, v), n) == v) &&
    (i != n ==> Seq#Index.$T(Seq#Update.$T(s, i, v), n) == Seq#Index.$T(s, n)));

function Seq#Take.$T(s: Seq.$T, n: int): Seq.$T;
// s[..n] for 0 <= n <= |s| has the first n elements of s.
axiom (forall s: Seq.$T, n: int :: { Seq#Length.$T(Seq#Take.$T(s, n)) }
  0 <= n && n <= Seq#Length.$T(s) ==> Seq#Length.$T(Seq#Take.$T(s, n)) == n);
axiom (forall s: Seq.$T, n: int, j: int :: { Seq#Index.$T(Seq#Take.$T(s, n), j) }
  0 <= j && j < n && j < Seq#Length.$T(s) ==>
    Seq#Index.$T(Seq#Take.$T(s, n), j) == Seq#Index.$T(s, j));
// The same fact triggered from an element of s: it makes a new term (the element in the
// prefix), so it is weighted (as in Dafny) to keep chains of such terms short.
axiom (forall s: Seq.$T, n: int, j: int :: {:weight 5} { Seq#Index.$T(s, j), Seq#Take.$T(s, n) }
  0 <= j && j < n && j < Seq#Length.$T(s) ==>
    Seq#Index.$T(Seq#Take.$T(s, n), j) == Seq#Index.$T(s, j));
// Taking everything gives s.
axiom (forall s: Seq.$T, n: int :: { Seq#Take.$T(s, n) }
  n == Seq#Length.$T(s) ==> Seq#Take.$T(s, n) == s);

function Seq#Drop.$T(s: Seq.$T, n: int): Seq.$T;
// s[n..] for 0 <= n <= |s| has the elements of s from n on.
axiom (forall s: Seq.$T, n: int :: { Seq#Length.$T(Seq#Drop.$T(s, n)) }
  0 <= n && n <= Seq#Length.$T(s) ==> Seq#Length.$T(Seq#Drop.$T(s, n)) == Seq#Length.$T(s) - n);
axiom (forall s: Seq.$T, n: int, j: int :: { Seq#Index.$T(Seq#Drop.$T(s, n), j) }
  0 <= n && 0 <= j && j < Seq#Length.$T(s) - n ==>
    Seq#Index.$T(Seq#Drop.$T(s, n), j) == Seq#Index.$T(s, j + n));
// The same fact triggered from an element of s (a new term: weighted, see above).
axiom (forall s: Seq.$T, n: int, k: int :: {:weight 5} { Seq#Index.$T(s, k), Seq#Drop.$T(s, n) }
  0 <= n && n <= k && k < Seq#Length.$T(s) ==>
    Seq#Index.$T(Seq#Drop.$T(s, n), k - n) == Seq#Index.$T(s, k));
// Dropping nothing gives s.
axiom (forall s: Seq.$T, n: int :: { Seq#Drop.$T(s, n) } n == 0 ==> Seq#Drop.$T(s, n) == s);

// Splitting a concatenation at the length of its first part gives back the two parts
// (true of lists: the first |s0| elements of s0 ++ s1 are s0, the rest is s1).
axiom (forall s0: Seq.$T, s1: Seq.$T :: { Seq#Append.$T(s0, s1) }
  Seq#Take.$T(Seq#Append.$T(s0, s1), Seq#Length.$T(s0)) == s0 &&
  Seq#Drop.$T(Seq#Append.$T(s0, s1), Seq#Length.$T(s0)) == s1);
// Dropping a prefix of s commutes with appending one element at the end (0 <= n <= |s|: the
// elements after position n of s ++ [v] are those of s after n, then v).
axiom (forall s: Seq.$T, v: $E, n: int :: { Seq#Drop.$T(Seq#Build.$T(s, v), n) }
  0 <= n && n <= Seq#Length.$T(s) ==>
    Seq#Drop.$T(Seq#Build.$T(s, v), n) == Seq#Build.$T(Seq#Drop.$T(s, n), v));
// Taking at most |s| elements of s ++ [v] does not reach v.
axiom (forall s: Seq.$T, v: $E, n: int :: { Seq#Take.$T(Seq#Build.$T(s, v), n) }
  0 <= n && n <= Seq#Length.$T(s) ==>
    Seq#Take.$T(Seq#Build.$T(s, v), n) == Seq#Take.$T(s, n));
// Dropping m then n elements drops m + n (for m, n >= 0 and m + n <= |s|).
axiom (forall s: Seq.$T, m: int, n: int :: { Seq#Drop.$T(Seq#Drop.$T(s, m), n) }
  0 <= m && 0 <= n && m + n <= Seq#Length.$T(s) ==>
    Seq#Drop.$T(Seq#Drop.$T(s, m), n) == Seq#Drop.$T(s, m + n));
// Taking n elements of the first m (0 <= n <= m <= |s|) takes the first n of s.
axiom (forall s: Seq.$T, m: int, n: int :: { Seq#Take.$T(Seq#Take.$T(s, m), n) }
  0 <= n && n <= m && m <= Seq#Length.$T(s) ==>
    Seq#Take.$T(Seq#Take.$T(s, m), n) == Seq#Take.$T(s, n));

function Seq#Equal.$T(s0: Seq.$T, s1: Seq.$T): bool;
// Two lists are equal iff they have the same length and the same elements.
axiom (forall s0: Seq.$T, s1: Seq.$T :: { Seq#Equal.$T(s0, s1) }
  Seq#Equal.$T(s0, s1) <==>
    Seq#Length.$T(s0) == Seq#Length.$T(s1) &&
    (forall j: int :: { Seq#Index.$T(s0, j) } { Seq#Index.$T(s1, j) }
       0 <= j && j < Seq#Length.$T(s0) ==> Seq#Index.$T(s0, j) == Seq#Index.$T(s1, j)));
// Extensionality: such lists are the same list.
axiom (forall s0: Seq.$T, s1: Seq.$T :: { Seq#Equal.$T(s0, s1) }
  Seq#Equal.$T(s0, s1) ==> s0 == s1);

function Seq#Contains.$T(s: Seq.$T, x: $E): bool;
// x is in s iff some in-range index holds x.
axiom (forall s: Seq.$T, x: $E :: { Seq#Contains.$T(s, x) }
  Seq#Contains.$T(s, x) <==>
    (exists i: int :: { Seq#Index.$T(s, i) }
       0 <= i && i < Seq#Length.$T(s) && Seq#Index.$T(s, i) == x));
// Membership in a built list: the new element or one of the old ones.
axiom (forall s: Seq.$T, v: $E, x: $E :: { Seq#Contains.$T(Seq#Build.$T(s, v), x) }
  Seq#Contains.$T(Seq#Build.$T(s, v), x) <==> (v == x || Seq#Contains.$T(s, x)));
// Membership in a concatenation: in one part or the other.
axiom (forall s0: Seq.$T, s1: Seq.$T, x: $E :: { Seq#Contains.$T(Seq#Append.$T(s0, s1), x) }
  Seq#Contains.$T(Seq#Append.$T(s0, s1), x) <==>
    (Seq#Contains.$T(s0, x) || Seq#Contains.$T(s1, x)));

function Seq#FromArray.$T(row: [int]$E, n: int): Seq.$T;
// a[..] of an array with n elements whose contents are `row`: n elements, element i is row[i].
axiom (forall row: [int]$E, n: int :: { Seq#Length.$T(Seq#FromArray.$T(row, n)) }
  0 <= n ==> Seq#Length.$T(Seq#FromArray.$T(row, n)) == n);
axiom (forall row: [int]$E, n: int, i: int ::
  { Seq#Index.$T(Seq#FromArray.$T(row, n), i) } { row[i], Seq#FromArray.$T(row, n) }
  0 <= i && i < n ==> Seq#Index.$T(Seq#FromArray.$T(row, n), i) == row[i]);

// Taking or dropping a prefix of s[i := v]: the update lands in the taken part (i < n) or in
// the dropped part (n <= i), shifted by n in the rest (0 <= n <= |s|, i in range).
axiom (forall s: Seq.$T, i: int, v: $E, n: int :: { Seq#Take.$T(Seq#Update.$T(s, i, v), n) }
  0 <= i && i < n && n <= Seq#Length.$T(s) ==>
    Seq#Take.$T(Seq#Update.$T(s, i, v), n) == Seq#Update.$T(Seq#Take.$T(s, n), i, v));
axiom (forall s: Seq.$T, i: int, v: $E, n: int :: { Seq#Take.$T(Seq#Update.$T(s, i, v), n) }
  0 <= n && n <= i && i < Seq#Length.$T(s) ==>
    Seq#Take.$T(Seq#Update.$T(s, i, v), n) == Seq#Take.$T(s, n));
axiom (forall s: Seq.$T, i: int, v: $E, n: int :: { Seq#Drop.$T(Seq#Update.$T(s, i, v), n) }
  0 <= n && n <= i && i < Seq#Length.$T(s) ==>
    Seq#Drop.$T(Seq#Update.$T(s, i, v), n) == Seq#Update.$T(Seq#Drop.$T(s, n), i - n, v));
axiom (forall s: Seq.$T, i: int, v: $E, n: int :: { Seq#Drop.$T(Seq#Update.$T(s, i, v), n) }
  0 <= i && i < n && n <= Seq#Length.$T(s) ==>
    Seq#Drop.$T(Seq#Update.$T(s, i, v), n) == Seq#Drop.$T(s, n));
// Taking nothing gives the empty list.
axiom (forall s: Seq.$T, n: int :: { Seq#Take.$T(s, n) } n == 0 ==> Seq#Take.$T(s, n) == Seq#Empty.$T);
// Of two prefixes of an array's elements one longer than the other, the longer one is the
// shorter one with element k0 appended (for 0 <= k0 < k1 = k0 + 1 <= n). Triggered only when
// both prefixes are mentioned, as Dafny does, so that it cannot unroll prefixes forever.
axiom (forall row: [int]$E, n: int, k0: int, k1: int ::
  { Seq#Take.$T(Seq#FromArray.$T(row, n), k0), Seq#Take.$T(Seq#FromArray.$T(row, n), k1) }
  k0 + 1 == k1 && 0 <= k0 && k1 <= n ==>
    Seq#Take.$T(Seq#FromArray.$T(row, n), k1) ==
      Seq#Build.$T(Seq#Take.$T(Seq#FromArray.$T(row, n), k0), row[k0]));

// An array's elements after one element is updated: the old elements updated at that index
// (Dafny's FromArray-of-updated-heap axiom; row[i := v] is the updated array's row). True:
// both sides have length n and agree at every index (Seq#Update's axioms, extensionality).
axiom (forall row: [int]$E, n: int, i: int, v: $E ::
  { Seq#FromArray.$T(row[i := v], n) }
  0 <= i && i < n ==>
    Seq#FromArray.$T(row[i := v], n) == Seq#Update.$T(Seq#FromArray.$T(row, n), i, v));
