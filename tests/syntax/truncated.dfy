method M(x: int) returns (y: int)
  requires x > 0
  ensures y ==
