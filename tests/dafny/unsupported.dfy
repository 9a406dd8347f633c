// A construct the translator does not handle yet is an error, never "verified".
method M(x: bv8) returns (y: bv8) {
  y := x.RotateLeft(1);
}
