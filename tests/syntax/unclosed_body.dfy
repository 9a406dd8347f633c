method A() {
  var x := 1;

method B() {
  var y := ;
}

function C(): int { 1 }
