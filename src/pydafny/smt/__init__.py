"""pydafny.smt"""
