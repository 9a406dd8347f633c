// break/continue outside loops, unknown labels, and frames that are not objects.
class C { var f: int }

method M(c: C, n: int, s: set<C>)
  modifies n
  modifies s, c
{
  while true { break; }
  label L: while true { while true { break break; continue L; } }
  break;
  continue;
  break X;
  label B: { break B; }
}

function F(c: C, n: int): int
  reads c, n
{ c.f }

method Frames(c: C) modifies c`f { }

method BadField(c: C) modifies c`g { }
