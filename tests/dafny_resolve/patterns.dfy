// Match cases and patterns that do not fit the matched value.
datatype Shape = Circle(r: int) | Rect(w: int, h: int)

function Area(s: Shape): int {
  match s
  case Circle(r, extra) => r
  case Square(x) => x
  case Rect(w, h) => true
}

method M(p: (int, bool)) returns (r: int)
{
  var (a, b, c) := p;
  match p {
    case (x, y) => r := y;
  }
}

method Disjunctive(o: Shape) returns (r: int)
{
  match o {
    case Circle(x) | Rect(x, _) => r := 1;
  }
}
