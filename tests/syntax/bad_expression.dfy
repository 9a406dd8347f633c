function F(x: int): int
{
  x + * 2
}

method M() {
  var z := (1 + );
  var w := [1, 2;
  assert z == ;
}

predicate P(s: seq<int>) { |s| > 0 && }
