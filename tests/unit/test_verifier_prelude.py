"""The prelude is not contradictory: `assert false` right after it (with every theory template
instantiated: sequences, sets, isets, multisets, maps, boxes, conversions, seq constructors) must fail,
and a trivially true assertion must verify."""

from __future__ import annotations

from pydafny.ivl import ast as I
from pydafny.ivl.results import Verdict
from pydafny.ivl.verify import VerifyOptions, verify_program
from pydafny.verifier import prelude
from pydafny.verifier.encoding import BOX, REF


def _program(claim: I.Expr) -> I.Program:
    decls: list[I.Decl] = list(prelude.base_decls())
    for t, tg in ((I.INT, "int"), (I.BOOL, "bool"), (REF, "Ref"), (BOX, "Box")):
        for theory in ("seq", "set", "iset", "box"):
            if theory == "box" and tg == "Box":
                continue
            decls.extend(prelude.theory_decls(theory, str(t), tg))
    decls.extend(prelude.theory_decls("seq", "Seq.int", "Seq.int"))
    for t, tg in ((I.INT, "int"), (REF, "Ref")):
        decls.extend(prelude.theory_decls("multiset", str(t), tg))
        decls.extend(prelude.theory_decls("seqbox", str(t), tg))
        decls.extend(prelude.theory_decls("seqcreate", str(t), tg))
    decls.extend(prelude.map_decls("int", "int", "Ref", "Ref"))
    decls.extend(prelude.map_decls("Ref", "Ref", "bool", "bool"))
    decls.append(I.ProcedureDecl("P", ()))
    decls.append(I.ImplementationDecl("P", (), (), I.Body((), (I.Block("b", (I.Assert(claim),)),))))
    return I.Program(tuple(decls))


def test_false_after_prelude_fails() -> None:
    results, diags = verify_program(_program(I.BoolLit(False)), VerifyOptions(time_limit=20))
    assert not diags
    assert [r.verdict for r in results] == [Verdict.ERRORS]


def test_true_after_prelude_verifies() -> None:
    results, diags = verify_program(_program(I.BoolLit(True)), VerifyOptions(time_limit=20))
    assert not diags
    assert [r.verdict for r in results] == [Verdict.VERIFIED]
