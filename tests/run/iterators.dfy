// iterators: MoveNext runs the body up to the next yield; yield parameters are fields;
// `yield e` assigns them first
iterator Squares(n: nat) yields (sq: int)
{
  var i := 0;
  while i < n {
    sq := i * i;
    yield;
    i := i + 1;
  }
}

iterator Evens<T>(s: seq<T>) yields (item: T, index: nat)
{
  for i := 0 to |s| {
    if i % 2 == 0 {
      yield s[i], i;
    }
  }
}

method Main() {
  var it := new Squares(4);
  var more := it.MoveNext();
  while more {
    print it.sq, " ";
    more := it.MoveNext();
  }
  print "\n";
  var ev := new Evens("abcde");
  more := ev.MoveNext();
  while more {
    print ev.item, "@", ev.index, " ";
    more := ev.MoveNext();
  }
  print "\n";
}
