// iterators: MoveNext runs the body up to the next yield; yield parameters are fields
iterator Gen(n: nat) yields (x: int)
{
  var i := 0;
  while i < n {
    x := i * i;
    yield;
    i := i + 1;
  }
}
method Main() {
  var it := new Gen(4);
  var more := it.MoveNext();
  while more {
    print it.x, " ";
    more := it.MoveNext();
  }
  print "\n";
}
