// ARGS: --time-limit 1
// A query the solver cannot finish in one second (factoring a 64-bit semiprime): reported as
// timed out, never as verified.
function {:bvbuiltin "bvmul"} mul(bv64, bv64) returns (bv64);
function {:bvbuiltin "bvugt"} ugt(bv64, bv64) returns (bool);
function {:bvbuiltin "bvult"} ult(bv64, bv64) returns (bool);
procedure Factor(x: bv64, y: bv64)
  requires ugt(x, 1bv64) && ugt(y, 1bv64) && ult(x, 4294967296bv64) && ult(y, 4294967296bv64);
{
  assert mul(x, y) != 10500000117500000323bv64;
}
