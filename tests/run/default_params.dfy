// default parameter values: evaluated when the caller leaves the argument out, in
// dependency order (a default may mention a later parameter), also for constructors
function Scale(v: int, factor: int := 10): int { v * factor }

method Show(lo: int := hi - 5, hi: int := Base(), step: int := (hi - lo) / 5) {
  print lo, "..", hi, " by ", step, "\n";
}

function Base(): int { 20 }

class Account {
  var balance: int
  constructor (b: int) { balance := b; }
  method Deposit(amount: int := balance / 2, note: string := "auto") modifies this {
    balance := balance + amount;
    print note, " ", amount, " -> ", balance, "\n";
  }
}

datatype Range = Range(start: int, len: nat := 3, stop: int := start + len)

method Main() {
  print Scale(4), " ", Scale(4, 3), " ", Scale(factor := 2, v := 7), "\n";
  Show();
  Show(0);
  Show(hi := 100);
  Show(1, 11, 2);
  var a := new Account(50);
  a.Deposit();
  a.Deposit(1);
  a.Deposit(note := "bonus");
  print Range(5), " ", Range(5, 10), " ", Range(start := 1, stop := 0), "\n";
}
