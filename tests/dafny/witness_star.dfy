// `witness *` declares a possibly empty type: no value of it may be made up, so variables
// and fields that would hold an arbitrary value are not supported (Dafny checks their
// definite assignment instead).
type Star = x: int | x > 5 && x < 0 witness *
method M(e: Star) ensures false {}
method Uninit() ensures false { var e: Star; M(e); }
method Havoc() ensures false { var e: Star := *; M(e); }
method NewArray() { var a := new Star[3]; }
method Out() returns (r: Star) ensures false {}
class C { var f: Star }
method Copy(s: Star) returns (t: Star) { t := s; }
// an out-parameter assigned on every path (before each return) is supported
method Pick(s: Star, u: Star, b: bool) returns (t: Star) ensures t == s || t == u {
  if b { t := s; } else if !b { return u; } else { t := u; }
  while false { t := s; }
}
method Guessed() returns (t: Star) ensures false { if * { t := 7; } else { return 8; } }
// a path without an assignment, or a loop before it (it assumes t's constraint): unsupported
method MissesPath(s: Star, b: bool) returns (t: Star) { if b { t := s; } }
method EarlyReturn(s: Star, b: bool) returns (t: Star) { if b { return; } t := s; }
method LoopFirst(s: Star) returns (t: Star) ensures false { while false { } t := 7; }
