// A postcondition proved on every path, and one that fails on one return path.
method Abs(x: int) returns (y: int)
  ensures y >= 0
  ensures x >= 0 ==> y == x
{
  if x < 0 {
    y := -x;
  } else {
    y := x;
  }
}

method Positive(x: int) returns (y: int)
  ensures y > 0
{
  if x < 0 {
    return -x;
  }
  y := x;
}
