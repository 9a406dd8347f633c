// Module imports and qualified names.
module A {
  function F(x: int): int { x }
  datatype T = T1 | T2
}

module B {
  import A
  import Missing
  method M() {
    var a := A.F(1);
    var b := A.G(1);
    var c: A.T := A.T1;
    var d := F(2);
  }
}
