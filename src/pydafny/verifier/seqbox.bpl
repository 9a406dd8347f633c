// Converting sequences of $E (template: $E the IVL type, $T its tag) to and from sequences of
// boxes, for calls of generic functions and methods. ToBox maps $Box.$T over the list, FromBox
// maps $Unbox.$T; both keep the length. (Requires the Seq.$T, Seq.Box and box instances.)
function Seq#ToBox.$T(s: Seq.$T): Seq.Box;
axiom (forall s: Seq.$T :: { Seq#ToBox.$T(s) }
  Seq#Length.Box(Seq#ToBox.$T(s)) == Seq#Length.$T(s));
axiom (forall s: Seq.$T, i: int :: { Seq#Index.Box(Seq#ToBox.$T(s), i) }
  0 <= i && i < Seq#Length.$T(s) ==>
    Seq#Index.Box(Seq#ToBox.$T(s), i) == $Box.$T(Seq#Index.$T(s, i)));
function Seq#FromBox.$T(s: Seq.Box): Seq.$T;
axiom (forall s: Seq.Box :: { Seq#FromBox.$T(s) }
  Seq#Length.$T(Seq#FromBox.$T(s)) == Seq#Length.Box(s));
axiom (forall s: Seq.Box, i: int :: { Seq#Index.$T(Seq#FromBox.$T(s), i) }
  0 <= i && i < Seq#Length.Box(s) ==>
    Seq#Index.$T(Seq#FromBox.$T(s), i) == $Unbox.$T(Seq#Index.Box(s, i)));
