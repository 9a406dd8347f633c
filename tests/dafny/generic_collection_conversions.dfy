// Concrete collections (set<(int,int)>, seq<seq<int>>, map<int,bool>) passed to and returned
// from generic functions, lemmas and methods: converted element-wise between the concrete and
// the boxed representation, without making up facts (the last two methods must fail).
lemma CardLess<A, B>(a: set<A>, b: set<B>, k: B, m: map<A, B>)
  requires k in b
  requires forall x :: x in a ==> x in m && m[x] in b - {k}
  requires forall x, y :: x in a && y in a && x != y ==> m[x] != m[y]
  ensures |a| < |b|
{
  if x :| x in a {
    CardLess(a - {x}, b - {m[x]}, k, m);
  }
}

method UsePairs(s: set<(int, int)>, t: set<int>, m: map<(int, int), int>, k: int)
  requires k in t
  requires forall p :: p in s ==> p in m && m[p] in t - {k}
  requires forall p, q :: p in s && q in s && p != q ==> m[p] != m[q]
{
  CardLess(s, t, k, m);
  assert |s| < |t|;
}

function Flatten<T>(ss: seq<seq<T>>): seq<T> {
  if |ss| == 0 then [] else ss[0] + Flatten(ss[1..])
}

function G<T>(ss: seq<seq<T>>): seq<T>
lemma {:axiom} GLast<T>(ss: seq<seq<T>>)
  requires |ss| > 0
  ensures G(ss) == G(ss[..|ss| - 1]) + ss[|ss| - 1]

lemma Nested(s: seq<seq<int>>, t: seq<int>)
{
  GLast(s + [t]);
  assert (s + [t])[..|s|] == s;
  assert G(s + [t]) == G(s) + t;
  assert Flatten([[1, 2]]) == [1, 2];
}

method Merge<K, V>(m: map<K, V>, n: map<K, V>, a: K) returns (p: map<K, V>)
  requires a in m
  ensures p == m + n
{
  p := m + n;
}

method UseMerge(m: map<int, bool>, n: map<int, bool>)
  requires 3 in m && 4 in n && 3 !in n
{
  var p := Merge(m, n, 3);
  assert p[3] == m[3];
  assert p[4] == n[4];
  assert 5 in p ==> 5 in m || 5 in n;
}

method Keys<K, V>(m: map<K, V>) returns (s: set<K>)
  ensures s == m.Keys

method UseKeys(m: map<int, int>)
  requires 1 in m
{
  var s := Keys(m);
  assert 1 in s;
  assert |s| == |m|;
}

function Id<T>(s: set<T>): set<T> { s }

lemma UseId(s: set<seq<int>>)
  requires [1] in s
{
  assert [1] in Id(s);
  assert Id(s) == s;
}

// failing cases: conversions must not make up facts
method UseMergeWrong(m: map<int, bool>, n: map<int, bool>)
  requires 3 in m && 4 in n
{
  var p := Merge(m, n, 3);
  assert p[3] == m[3];  // error: n may have key 3 too
}

lemma UseIdWrong(s: set<seq<int>>)
{
  assert |Id(s)| > 0;  // error
}
