// newtypes, generic classes, :- (failure-compatible types), by-method functions,
// default and named arguments, opaque functions, nested expressions
newtype Byte = x: int | 0 <= x < 256 {
  function Twice(): int { this as int * 2 }
}
type Pos = x: int | x > 0 witness 1

datatype Result<T> = Success(value: T) | Failure(error: string) {
  predicate IsFailure() { this.Failure? }
  function PropagateFailure<U>(): Result<U> requires IsFailure() { Failure(this.error) }
  function Extract(): T requires !IsFailure() { this.value }
}

class Stack<T> {
  var items: seq<T>
  constructor () { items := []; }
  method Push(x: T) modifies this { items := items + [x]; }
  method Pop() returns (r: Result<T>) modifies this {
    if |items| == 0 { return Failure("empty"); }
    r := Success(items[|items| - 1]);
    items := items[..|items| - 1];
  }
  function Size(): nat reads this { |items| }
}

method PopTwo(s: Stack<int>) returns (r: Result<int>)
  modifies s
{
  var a :- s.Pop();
  var b :- s.Pop();
  return Success(a + b);
}

function Fib(n: nat): nat {
  if n < 2 then n else Fib(n - 1) + Fib(n - 2)
} by method {
  var a, b := 0, 1;
  for i := 0 to n { a, b := b, a + b; }
  return a;
}

function Greet(name: string, greeting: string := "Hello"): string {
  greeting + ", " + name
}

opaque function Secret(): int { 42 }

function Classify(x: int): string {
  var kind := match x % 3 { case 0 => "zero" case 1 => "one" case _ => "two" };
  kind + (if x < 0 then "-" else "+")
}

method Main() {
  var b: Byte := 200;
  print b, " ", b.Twice(), " ", (b as int + 100) % 256, "\n";
  var p: Pos := 5;
  print p, "\n";
  var s := new Stack<int>();
  s.Push(1); s.Push(2); s.Push(3);
  var r := PopTwo(s);
  print r, " ", s.Size(), "\n";
  r := PopTwo(s);
  print r, " ", s.Size(), "\n";
  print Fib(30), "\n";
  print Greet("Ann"), " / ", Greet("Bob", "Hi"), " / ", Greet(greeting := "Yo", name := "Cy"), "\n";
  reveal Secret();
  print Secret(), "\n";
  print Classify(4), " ", Classify(-3), " ", Classify(5), "\n";
  print "tab:\there, quote:\" backslash:\\", "\n";
  var grid := new int[3, 2]((i, j) => i + j);
  print grid[2, 1], "\n";
  var rows := new array<int>[2];
  rows[0] := new int[] [7, 8];
  rows[1] := rows[0];
  rows[1][0] := 9;
  print rows[0][..], "\n";
  var m := map["b" := 2, "a" := 1];
  print m["a"] + m["b"], " ", "a" in m, "\n";
  var t := (1, "x");
  var (n, str) := t;
  print n, " ", str, "\n";
  var sq := seq(4, i requires 0 <= i => i * i);
  print sq, " ", multiset(sq) == multiset{9, 4, 1, 0}, "\n";
}
