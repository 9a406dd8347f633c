// Calls must match the callee's signature and may only modify what the caller may modify.
var g: int;
procedure Callee(x: int) returns (y: int);
  modifies g;

procedure Caller() returns (b: bool)
{
  var i: int;
  call i := Callee(true);
  call b := Callee(1);
  call Callee(1);
  call i := Callee(1, 2);
}
