// tail calls of a function to itself run as loops (constant stack), as Dafny compiles them
function SumTo(n: nat, acc: int): int { if n == 0 then acc else SumTo(n - 1, acc + n) }
function Find(s: seq<int>, x: int, i: nat): int
  decreases |s| - i
{
  if i >= |s| then -1 else if s[i] == x then i else Find(s, x, i + 1)
}
datatype L = N | C(h: int, t: L)
function Len(l: L, acc: nat): nat { match l case N => acc case C(_, t) => Len(t, acc + 1) }
function Build(n: nat, acc: L): L { if n == 0 then acc else Build(n - 1, C(n, acc)) }
class K {
  var base: int
  constructor () { base := 1; }
  function Count(n: nat): int reads this { if n == 0 then base else this.Count(n - 1) }
}
method Main() {
  print SumTo(1000000, 0), "\n";
  print Find(seq(300000, i => i), 299999, 0), "\n";
  print Len(Build(500000, N), 0), "\n";
  var k := new K();
  print k.Count(300000), "\n";
}
