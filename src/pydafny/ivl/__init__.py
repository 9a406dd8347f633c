"""pydafny.ivl"""
