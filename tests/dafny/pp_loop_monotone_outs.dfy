// Out-parameters changed in a loop only by adding (subtracting) constants stay above (below)
// their value on loop entry, as Boogie's interval inference tells Dafny.
method Up() returns (x: int)
  ensures x >= 1
{
  x := 1;
  var n := 0;
  while n < 10
  {
    x := x + 1;
    n := n + 1;
  }
}

// negative: doubling is not tracked (Dafny rejects this too)
method Double(y: int) returns (x: int)
  ensures x >= 1
{
  x := 1;
  var n := 0;
  while n < y
  {
    x := x * 2;
    n := n + 1;
  }
}
