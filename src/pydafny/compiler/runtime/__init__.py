"""pydafny.compiler.runtime"""
