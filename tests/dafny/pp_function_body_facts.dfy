// Lemma calls, asserts and assumes inside a function body give their facts to the proof of
// the function's postcondition (under the conditions where they are evaluated).
lemma Big(x: int) requires x > 0 ensures x * x >= x

function Sq(x: int): (r: int)
  requires x > 0
  ensures r >= x
{
  Big(x); x * x
}

function Branch(x: int): (r: int)
  ensures r >= 0
{
  if x > 0 then Big(x); x * x else 0
}

function Asserted(x: nat): (r: int)
  ensures r >= 1
{
  assert x + 1 >= 1; x + 1
}

// negative: the fact is only known on the branch where the lemma is called
function Wrong(x: int): (r: int)
  ensures r >= x
{
  if x > 0 then Big(x); x * x else x - 1
}
