"""pydafny.compiler"""
