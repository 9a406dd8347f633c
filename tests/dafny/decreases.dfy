// Termination of loops and recursion.
function Fact(n: nat): nat
{
  if n == 0 then 1 else n * Fact(n - 1)
}

function Bad(n: int): int
{
  if n == 0 then 0 else Bad(n + 1)
}

method Down(n: int) {
  var i := n;
  while i > 0
    decreases i
  {
    i := i - 1;
  }
}

method Up(n: int) {
  var i := 0;
  while i < n
    decreases i
  {
    i := i + 1;
  }
}
