"""Dafny surface syntax: source files and spans, tokens, lexer, parser, AST, printer."""
