// Procedure calls: callers check preconditions and assume postconditions; only the callee's
// modifies clause and results change.
var counter: int;
var other: int;

procedure Incr(n: int) returns (r: int)
  requires n >= 0;
  ensures r == n + 1;
  modifies counter;
  ensures counter == old(counter) + n;
{
  r := n + 1;
  counter := counter + n;
}

procedure UsesIncr()
  modifies counter;
{
  var a: int;
  call a := Incr(5);
  assert a == 6;
  assert counter == old(counter) + 5;
}

procedure BadArgument()
  modifies counter;
{
  var a: int;
  call a := Incr(-1);      // error: precondition
}

procedure FrameKeepsOthers()
  modifies counter;
{
  var a: int, x: int;
  x := 3;
  call a := Incr(2);
  assert x == 3;           // locals are untouched
  assert other == old(other);  // not in Incr's modifies
}

procedure FrameForgetsModified()
  modifies counter;
{
  var a: int;
  counter := 0;
  call a := Incr(0);
  assert counter == 0;     // follows from Incr's postcondition
  call a := Nothing();
  assert counter == 0;     // error: Nothing may change counter (no postcondition about it)
}

procedure Nothing() returns (r: int);
  modifies counter;

procedure ResultsOnly() returns (r: int)
  modifies counter;
  ensures r >= 0;
{
  call r := Nothing();     // error (postcondition): r is unconstrained
}

procedure Recursive(n: int) returns (r: int)
  requires n >= 0;
  ensures r == 2 * n;
{
  if (n == 0) { r := 0; } else {
    call r := Recursive(n - 1);
    r := r + 2;
  }
}

procedure RecursiveWrong(n: int) returns (r: int)
  ensures r == 2 * n;
{
  if (n == 0) { r := 0; } else {
    call r := RecursiveWrong(n - 1);
    r := r + 1;            // error: postcondition
  }
}

procedure ArgsEvaluatedBeforeCall()
  modifies counter;
{
  var a: int;
  counter := 4;
  call a := Incr(counter);
  assert counter == 8;
  assert a == 5;
}
