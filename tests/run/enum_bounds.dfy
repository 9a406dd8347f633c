// bound variables of an enumeration datatype range over all its constructors
datatype Berry = Smultron | Jordgubb | Hjortron | Hallon
method Main() {
  var s := set b: Berry | b != Hjortron;
  print |s|, " ", Hallon in s, " ", forall b: Berry :: b in s || b == Hjortron, "\n";
}
