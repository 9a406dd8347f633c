var x: int
module M { var y: int }
class C { var ok: int }
datatype D = A { const k := 1 }
