"""pydafny: a program verifier for the Dafny language, written in Python."""

__version__ = "0.1.0"
