// An unexpected character.
procedure P() { assert 1 @ 2; }
