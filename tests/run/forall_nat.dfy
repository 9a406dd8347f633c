// forall statements: simultaneous aggregate assignment, proofs erased; nat bound variables bounded below by 0
lemma L(i: int) ensures i * 0 == 0 {}
method Main() {
  var a := new int[4](i => i);
  forall i | 0 <= i < a.Length { a[i] := a[(i + 1) % a.Length] * 10; }
  print a[..], "\n";
  forall i | 0 <= i < 3 ensures i * 0 == 0 { L(i); }
  forall i | 0 <= i < 3 { L(i); }
  var s := set node: nat, port: nat | node < 2 && port < node + 1 :: (node, port);
  print s, "\n";
}
