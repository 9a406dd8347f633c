// typical small programs: binary search, strings, maps, a generic growable queue, reals
method BinarySearch(a: array<int>, key: int) returns (index: int)
  requires forall i, j :: 0 <= i < j < a.Length ==> a[i] <= a[j]
{
  var lo, hi := 0, a.Length;
  while lo < hi
    decreases hi - lo
  {
    var mid := (lo + hi) / 2;
    if a[mid] < key { lo := mid + 1; }
    else if a[mid] > key { hi := mid; }
    else { return mid; }
  }
  return -1;
}

function Reverse(s: string): string {
  if |s| == 0 then "" else Reverse(s[1..]) + [s[0]]
}

predicate IsPalindrome(s: string) {
  forall i | 0 <= i < |s| / 2 :: s[i] == s[|s| - 1 - i]
}

method CountChars(s: string) returns (m: map<char, int>) {
  m := map[];
  for i := 0 to |s| {
    var c := s[i];
    if c in m { m := m[c := m[c] + 1]; } else { m := m[c := 1]; }
  }
}

class Queue<T(0)> {
  var data: array<T>
  var size: nat
  constructor (cap: nat) requires cap > 0 {
    data := new T[cap];
    size := 0;
  }
  method Enqueue(x: T) modifies this, data {
    if size == data.Length {
      var nd := new T[2 * data.Length];
      forall i | 0 <= i < data.Length { nd[i] := data[i]; }
      data := nd;
    }
    data[size] := x;
    size := size + 1;
  }
  function Elements(): seq<T> reads this, data
    requires size <= data.Length
  { data[..size] }
}

method Main() {
  var a := new int[] [1, 3, 5, 7, 9, 11];
  var i := BinarySearch(a, 7);
  var j := BinarySearch(a, 4);
  print i, " ", j, "\n";
  print Reverse("hello"), " ", IsPalindrome("racecar"), " ", IsPalindrome("abc"), "\n";
  var m := CountChars("banana");
  print m['a'], m['n'], m['b'], " ", |m|, "\n";
  var q := new Queue<int>(1);
  var k := 0;
  while k < 5 { q.Enqueue(k * k); k := k + 1; }
  print q.Elements(), " ", q.data.Length, "\n";
  var words := ["a", "bb", "a"];
  var counts: map<string, nat> := map[];
  for w := 0 to |words| {
    var word := words[w];
    counts := counts[word := if word in counts then counts[word] + 1 else 1];
  }
  print counts["a"], " ", counts["bb"], "\n";
  var x: int := 17;
  var steps := 0;
  while x != 1 decreases * {
    if x % 2 == 0 { x := x / 2; } else { x := 3 * x + 1; }
    steps := steps + 1;
  }
  print steps, "\n";
  var maxv := -1;
  var arr2 := new real[3];
  arr2[0], arr2[1], arr2[2] := 1.5, 2.25, -0.5;
  var sum: real := 0.0;
  for t := 0 to arr2.Length { sum := sum + arr2[t]; }
  print sum, " ", sum / 3.0, "\n";
}
