const c = 5
const d := 6
class C { var x: int := 1 }
