method M() {
  var s := "unterminated;
  var c := 'ab';
  var e := "bad \q escape";
  var h := x # y;
}
/* never closed
method N() {}
