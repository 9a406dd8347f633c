// Bitvector types bvN: wrap-around arithmetic, bitwise operators, logical shifts by int
// amounts (checked to lie in 0..N), unsigned division (divisor checked), conversions to and
// from int (checked to fit).
method RotateLeftBits(n: bv32, d: int) returns (result: bv32)
  requires 0 <= d < 32
  ensures result == ((n << d) | (n >> (32 - d)))
{
  result := ((n << d) | (n >> (32 - d)));
}

method Arith(x: bv8) {
  assert (x + 1) - 1 == x;
  assert 200 as bv8 + 100 as bv8 == 44;
  assert (255 as bv8) + 1 == 0;
  assert x & 0 == 0 && x | 0 == x;
  assert (x as int) < 256;
  assert !(0 as bv8) == 255;
  assert -(1 as bv8) == 255;
  assert (1 as bv8) << 3 == 8;
  assert x / 1 == x;
}

method TooBig() {
  var y := 300;
  var z := y as bv8;  // error: does not fit
}

method ShiftTooFar(x: bv8) {
  var a := x << 9;  // error: shift amount too large
}

method ShiftNegative(x: bv8, k: int) requires k <= 8 {
  var b := x >> k;  // error: may be negative
}

method DivZero(x: bv8) {
  var c := x / x;   // error: division by zero
}

method WrongClaim(x: bv8) {
  assert x + 1 > x;  // error: wraps at 255
}

type uint8 = i: int | 0 <= i < 256

method ToSubset(x: bv32, y: bv8) {
  var b := y as uint8;
  var a := x as uint8;  // error: the target's constraint is checked
}
