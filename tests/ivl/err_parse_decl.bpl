// A declaration keyword is expected at the top level.
var x: int;
assert x > 0;
