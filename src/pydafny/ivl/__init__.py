"""pydafny.ivl: the Boogie-like intermediate verification language.

Pipeline: text --parser--> ast --typecheck--> ProgramInfo --cfg--> blocks --loops--> acyclic
blocks --vcgen (with encode)--> SMT terms --smt--> verdicts. The entry point for programs built
in memory is `pydafny.ivl.verify.verify_program`; `pydafny boogie` reads the text form.
"""
