// seq(n, f) for sequences of $E (template: $E the IVL type, $T its tag): n elements, element i
// is f(i). (Requires the Seq.$T instance and the boxes of $E and int.)
function Seq#Create.$T(n: int, f: Func): Seq.$T;
axiom (forall n: int, f: Func :: { Seq#Create.$T(n, f) }
  0 <= n ==> Seq#Length.$T(Seq#Create.$T(n, f)) == n);
axiom (forall n: int, f: Func, i: int :: { Seq#Index.$T(Seq#Create.$T(n, f), i) }
  0 <= i && i < n ==> Seq#Index.$T(Seq#Create.$T(n, f), i) == $Unbox.$T(Apply1(f, $Box.int(i))));
