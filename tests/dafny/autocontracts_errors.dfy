// {:autocontracts}: the generated `ensures Valid()` is checked, so a method or
// constructor that breaks the invariant is reported; a field marked
// {:autocontracts false} is not put in Repr, so functions may not read it.
class {:autocontracts} Account {
  var balance: int
  var log: array<int>
  var {:autocontracts false} scratch: array<int>

  ghost predicate Valid() {
    balance >= 0 && log.Length > 0
  }

  constructor (initial: int)
    ensures balance == initial
  {
    balance := initial;      // error: Valid() needs initial >= 0
    log := new int[1];
    scratch := new int[1];
  }

  method Deposit(x: nat)
    ensures balance == old(balance) + x
  {
    balance := balance + x;  // fine
  }

  method Withdraw(x: nat)
    ensures balance == old(balance) - x
  {
    balance := balance - x;  // error: Valid() may not hold afterwards
  }

  function First(): int {
    log[0]                   // fine: log is in Repr
  }

  function Scratch(): int
    requires scratch.Length > 0
  {
    scratch[0]               // error: scratch is not in Repr
  }
}
