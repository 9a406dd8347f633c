"""pydafny.semantics"""
