"""One module per CLI subcommand; each exposes `run(argv: list[str]) -> int`."""
