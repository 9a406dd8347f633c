// The :- operator (failure-compatible types): propagation returns early, Extract afterwards.
datatype Result<T> = Success(value: T) | Failure(error: string) {
  predicate IsFailure() { Failure? }
  function PropagateFailure<U>(): Result<U> requires Failure? { Failure(error) }
  function Extract(): T requires Success? { value }
}
method Half(n: int) returns (r: Result<int>)
  ensures n % 2 == 0 ==> r.Success? && r.value * 2 == n
{
  if n % 2 == 0 { return Success(n / 2); }
  return Failure("odd");
}
method Quarter(n: int) returns (r: Result<int>)
  ensures n % 4 == 0 ==> r.Success?
{
  var h :- Half(n);
  var q :- Half(h);
  return Success(q);
}
method Bad(n: int) returns (r: Result<int>)
  ensures r.Success?
{
  var h :- Half(n);
  return Success(h);
}
