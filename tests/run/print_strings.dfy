// a string prints raw only where its static type is string; nested in another value it
// prints as its chars, except in a datatype field declared string (printed quoted)
datatype Opt<T> = None | Some(v: T)
datatype Named = Named(name: string)
method Main() {
  print ["abc", "def"], " ", [["abc", "def"]], " ", {"abc"}, "\n";
  var a: seq<seq<char>> := [[]];
  var b: seq<char>;
  print a, " ", [b], " ", [seq(5, x => 'a')], "\n";
  print Some("hi"), " ", Named("x"), " ", map["k" := "v"], " ", ("a", 1), " ", ['a', 'b'], "\n";
  print 'c', " ", {'a'}, "\n";
}
