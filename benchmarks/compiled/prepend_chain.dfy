// Build sequences right to left as recursive functions do, [x] + Rec(...), 100,000 deep;
// a merge sort whose merge prepends; then read every element back
function Range(lo: int, hi: int): seq<int>
  decreases hi - lo
{
  if lo >= hi then [] else [lo % 7] + Range(lo + 1, hi)
}

function Merge(a: seq<int>, b: seq<int>): seq<int>
  decreases |a| + |b|
{
  if |a| == 0 then b
  else if |b| == 0 then a
  else if a[0] <= b[0] then [a[0]] + Merge(a[1..], b)
  else [b[0]] + Merge(a, b[1..])
}

function Sort(s: seq<int>): seq<int>
  decreases |s|
{
  if |s| <= 1 then s else Merge(Sort(s[..|s| / 2]), Sort(s[|s| / 2..]))
}

method Main() {
  var s := Range(0, 100000);
  var total := 0;
  var i := 0;
  while i < |s| {
    total := total + s[i];
    i := i + 1;
  }
  var t := Sort(Range(0, 20000));
  var ok := true;
  i := 1;
  while i < |t| {
    ok := ok && t[i - 1] <= t[i];
    i := i + 1;
  }
  print |s|, " ", total, " ", |t|, " ", ok, "\n";
}
