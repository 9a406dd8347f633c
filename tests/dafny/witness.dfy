// Subset types and newtypes must be inhabited: the verifier assumes the constraint of every
// parameter and variable of such a type, so an empty type would prove anything.
type Empty = x: int | x < 0 && x > 0 witness 0       // error: 0 is not in the type
newtype Pos = x: int | x > 0 witness 0               // error
type NoWitness = x: int | x > 5                      // error: only 0 was tried
newtype NoWitness2 = x: int | x > 5                  // error
type Ok = x: int | x > 5 witness 6
type GhostOk = x: int | x > 5 ghost witness 7
type Even = x: nat | x % 2 == 0                      // 0 works
type BadNat = x: nat | x < 10 witness -1             // error: the base type is nat
type NonEmpty = s: seq<int> | |s| > 0                // error: only [] was tried
type NonEmptyOk = s: seq<int> | |s| > 0 witness [1]
function F(x: int): int requires x > 0 { x }
type Partial = x: int | F(x) > 0 witness 1           // error: F's precondition
type Guarded = x: int | x > 0 && F(x) > 0 witness 1

// With the type empty, this would be "verified" without the witness check.
method UsesEmpty(e: Empty) ensures false {}
method Caller() ensures false { var e: Empty; UsesEmpty(e); }
