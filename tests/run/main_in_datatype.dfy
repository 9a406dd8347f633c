// Main as an instance method of a datatype runs on the type's default value
datatype Dt = Dt0(x: int, b: bool) | Dt1 {
  method Main() { print "Dt: ", this, "\n"; }
}
