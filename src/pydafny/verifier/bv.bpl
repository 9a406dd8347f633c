// Dafny's bitvector operations at one width (template: $E is the IVL type bvN, $T its tag):
// SMT-LIB's bitvector operators (unsigned comparisons, division and remainder, logical shifts,
// two's-complement wrap-around arithmetic, as Dafny's bvN types define them) and the exact
// conversions to and from int (int2bv is taken modulo 2^N; Dafny checks the range first).
function {:bvbuiltin "bvadd"} BV#Add.$T(a: $E, b: $E): $E;
function {:bvbuiltin "bvsub"} BV#Sub.$T(a: $E, b: $E): $E;
function {:bvbuiltin "bvmul"} BV#Mul.$T(a: $E, b: $E): $E;
function {:bvbuiltin "bvudiv"} BV#Div.$T(a: $E, b: $E): $E;
function {:bvbuiltin "bvurem"} BV#Mod.$T(a: $E, b: $E): $E;
function {:bvbuiltin "bvand"} BV#And.$T(a: $E, b: $E): $E;
function {:bvbuiltin "bvor"} BV#Or.$T(a: $E, b: $E): $E;
function {:bvbuiltin "bvxor"} BV#Xor.$T(a: $E, b: $E): $E;
function {:bvbuiltin "bvshl"} BV#Shl.$T(a: $E, b: $E): $E;
function {:bvbuiltin "bvlshr"} BV#Shr.$T(a: $E, b: $E): $E;
function {:bvbuiltin "bvnot"} BV#Not.$T(a: $E): $E;
function {:bvbuiltin "bvneg"} BV#Neg.$T(a: $E): $E;
function {:bvbuiltin "bvult"} BV#Lt.$T(a: $E, b: $E): bool;
function {:bvbuiltin "bvule"} BV#Le.$T(a: $E, b: $E): bool;
function {:bvbuiltin "bvugt"} BV#Gt.$T(a: $E, b: $E): bool;
function {:bvbuiltin "bvuge"} BV#Ge.$T(a: $E, b: $E): bool;
function {:builtin "int2bv"} BV#FromInt.$T(x: int): $E;
function {:builtin "bv2int"} BV#ToInt.$T(x: $E): int;
