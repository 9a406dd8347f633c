// Nonlinear lemmas the first arithmetic solver gives up on are retried with z3's other one.
predicate IsSqrt(x: int, r: int) {
  r * r <= x && (r + 1) * (r + 1) > x
}

lemma UniqueSqrt(x: int, r1: int, r2: int)
  requires x >= 0 && r1 >= 0 && r2 >= 0
  ensures IsSqrt(x, r1) && IsSqrt(x, r2) ==> r1 == r2
{
}

method Quotient(students: int, tutors: int) returns (r: int)
  requires students > 0 && tutors > 1
  ensures r < students
{
  r := students / tutors;
  calc == {
    true;
    1 / tutors < 1;
    students / tutors < students;
  }
}

// negative twin: the root of 2 is 1, whose square is not 2
lemma SqrtSquareWrong(x: int, r: int)
  requires x >= 0 && r >= 0
  ensures IsSqrt(x, r) ==> r * r == x
{
}
