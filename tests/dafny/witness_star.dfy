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
