// A display (or collection union) mixing `C` and `null` / `C?` gets the nullable element
// type `C?`, as Dafny infers the join of its elements' types.
class MyClass { }

method Displays(o: MyClass, c: MyClass?) {
  var m := map[null := 1, o := 2];
  assert null in m && m[null] == 1;
  var m2 := map[o := 2, c := 1];
  assert c in m2;
  var s := [o, null];
  assert s[1] == null;
  var t := {o, c};
  assert c in t;
  var v := map[1 := o, 2 := null];
  assert v[2] == null;
}

method Unions(o: MyClass, c: MyClass?) {
  var a := map[o := 1];
  var b := map[c := 2];
  var u := a + b;
  assert c in u;
  var s1 := {o} + {c};
  assert c in s1;
}

method DeclaredStaysNonNull(o: MyClass) {
  var m := map[null := 1, o := 2];
  var x: map<MyClass, int> := m;  // error: null is a key
}
