// arrays: 1-D and multi-dimensional
method Fill(a: array<int>, v: int)
  modifies a
{
  var i := 0;
  while i < a.Length {
    a[i] := v + i;
    i := i + 1;
  }
}

method BubbleSort(a: array<int>)
  modifies a
{
  var n := a.Length;
  var i := 0;
  while i < n {
    var j := 0;
    while j < n - 1 - i {
      if a[j] > a[j + 1] {
        a[j], a[j + 1] := a[j + 1], a[j];
      }
      j := j + 1;
    }
    i := i + 1;
  }
}

method Main() {
  var a := new int[5];
  print a.Length, " ", a[..], "\n";
  Fill(a, 10);
  print a[..], " ", a[1..3], " ", a[..2], " ", a[3..], "\n";
  var b := new int[] [5, 3, 8, 1, 9, 2];
  BubbleSort(b);
  print b[..], "\n";
  var c := new int[4](i => i * i);
  print c[..], "\n";
  var m := new int[2, 3];
  var i := 0;
  while i < 2 {
    var j := 0;
    while j < 3 {
      m[i, j] := i * 10 + j;
      j := j + 1;
    }
    i := i + 1;
  }
  print m.Length0, " ", m.Length1, " ", m[1, 2], " ", m[0, 1], "\n";
  var s := new string[2];
  s[0] := "x";
  print s[0], "|", s[1], "|\n";
  forall k | 0 <= k < c.Length {
    c[k] := c[k] + 1;
  }
  print c[..], "\n";
  var bs := new bool[3];
  print bs[..], "\n";
}
