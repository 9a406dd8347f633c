"""pydafny.smt: solver-independent terms (`terms`), the narrow solver protocol with a fake
solver for tests (`solver`), and the z3 backend (`z3_backend`, the only module importing z3)."""
