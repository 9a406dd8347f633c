// deep (non-tail) recursion runs on a large stack
function Count(n: nat): nat {
  if n == 0 then 0 else 1 + Count(n - 1)
}
method Main() {
  print Count(100000), "\n";
}
