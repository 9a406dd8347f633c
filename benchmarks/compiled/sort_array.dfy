// Heapsort of 100,000 array elements (a linear congruential generator fills the array)
method SiftDown(a: array<int>, start: int, end: int)
  modifies a
{
  var root := start;
  while 2 * root + 1 < end {
    var child := 2 * root + 1;
    if child + 1 < end && a[child] < a[child + 1] {
      child := child + 1;
    }
    if a[root] < a[child] {
      a[root], a[child] := a[child], a[root];
      root := child;
    } else {
      break;
    }
  }
}

method HeapSort(a: array<int>)
  modifies a
{
  var n := a.Length;
  var start := n / 2 - 1;
  while start >= 0 {
    SiftDown(a, start, n);
    start := start - 1;
  }
  var end := n - 1;
  while end > 0 {
    a[0], a[end] := a[end], a[0];
    SiftDown(a, 0, end);
    end := end - 1;
  }
}

method Main() {
  var n := 100000;
  var a := new int[n];
  var x := 12345;
  var i := 0;
  while i < n {
    x := (x * 1103515245 + 12345) % 2147483648;
    a[i] := x % 1000000;
    i := i + 1;
  }
  HeapSort(a);
  var ok := true;
  i := 1;
  while i < n {
    if a[i - 1] > a[i] { ok := false; }
    i := i + 1;
  }
  print ok, " ", a[0], " ", a[n - 1], "\n";
}
