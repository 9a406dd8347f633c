// modules as namespaces, imports, ghost code erased
module Math {
  function Square(x: int): int { x * x }
  const Ten := 10
  ghost function G(x: int): int { x }
  lemma SquareNonNeg(x: int) ensures Square(x) >= 0 {}
  datatype Pair = Pair(a: int, b: int)
  class Box { var v: int  constructor (v: int) { this.v := v; } }
}
module Util {
  import M = Math
  import opened Math
  function SquarePlusTen(x: int): int { M.Square(x) + Ten }
  method Show() {
    ghost var g := G(3);
    SquareNonNeg(4);
    assert Square(2) == 4;
    var b := new Box(3);
    print Square(7), " ", Ten, " ", SquarePlusTen(3), " ", Pair(1, 2), " ", b.v, " ", b, "\n";
  }
}

method Main() {
  Util.Show();
  print Math.Square(3), "\n";
}
