method _M(_x: int, _: int) {
  var _y := 1;
  var _ := 2;
  assert forall _z :: true;
}
class _C { }
