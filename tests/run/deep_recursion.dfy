// deep (non-tail) recursion runs on a large stack; equality and hashing of deeply nested
// datatype values use no recursion at all
datatype List = Nil | Cons(head: int, tail: List)

function Count(n: nat): nat {
  if n == 0 then 0 else 1 + Count(n - 1)
}

function Build(n: nat): List {
  if n == 0 then Nil else Cons(n, Build(n - 1))
}

method Main() {
  print Count(100000), "\n";
  var a := Build(150000);
  var b := Build(150000);
  var c := Cons(0, b);
  print a == b, " ", a == c.tail, " ", a == c, "\n";
  var s := {a, b};
  print |s|, " ", b in s, " ", c in s, "\n";
}
