// Division and modulus by zero.
method Div(a: int, b: int) returns (q: int)
  requires b != 0
{
  q := a / b + a % b;
}

method MaybeZero(a: int, b: int) returns (q: int) {
  q := a / b;
}
