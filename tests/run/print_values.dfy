// print of every kind of value
datatype Color = Red | Green | Blue
datatype Tree = Leaf | Node(left: Tree, val: int, right: Tree)
datatype Named = Named(name: string, age: nat)
class C { }
module M {
  datatype Opt<T> = None | Some(value: T)
  class K { }
}

method Main() {
  print 42, " ", -7, " ", true, " ", false, "\n";
  print 1.5, " ", 3.0, " ", -0.25, " ", 1.0 / 3.0, " ", 0.001, "\n";
  print 'a', " ", '\n', " ", "a string", "\n";
  print [1, 2, 3], " ", [] as seq<int>, " ", [[1], [2, 3]], "\n";
  print {3, 1, 2}, " ", {} as set<int>, "\n";
  print multiset{1, 1, 2}, " ", multiset{} as multiset<int>, "\n";
  print map[1 := 2, 3 := 4], " ", map[] as map<int, bool>, "\n";
  print (1, true), " ", (1, 'c', [2]), "\n";
  print Red, " ", [Green, Blue], "\n";
  print Node(Leaf, 1, Node(Leaf, 2, Leaf)), "\n";
  print Named("Ann", 30), "\n";
  print M.Some(5), " ", M.None, "\n";
  var c := new C;
  var k := new M.K;
  print c, " ", k, "\n";
  var s: string := "hello";
  print s, " ", [s], " ", ['x', 'y'], "\n";
  print {'b', 'a'}, "\n";
  var n: C? := null;
  print n, "\n";
}
