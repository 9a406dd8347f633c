"""pydafny.compiler: resolved Dafny -> readable Python, and the runtime it runs on.

* `python_gen.compile_program(program, source_name)` -> `GeneratedModule` (text + Main);
  `gen_exprs`, `gen_stmts`, `gen_types`, `gen_bounds`, `gen_tailcalls` are its parts.
* `driver` loads, compiles and runs programs for `pydafny run` / `pydafny translate py`.
* `runtime` is imported by generated code (`import pydafny.compiler.runtime as _rt`).
"""
