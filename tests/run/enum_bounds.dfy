// bound variables of an enumeration datatype range over all its constructors; char
// variables over code point ranges
datatype Berry = Smultron | Jordgubb | Hjortron | Hallon
method Main() {
  var s := set b: Berry | b != Hjortron;
  print |s|, " ", Hallon in s, " ", forall b: Berry :: b in s || b == Hjortron, "\n";
  var vowels := set c: char | 'a' <= c <= 'z' && c in "aeiou";
  print |vowels|, " ", 'e' in vowels, " ", exists c: char | 'a' <= c < 'c' :: c == 'b', "\n";
}
