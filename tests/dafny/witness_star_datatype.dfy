// A datatype each of whose constructors carries a value of a 'witness *' type may be empty
// too: reading the field assumes the field type's constraint, so an uninitialized variable,
// out-parameter, array element or field of the datatype would prove anything (unsupported).
type Star = x: int | false witness *
datatype D = D(e: Star)
datatype G<T> = G(t: T)
datatype L = Nil | Cons(s: Star, tail: L)        // Nil: inhabited
datatype R = Stop(s: Star) | More(r: R)           // every value ends in a Stop: empty
codatatype S = Next(n: int, rest: S)              // infinite values: inhabited
method Uninit() { var d: D; assert d.e == d.e + 1; }
method Out() returns (d: D) ensures false {}
method NewArray() { var a := new D[1]; assert a[0].e == 7; }
class C { var d: D  constructor() {} }
method Tuple() { var t: (Star, int); assert t.0 == t.0 + 1; }
method Generic() { var g: G<Star>; assert false; }
method Recursive() { var r: R; assert false; }
// inhabited: still supported (and nothing false is provable)
method List() { var l: L; assert false; }
method Stream() { var s: S; assert false; }
method Given(d: D) ensures false { var x := d.e; }
