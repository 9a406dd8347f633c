// Bit vectors: literals, {:bvbuiltin} operations, extraction, concatenation, wrap-around.
function {:bvbuiltin "bvadd"} add8(bv8, bv8) returns (bv8);
function {:bvbuiltin "bvmul"} mul8(bv8, bv8) returns (bv8);
function {:bvbuiltin "bvand"} and32(bv32, bv32) returns (bv32);
function {:bvbuiltin "bvor"} or32(bv32, bv32) returns (bv32);
function {:bvbuiltin "bvshl"} shl32(bv32, bv32) returns (bv32);
function {:bvbuiltin "bvult"} ult8(bv8, bv8) returns (bool);
function {:bvbuiltin "bvslt"} slt8(bv8, bv8) returns (bool);
function {:bvbuiltin "bvnot"} not8(bv8) returns (bv8);

procedure Arithmetic()
{
  assert add8(200bv8, 100bv8) == 44bv8;     // wraps around modulo 256
  assert mul8(16bv8, 16bv8) == 0bv8;
  assert ult8(1bv8, 255bv8);
  assert slt8(255bv8, 1bv8);                // 255 is -1 as a signed byte
  assert not8(0bv8) == 255bv8;
}

procedure ArithmeticWrong()
{
  assert add8(200bv8, 100bv8) == 300bv16[8:0];  // 300 mod 256 == 44: verifies
  assert ult8(add8(255bv8, 1bv8), 255bv8);       // 0 < 255: verifies
  assert add8(255bv8, 1bv8) == 255bv8;           // error
}

procedure ExtractConcat(x: bv32)
{
  assert x[32:16] ++ x[16:0] == x;
  assert x[8:0] == and32(x, 255bv32)[8:0];
  assert (0bv8 ++ 1bv8) == 1bv16;
  assert x[16:0] == x[32:16];                     // error
}

procedure Masks(x: bv32) returns (y: bv32)
  ensures and32(y, 1bv32) == 1bv32;
{
  y := or32(x, 1bv32);
}

procedure MasksWrong(x: bv32) returns (y: bv32)
  ensures and32(y, 2bv32) == 2bv32;
{
  y := shl32(x, 1bv32);
}
