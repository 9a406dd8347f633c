predicate A(a: bool, b: bool, c: bool) { a && b || c }
predicate B(a: bool, b: bool, c: bool) { a ==> b <== c }
function C(a: bv8, b: bv8, c: bv8): bv8 { a & b | c }
predicate D(a: int, b: int, c: int) { a < b > c }
predicate E(s: set<int>, x: int) { x in s in s }
