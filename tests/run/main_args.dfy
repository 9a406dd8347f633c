method Main(args: seq<string>) {
  print |args|, "\n";
  var i := 1;
  while i < |args| {
    print args[i], "\n";
    i := i + 1;
  }
}
