// Ghost state may not flow into compiled code.
ghost function Spec(x: int): int { x }

function Impl(x: int): int { x }

lemma Lem() returns (y: int) { y := 0; }

ghost method GhostM() { }

method M(ghost g: int, n: int) returns (r: int)
{
  r := g;
  print g, "\n";
  ghost var h := n;
  var k := h + 1;
  r := Spec(n);
  var o := old(r);
  if g > 0 {
    r := 1;
  }
  r := Lem();
  ghost var ok := Spec(n);
  GhostM();
}

lemma InLemma(x: int) {
  var t := x;
  M(x, x);
}

class C {
  ghost var gf: int
  var cf: int
  method Set() modifies this {
    cf := gf;
  }
}

lemma Printing(x: int) {
  print x;
}

datatype Tagged = Tagged(val: int, ghost tag: int)

method Untag(t: Tagged) returns (r: int)
{
  match t {
    case Tagged(v, g) => r := v + g;
  }
  r := t.tag;
}
