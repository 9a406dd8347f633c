// self calls of methods in tail position, and calls on another object of the same class,
// run as loops: a recursion 1,000,000 deep needs no stack
method CountDown(n: nat, acc: nat) returns (r: nat) {
  if n == 0 {
    r := acc;
  } else {
    var twice := 2 * n;
    r := CountDown(n - 1, acc + twice - n);
  }
}

method Log(n: nat, sep: string) {
  if n > 0 {
    print sep, n;
    assert n > 0;
    Log(n - 1, ",");
  }
}

class Ring {
  var weight: nat
  var next: Ring
  constructor (w: nat) { weight := w; next := this; }
  method Walk(steps: nat, acc: nat) returns (total: nat) {
    if steps == 0 { return acc; }
    total := next.Walk(steps - 1, acc + weight);
  }
  function Sum(steps: nat, acc: nat): nat reads * {
    if steps == 0 then acc else next.Sum(steps - 1, acc + weight)
  }
}

method Main() {
  var r := CountDown(1_000_000, 0);
  print r, "\n";
  Log(5, "");
  print "\n";
  var a := new Ring(1);
  var b := new Ring(2);
  a.next, b.next := b, a;
  var w := a.Walk(1_000_000, 0);
  print w, " ", a.Sum(999_999, 0), "\n";
}
