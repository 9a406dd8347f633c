// Greatest predicates and greatest lemmas: prefix predicates P#[k] and prefix lemmas with
// the depth _k (calls of the lemma inside its body are at _k - 1).
codatatype Stream = SNil | SCons(head: int, tail: Stream)

function Up(n: int): Stream { SCons(n, Up(n + 1)) }

greatest predicate Pos(s: Stream) {
  match s
  case SNil => true
  case SCons(x, rest) => x > 0 && Pos(rest)
}

greatest lemma UpPos(n: int)
  requires n > 0
  ensures Pos(Up(n))
{
  UpPos(n + 1);
}

greatest lemma UpPosAuto(n: int)
  requires n > 0
  ensures Pos(Up(n))
{
}

greatest lemma UpPosWrong(n: int)  // error: Up(0) starts with 0
  requires n >= 0
  ensures Pos(Up(n))
{
  UpPosWrong(n + 1);
}

lemma UsePos() ensures Pos(Up(5)) { UpPos(5); }
lemma UseWrong() ensures Pos(Up(0)) { UpPos(1); }  // error

// prefix predicates can be used directly
lemma Prefix(k: nat) ensures Pos#[k](Up(1)) { UpPos(1); }
lemma PrefixZero(s: Stream) ensures Pos#[0](s) {}
lemma PrefixWrong(k: nat) ensures Pos#[k + 1](Up(0)) {}  // error

// the recursive call must be positive and continuous (or it is not a greatest fixed point
// of the approximants)
greatest predicate Neg(x: int) { !Neg(x + 1) }  // unsupported
greatest predicate Some(x: int) { exists y :: y > x && Some(y) }  // unsupported
