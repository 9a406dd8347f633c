// Finite maps from @K@ (tag @KT@) to @V@ (tag @VT@), sort Map.@MT@, axiomatized as Dafny does.
// Intended model: finite partial functions; Elements outside the domain is one fixed default.
// Uses the set instances Set.@KT@ (domain) and Set.@VT@ (values).
type Map.@MT@;

function Map#Domain.@MT@(m: Map.@MT@): Set.@KT@;
function Map#Elements.@MT@(m: Map.@MT@, k: @K@): @V@;

const Map#Empty.@MT@: Map.@MT@;
// The empty map has no key.
axiom Map#Domain.@MT@(Map#Empty.@MT@) == Set#Empty.@KT@;

function Map#Build.@MT@(m: Map.@MT@, k: @K@, v: @V@): Map.@MT@;
// m[k := v]: one more key, k maps to v, the others as before.
axiom (forall m: Map.@MT@, k: @K@, v: @V@ :: { Map#Domain.@MT@(Map#Build.@MT@(m, k, v)) }
  Map#Domain.@MT@(Map#Build.@MT@(m, k, v)) == Set#UnionOne.@KT@(Map#Domain.@MT@(m), k));
axiom (forall m: Map.@MT@, k: @K@, v: @V@, k2: @K@ :: { Map#Elements.@MT@(Map#Build.@MT@(m, k, v), k2) }
  Map#Elements.@MT@(Map#Build.@MT@(m, k, v), k2) ==
    (if k2 == k then v else Map#Elements.@MT@(m, k2)));
axiom (forall m: Map.@MT@, k: @K@, v: @V@ :: { Map#Build.@MT@(m, k, v) }
  Map#Elements.@MT@(Map#Build.@MT@(m, k, v), k) == v &&
  Set#In.@KT@(Map#Domain.@MT@(Map#Build.@MT@(m, k, v)), k));

function Map#Card.@MT@(m: Map.@MT@): int;
// The size of a map is the number of its keys.
axiom (forall m: Map.@MT@ :: { Map#Card.@MT@(m) }
  Map#Card.@MT@(m) == Set#Card.@KT@(Map#Domain.@MT@(m)));

function Map#Equal.@MT@(a: Map.@MT@, b: Map.@MT@): bool;
axiom (forall a: Map.@MT@, b: Map.@MT@ :: { Map#Equal.@MT@(a, b) }
  Map#Equal.@MT@(a, b) <==>
    Set#Equal.@KT@(Map#Domain.@MT@(a), Map#Domain.@MT@(b)) &&
    (forall k: @K@ :: { Map#Elements.@MT@(a, k) } { Map#Elements.@MT@(b, k) }
       Set#In.@KT@(Map#Domain.@MT@(a), k) ==> Map#Elements.@MT@(a, k) == Map#Elements.@MT@(b, k)));
// Extensionality: maps with the same keys and values are the same map.
axiom (forall a: Map.@MT@, b: Map.@MT@ :: { Map#Equal.@MT@(a, b) } Map#Equal.@MT@(a, b) ==> a == b);

function Map#Merge.@MT@(a: Map.@MT@, b: Map.@MT@): Map.@MT@;
// a + b: the keys of both; b's values win.
axiom (forall a: Map.@MT@, b: Map.@MT@ :: { Map#Domain.@MT@(Map#Merge.@MT@(a, b)) }
  Map#Domain.@MT@(Map#Merge.@MT@(a, b)) == Set#Union.@KT@(Map#Domain.@MT@(a), Map#Domain.@MT@(b)));
axiom (forall a: Map.@MT@, b: Map.@MT@, k: @K@ :: { Map#Elements.@MT@(Map#Merge.@MT@(a, b), k) }
  Map#Elements.@MT@(Map#Merge.@MT@(a, b), k) ==
    (if Set#In.@KT@(Map#Domain.@MT@(b), k) then Map#Elements.@MT@(b, k) else Map#Elements.@MT@(a, k)));

function Map#Subtract.@MT@(a: Map.@MT@, s: Set.@KT@): Map.@MT@;
// a - s: the keys of a not in s, same values.
axiom (forall a: Map.@MT@, s: Set.@KT@ :: { Map#Domain.@MT@(Map#Subtract.@MT@(a, s)) }
  Map#Domain.@MT@(Map#Subtract.@MT@(a, s)) == Set#Difference.@KT@(Map#Domain.@MT@(a), s));
axiom (forall a: Map.@MT@, s: Set.@KT@, k: @K@ :: { Map#Elements.@MT@(Map#Subtract.@MT@(a, s), k) }
  Map#Elements.@MT@(Map#Subtract.@MT@(a, s), k) == Map#Elements.@MT@(a, k));

function Map#Values.@MT@(m: Map.@MT@): Set.@VT@;
// m.Values: the values of the keys.
axiom (forall m: Map.@MT@, v: @V@ :: { Set#In.@VT@(Map#Values.@MT@(m), v) }
  Set#In.@VT@(Map#Values.@MT@(m), v) <==>
    (exists k: @K@ :: { Map#Elements.@MT@(m, k) }
       Set#In.@KT@(Map#Domain.@MT@(m), k) && Map#Elements.@MT@(m, k) == v));
