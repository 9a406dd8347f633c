// pydafny's base prelude: the sorts and functions every translated Dafny program shares.
// Theories over an element type (sequences, sets, boxes, ...) are templates instantiated per
// element type by `prelude.py` (see seq.bpl, set.bpl, box.bpl).
//
// Every axiom says why it is true. A contradiction here would make every program verify;
// tests/unit/test_verifier_prelude.py asserts `false` after the prelude and expects a failure.

// References: objects and arrays. `null` is one reference.
type Ref;
const null: Ref;

// Boxes: values of generic type parameters. Each type has an injective $Box and its inverse.
type Box;

// Fuel layers for function definitions: F($LS(ly), x) may be unfolded to F's body, which calls
// F(ly, ...); $LZ cannot be unfolded. Layers are a trigger device only: every layer denotes
// the same function (axioms per function state F($LS(ly), x) == F(ly, x)).
type LayerType;
const $LZ: LayerType;
function $LS(ly: LayerType): LayerType;

// Literal marks: Lit.int(x), Lit.real(r) and Lit.bool(b) are x, r and b, marking a value the
// program wrote as a literal (or computed from literals). They are a trigger device only: a
// recursive function's literal axiom unfolds a call whose arguments are all marked, without
// using fuel, so calls on literal arguments evaluate fully (as Dafny's Lit does).
function Lit.int(x: int): int;
axiom (forall x: int :: { Lit.int(x) } Lit.int(x) == x);
function Lit.bool(x: bool): bool;
axiom (forall x: bool :: { Lit.bool(x) } Lit.bool(x) == x);
function Lit.real(x: real): real;
axiom (forall x: real :: { Lit.real(x) } Lit.real(x) == x);
// Lit.Func(f) is f, marking a lambda that captures only literals.
function Lit.Func(x: Func): Func;
axiom (forall x: Func :: { Lit.Func(x) } Lit.Func(x) == x);

// The set of allocated objects. `new` picks an unallocated reference and allocates it.
var $Alloc: [Ref]bool;

// Array lengths are immutable, so they are functions of the reference (not of the heap).
function $Len(a: Ref): int;
function $Len0(a: Ref): int;
function $Len1(a: Ref): int;
function $Len2(a: Ref): int;
// A length counts elements: it is a natural number.
axiom (forall a: Ref :: { $Len(a) } 0 <= $Len(a));
axiom (forall a: Ref :: { $Len0(a) } 0 <= $Len0(a));
axiom (forall a: Ref :: { $Len1(a) } 0 <= $Len1(a));
axiom (forall a: Ref :: { $Len2(a) } 0 <= $Len2(a));
// For a one-dimensional array, Length0 is Length (the same number by definition).
axiom (forall a: Ref :: { $Len0(a) } $Len0(a) == $Len(a));

// Datatype ranks (for termination): one rank function per datatype sort, all into the same
// integers; the axioms generated per constructor say a constructor's datatype-typed arguments
// have smaller rank (true for the height of the finite tree a value denotes).

// Euclidean division and modulus as Dafny defines them for ints (z3's div/mod are Euclidean
// too: 0 <= a mod b < |b| for b != 0), so `div`/`mod` translate directly.

// The function context height of the implementation being verified: the definition and
// consequence axioms of a function F are guarded by height(F) < $Height, so that F's own
// well-formedness check (which assumes $Height == height(F)) cannot use F's axioms to prove
// that F is well defined. Every implementation fixes $Height by an assumption; as each
// implementation is a separate verification condition, the assumptions never meet.
const $Height: int;

// Function values (Dafny's arrow types `->` and `-->`; `~>` is not translated): arguments and
// results are boxed, so one sort serves every arrow type. Each lambda expression is a fresh
// function symbol whose Apply and Requires are defined by axioms generated with it.
type Func;
function Apply1(f: Func, a0: Box): Box;
function Apply2(f: Func, a0: Box, a1: Box): Box;
function Apply3(f: Func, a0: Box, a1: Box, a2: Box): Box;
function Requires1(f: Func, a0: Box): bool;
function Requires2(f: Func, a0: Box, a1: Box): bool;
function Requires3(f: Func, a0: Box, a1: Box, a2: Box): bool;

// The rank of a boxed value, for termination through generic datatype fields: for every
// datatype D, rank(Unbox_D(b)) <= $BoxRank(b), and a constructor's boxed argument has a
// smaller $BoxRank than the value (axioms generated per datatype). Model: $BoxRank(b) is the
// height of b's content when it is a datatype value, else 0 (unboxing a box of another type
// gives a fixed value of height 0).
function $BoxRank(b: Box): int;
