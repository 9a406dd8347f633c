// Field-granular modifies frames: a method with `modifies `f` may change only field f of
// its object; callers keep every other field.
class Secret {
  var secret: int
  var count: int

  method Init(x: int)
    modifies `secret, `count
    ensures secret == x && count == 0
  {
    secret := x;
    count := 0;
  }

  method Guess(g: int) returns (hit: bool)
    modifies `count
    ensures hit == (g == secret) && count == old(count) + 1
  {
    hit := g == secret;
    count := count + 1;
  }

  // writes a field outside its frame: rejected
  method Cheat()
    modifies `count
  {
    secret := 0;
  }

  // calls a method whose frame is larger than its own: rejected
  method Relay()
    modifies `count
  {
    Init(3);
  }
}

method Main() {
  var s := new Secret.Init(5);
  var h := s.Guess(5);
  assert s.secret == 5 && h;
  h := s.Guess(4);
  assert !h && s.count == 2;
  assert s.count == 3;       // wrong: rejected
}
