// a bare discriminator inside a datatype member tests the implicit this (isinstance)
datatype Result<T> = Success(value: T) | Failure(error: string) {
  predicate IsFailure() { Failure? }
  function PropagateFailure<U>(): Result<U> requires Failure? { Failure(error) }
  function Extract(): T requires Success? { value }
}
function F(x: int): Result<int> { if x > 0 then Success(x) else Failure("neg") }
function G(x: int): Result<int> {
  var t0 := F(x); if t0.IsFailure() then t0.PropagateFailure() else var y := t0.Extract();
  var t1 := F(y - 1); if t1.IsFailure() then t1.PropagateFailure() else var z := t1.Extract();
  Success(y + z)
}
method Main() { print G(3), " ", G(1), " ", G(-1), "\n"; Main2(); }
datatype Shape = Circle(r: int) | Square(side: int) {
  predicate Round() { Circle? }
  function Area(): int { if Square? then side * side else 3 * r * r }
}
method Main2() { print Circle(2).Round(), " ", Square(3).Round(), " ", Square(3).Area(), " ", Circle(1).Area(), "\n"; }
