"""pydafny.verifier"""
