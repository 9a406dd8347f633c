// Classic small programs of the kind in Boogie's test suite.
var a: [int]int;

// Swapping two array elements; everything else is unchanged (a frame condition).
procedure SwapElems(i: int, j: int)
  modifies a;
  ensures a[i] == old(a)[j] && a[j] == old(a)[i];
  ensures (forall k: int :: k != i && k != j ==> a[k] == old(a)[k]);
{
  var t: int;
  t := a[i];
  a[i] := a[j];
  a[j] := t;
}

procedure SwapElemsWrong(i: int, j: int)
  modifies a;
  ensures a[i] == old(a)[j] && a[j] == old(a)[i];
{
  a[i] := a[j];
  a[j] := a[i];
}

// Binary search in a sorted array.
procedure BinarySearch(n: int, key: int) returns (r: int)
  requires 0 <= n;
  requires (forall p: int, q: int :: 0 <= p && p <= q && q < n ==> a[p] <= a[q]);
  ensures 0 <= r ==> r < n && a[r] == key;
  ensures r < 0 ==> (forall k: int :: 0 <= k && k < n ==> a[k] != key);
{
  var lo: int, hi: int, mid: int;
  lo := 0; hi := n;
  while (lo < hi)
    invariant 0 <= lo && lo <= hi && hi <= n;
    invariant (forall k: int :: 0 <= k && k < lo ==> a[k] != key);
    invariant (forall k: int :: hi <= k && k < n ==> a[k] != key);
  {
    mid := (lo + hi) div 2;
    if (a[mid] < key) {
      lo := mid + 1;
    } else if (key < a[mid]) {
      hi := mid;
    } else {
      r := mid;
      return;
    }
  }
  r := -1;
}

// The same search with an off-by-one mistake in the update of lo.
procedure BinarySearchWrong(n: int, key: int) returns (r: int)
  requires 0 <= n;
  requires (forall p: int, q: int :: 0 <= p && p <= q && q < n ==> a[p] <= a[q]);
  ensures r < 0 ==> (forall k: int :: 0 <= k && k < n ==> a[k] != key);
{
  var lo: int, hi: int, mid: int;
  lo := 0; hi := n;
  while (lo < hi)
    invariant 0 <= lo && lo <= hi && hi <= n;
    invariant (forall k: int :: 0 <= k && k < lo ==> a[k] != key);
    invariant (forall k: int :: hi <= k && k < n ==> a[k] != key);
  {
    mid := (lo + hi) div 2;
    if (a[mid] <= key) {
      lo := mid + 1;     // error: skips a[mid] == key
    } else {
      hi := mid;
    }
  }
  r := -1;
}

// Euclid's algorithm by subtraction, specified with an uninterpreted gcd function.
function gcd(x: int, y: int): int;
axiom (forall x: int :: { gcd(x, x) } x > 0 ==> gcd(x, x) == x);
axiom (forall x: int, y: int :: { gcd(x, y) } x > y && y > 0 ==> gcd(x, y) == gcd(x - y, y));
axiom (forall x: int, y: int :: { gcd(x, y) } y > x && x > 0 ==> gcd(x, y) == gcd(x, y - x));

procedure Euclid(x: int, y: int) returns (r: int)
  requires x > 0 && y > 0;
  ensures r == gcd(x, y);
{
  var p: int, q: int;
  p := x; q := y;
  while (p != q)
    invariant p > 0 && q > 0 && gcd(p, q) == gcd(x, y);
  {
    if (p > q) { p := p - q; } else { q := q - p; }
  }
  r := p;
}

procedure EuclidWrong(x: int, y: int) returns (r: int)
  requires x > 0 && y > 0;
  ensures r == gcd(x, y);
{
  var p: int, q: int;
  p := x; q := y;
  while (p != q)
    invariant p > 0 && q > 0;
  {
    if (p > q) { p := p - q; } else { q := q - p; }
  }
  r := p;              // error (postcondition): the invariant forgot gcd
}

// Integer square root by linear search.
procedure ISqrt(n: int) returns (r: int)
  requires n >= 0;
  ensures r * r <= n && n < (r + 1) * (r + 1);
{
  r := 0;
  while ((r + 1) * (r + 1) <= n)
    invariant r >= 0 && r * r <= n;
  {
    r := r + 1;
  }
}
