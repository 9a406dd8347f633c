// constants (module-level, static and instance) are computed in dependency order,
// whatever their order in the source
module Config {
  const Names := map[Low := "low", High := "high", Mid := "mid"]
  const Low := 1
  const High := Twice(Mid)
  const Mid := 5
  function Twice(x: int): int { 2 * x }
}

class Grid {
  static const Cells := Rows * Cols
  static const Rows := 3
  static const Cols := Rows + 1
  const area: int := width * 2
  var width: int
  constructor (w: int) { width := w; }
}

method Main() {
  print Config.Names[Config.High], " ", Config.High, " ", Grid.Cells, "\n";
  var g := new Grid(7);
  print g.area, " ", g.width, "\n";
}
