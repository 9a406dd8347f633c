const c: int := F()
function F(): int { c + 1 }
method M() ensures false {}

// no cycle: b depends on a and G, G on a only
const a: int := 3
const b: int := a + G()
function G(): int { a * 2 }

// a longer cycle through two functions and a constant
const d: int := H1()
function H1(): int { H2() }
function H2(): int { e }
const e: int := d
