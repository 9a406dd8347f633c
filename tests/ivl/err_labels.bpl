// Label errors: duplicates (also inside structured statements) and breaks to a label that
// does not name an enclosing if or while statement.
procedure P()
{
  L:
  if (true) {
    L:
    assert true;
  }
  M:
  assert true;
  while (true) {
    break M;
  }
}
