"""Name resolution and type checking of a parsed Dafny program.

`resolve(program, reporter) -> bool` takes the parser's `ast.Program` (all top-level
declarations in the default module `_default`, nested modules inside it) and annotates it
in place. It reports every error it finds to `reporter` (Dafny's wording, e.g.
`unresolved identifier: x`, `RHS (of type bool) not assignable to LHS (of type int)`) and
returns True iff it reported no error. It never raises on bad input.

Guarantees after `resolve` returned True (the contract with the translator and compiler)
----------------------------------------------------------------------------------------
Types
* Every `Expr.type` is set, except on a `NameExpr`/`MemberSelect` that denotes a module or
  a type (only possible as the `obj` of a `MemberSelect`, e.g. `M.f`, `D.Ctor`,
  `C.staticMethod`); those have `type` None and `decl` the `ModuleDecl` / type decl.
* No inference variable remains in an `Expr.type`, a `LocalVar.type` or a `BoundVar.type`:
  every `InferredType` written for a declared variable is replaced by the inferred type
  (the `InferredType` object's `resolved` is set too). A `VarPattern.type` stays as
  written (often None); the type of the variable it binds is `VarPattern.decl.type`.
  Every `UserType` written in the program has its `decl` set. Types that nothing
  constrains default to `int`. Synonyms may remain: use `types.normalize`.
* Inferred local-variable types (`var x := e`) follow Dafny's inference, which keeps
  subset types (checked against the reference Dafny): `var x := n` (n: nat) gives nat,
  `[n]` gives `seq<nat>`, `(n, n)` gives `(nat, nat)`; `var i := 0; ... r := i` with
  `r: nat` makes i a nat; but a later assignment of a wider value (`x := x + y`, y: int)
  makes x an int, comparisons (`i < n`) do not make a variable a nat, and arithmetic on a
  declared subset-typed value has the base type (`var y := n - 1` gives int) while
  arithmetic on an inferred local has the local's type (`x - 1` is a nat when x is),
  except that a local that is a subset type only because it was used as one (`var i := 0;
  var r: nat := i;`) becomes an int on `i := i - 1` or `i := -1`.
  An if-then-else whose type is inferred has no top-level subset type (`var x := if c
  then n else 0` gives int), and a bound variable with a declared type (`set k: nat | k
  in xs`) does not narrow the collection's element type. Declared types are kept as written. An inferred `for` index has the base type.
* Integer literals have the type their context requires (int, a newtype, a bitvector, real
  is not allowed); string literals have type `seq<char>`; `|s|`, `a.Length` have type int.
* Every `UserType.decl` (in declarations and in resolved types) is a `ClassDecl`,
  `DatatypeDecl`, `NewtypeDecl`, `SubsetTypeDecl`, `TypeSynonymDecl` (incl. opaque types),
  a `TypeParam`, or a built-in from `semantics.builtins` (`NAT`, `STRING`, `OBJECT`,
  `ARRAY(n)`). A nullable reference type `C?` / `array?` is a UserType whose last path
  element ends in '?'.
* Class-instance types are `UserType([C.name], args, decl=C)`; `this` has type
  `C<its own type parameters>`. In a datatype/newtype member, `this` has that type.

Names
* `NameExpr.decl` is one of: `LocalVar` (from `var`; also the variables bound by the
  patterns of a match *statement* and of `var (a, b) := e;`), `Formal` (method/function/
  constructor/iterator parameter, method out-parameter, a function's named result, the
  implicit ORDINAL `_k` of least/greatest lemmas and predicates, an iterator's `xs`
  history), `BoundVar` (quantifier, comprehension, lambda, `for` index, let and
  match-expression pattern variable, subset-type/newtype constraint variable), `Field`
  (incl. an implicit `this.f` and a module-level `const`), `Function`, `Method` (only as
  an ApplyExpr callee),
  `DatatypeCtor` (a constructor used without parentheses is a NameExpr/MemberSelect whose
  decl is the DatatypeCtor), a `ModuleDecl` or a type decl (as a prefix only).
  A NameExpr `C?` whose decl is a DatatypeCtor (name ending in '?') is the discriminator
  applied to an implicit `this` (inside a datatype member).
  Implicit `this`: a NameExpr whose decl is a non-static Field/Function/Method of the
  enclosing class/datatype/newtype (its `owner`) means `this.name`.
* `MemberSelect.decl`: `Field`, `Function`, `Method`, `DatatypeCtor` (for `D.Ctor`, and
  with a name ending in '?' for a discriminator `d.Ctor?`), a destructor `Formal` of a
  constructor (`d.x`; the Formal's owner ctor is found via `DatatypeCtor.formals`), or a
  `builtins.BuiltinMember` (`m.Keys`, `t.0`, `f.requires`, `r.Floor`, ...). Array lengths
  are the Fields of `builtins.ARRAY(n)`.
* Module-level functions, methods and consts have `owner` set to their `ModuleDecl`;
  class/trait/datatype/newtype/opaque-type members have `owner` set to that decl;
  `DatatypeCtor.owner` is its `DatatypeDecl`.
* `{:autocontracts}` classes are rewritten (`semantics.autocontracts`): their generated
  members (`Repr`, `Valid`), specifications and ghost statements are ordinary, resolved
  parts of the AST.
* Synthesized members (not in any `members` list, owner set): an iterator's fields for
  its parameters, `xs` yield histories, ghost `_new`/`_reads`/`_modifies`, `Valid()` and
  `MoveNext()` (owner the IteratorDecl).
* A `var a := new C(...)` whose constructor is a `ghost constructor` has its LocalVar's
  `is_ghost` set (Dafny infers such a local to be ghost).
* `ImportDecl.decl` is the imported `ModuleDecl`. `SubsetTypeDecl.var_decl` and
  `NewtypeDecl.var_decl` are the BoundVars of their constraints.

Checks (errors reported)
* Undeclared names and types, wrong type-argument counts, type mismatches (assignment,
  arguments, operators, conditions, collections, patterns), argument counts, duplicate
  names, assignment to non-mutables, methods called in expressions, `this` in static
  contexts, `break`/`continue` placement, frames that are not objects, and the
  ghost/compiled rules of `semantics.ghost` (run only when typing found no error).
  Definite assignment, exhaustiveness of `match` and subset-type constraints are left to
  the verifier.

Not resolved as expressions
* Arguments of attributes `{:name args}` are resolved leniently (errors in them are not
  reported) on quantifiers, statements' and bound variables' attributes, and not at all
  elsewhere: do not rely on their annotations.
* The targets of `reveal` are names: a `NameExpr`/`ApplyExpr` there has `decl` set to the
  revealed Function (kind 'function') or lemma when it names one, else nothing (labels);
  they have no `type`.

Refinement (lenient)
* A module `B refines A` sees A's declarations it does not redeclare; a type redeclared
  in B inherits the members of A's (via its member table); a `method M...` with an
  omitted signature takes the refined method's formals (its `ins`/`outs` are set to the
  same Formal objects) and specification (its `requires`/`modifies`/`reads`/`ensures`
  lists start with the refined method's clauses, the same objects; adding requires or
  modifies is an error); `...;` brings the refined body's top-level locals into scope.
  Type parameters of a type and of its refinement are treated as equal.

Calls
* `ApplyExpr.kind`: 'function' (decl a Function; also predicates), 'method' (decl a Method
  that is a method or constructor), 'lemma' (decl a Method whose kind contains 'lemma'),
  'ctor' (decl a DatatypeCtor), 'lambda' (applying a value of arrow type; decl None).
  The type of a method/lemma call is the type of its single out-parameter, or a
  `TupleType` of the out-parameter types when it has none or several.
  `ApplyExpr.inst` (None for 'lambda') is the list of the callee's own type arguments
  (callee decl's `type_params` order, including `_Ti` parameters that Dafny's rule for
  omitted type arguments in signatures added, e.g. `function Len(xs: List): nat`, also for
  `seq`/`set`/`multiset`/`map` without arguments in a method or function signature). `args` stay as written (positional, then named `x := e`
  bindings); `semantics.calls.formal_args(args, formals)` matches them to the formals in
  declaration order, filling omitted ones with the formals' (resolved) default values.
* A method or lemma call ('method'/'lemma') appears only as the whole `expr` of an
  `ExprRhs` of an `AssignStmt` (a call statement has no lhss, `a, b := M(x)` has several),
  of a `VarDeclStmt`'s rhs, or of an `AssignOrReturnStmt`; a lemma call may also be the
  statement of a `StmtExpr`. Never inside another expression.
* `NewObjectRhs.ctor_decl` is the constructor `Method`, or the initialization method
  named by `new C.Init(x)`; None for a class without constructors and for iterators
  (`new Iter(x)`, whose arguments are the iterator's in-parameters).
* `BinaryExpr.resolved_op` is `"<op>:<family>"` where family is `types.family` of the left
  operand, or of the right operand for `in`/`!in` (e.g. `+:int`, `+:seq`, `+:set`,
  `+:multiset`, `+:map`, `-:map` (map minus key set), `<=:set` (subset), `<:seq` (proper
  prefix), `in:map` (key membership), `==:datatype`, `*:real`, `<<:bv`). Chained
  comparisons are left as `ChainExpr`s (each adjacent pair compared with `ops[i]`).
* `VarPattern.ctor` is the DatatypeCtor for a nullary constructor pattern; otherwise
  `VarPattern.decl` is the variable it binds. `CtorPattern.ctor` is the DatatypeCtor
  (None for tuple patterns, name '').
* `FrameExpr.field_decl` is the Field of `o`f` / `` `f`` frames.
"""

from __future__ import annotations

from ..diagnostics import Reporter
from ..syntax import ast


def resolve(program: ast.Program, reporter: Reporter) -> bool:
    """Resolve and type-check `program` in place; True iff no error was reported."""
    from .driver import run_resolution
    return run_resolution(program, reporter)
