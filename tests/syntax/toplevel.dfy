method M() {}
}
x := 5;
ghost 42
include "later.dfy"
method N() {}
