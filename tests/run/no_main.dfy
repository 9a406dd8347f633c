function F(x: int): int { x + 1 }
