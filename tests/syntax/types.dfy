method M(x: , y: map<int>) {
  var s: seq<int := [];
}
type T(===)
method Ok() {}
