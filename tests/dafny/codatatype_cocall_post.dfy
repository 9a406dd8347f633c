// The postcondition of a co-recursive call is not assumed in the function's own check (that
// would be circular: this function's ensures would prove itself).
codatatype Stream = Cons(head: int, tail: Stream)

function Circular(n: int): Stream ensures Circular(n).head == n + 1 { Cons(n, Circular(n)) }  // error
function Fine(n: int): Stream ensures Fine(n).head == n { Cons(n, Fine(n + 1)) }
