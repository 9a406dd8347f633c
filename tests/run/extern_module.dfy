// {:extern} bound to a Python file given with --extern-module; an exception raised in
// extern code ends the program with a clear message and a non-zero exit code
function {:extern} Add(a: int, b: int): int
method {:extern "Join"} JoinStrings(xs: seq<string>, sep: string) returns (r: string)
method {:extern} Fail(msg: string)

class Util {
  var v: int
  constructor () { v := 7; }
  static function {:extern} Twice(x: int): int
  method {:extern} Describe(suffix: string) returns (r: string)
}

method Main() {
  print Add(2, 3), "\n";
  var s := JoinStrings(["a", "b", "c"], "-");
  print s, "\n";
  var u := new Util();
  var d := u.Describe("!");
  print Util.Twice(21), " ", d, "\n";
  Fail("boom");
  print "not reached\n";
}
