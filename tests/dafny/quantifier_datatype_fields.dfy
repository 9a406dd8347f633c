// Inside quantifiers and comprehensions, the fields of bound datatype values have their
// declared types (here nat), for well-formedness checks.
datatype P = P(a: nat, b: int)
function Need(n: nat): bool { n >= 0 }
predicate All(s: set<P>) { forall p :: p in s ==> Need(p.a) }
function Firsts(s: set<P>): set<bool> { set p | p in s :: Need(p.a) }
function Keys(s: set<P>): map<P, bool> { map p | p in s :: Need(p.a) }
predicate Bad(s: set<P>) { forall p :: p in s ==> Need(p.b) }  // error: b may be negative
