method M(n: int) {
  for i := 0 until n {
  }
  match n {
    case => print 1;
  }
  if case true => print 1;
  while
  {
    case => print 2;
  }
  label : print 3;
}
