// Expressions: if-then-else, lambda, exists, nested quantifiers, old in expressions.
var G: int;

procedure Ite(x: int) returns (r: int)
  ensures r == (if x < 0 then -x else x);
  ensures r >= 0;
{
  r := if x < 0 then -x else x;
}

procedure IteWrong(x: int) returns (r: int)
  ensures r == (if x < 0 then x else -x);
{
  r := if x < 0 then -x else x;
}

procedure Lambda()
{
  var m: [int]int;
  m := (lambda i: int :: i * 2);
  assert m[3] == 6;
  assert m[-1] == -2;
  assert m[0] == 1;           // error
}

procedure LambdaBool(k: int)
{
  var s: [int]bool;
  s := (lambda i: int :: i > k);
  assert s[k + 1];
  assert !s[k];
  assert s[k];                // error
}

function W(y: int): bool;

procedure Exists(x: int)
{
  assume W(x + 1);
  assert (exists y: int :: { W(y) } W(y));                 // witness: x + 1
  assert (exists y: int :: { W(y) } W(y) && y > x);
  assert (exists y: int :: { W(y) } W(y) && y < x);        // error: no witness known
}

procedure Nested()
{
  assume (forall x: int :: { W(x) } W(x) ==> W(x + 1));
  assume W(0);
  assert W(1) && W(2);
  assert (forall x: int :: { W(x) } x == 3 ==> (exists y: int :: { W(y) } W(y) && y == x - 1));
  assert W(-1);                                            // error
}

procedure OldInExpressions()
  modifies G;
  ensures G == old(G) * 2;
{
  G := G + G;
  assert old(G + 1) == old(G) + 1;
  assert old(G) * 2 == G;
}

procedure OldWrong()
  modifies G;
  ensures G == old(G);
{
  G := G + 1;
}
