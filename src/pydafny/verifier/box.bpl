// Boxes for values of IVL type $E (template: $E is the IVL type, $T its tag).
function $Box.$T(x: $E): Box;
function $Unbox.$T(b: Box): $E;
// Boxing is injective: unboxing a box made from x gives back x.
axiom (forall x: $E :: { $Box.$T(x) } $Unbox.$T($Box.$T(x)) == x);
