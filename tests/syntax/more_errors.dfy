function NoResultType(x: int) { x }
method Attrs() {
  {:split_here} assert true;
}
method Eq() {
  var x = 1;
  var y := var z = 2; z;
  var o := new object;
  var w := f(new C());
}
method Gets() {
  var f := forall x :: match x case 1 2;
  var m := map[1 2];
  if true print 1;
  var c := $;
}
method NoParens {
}
