"""Property test of the printer: random expression trees (fixed seed) print to text that
parses back to the same tree, whatever the nesting of precedences, endless expressions,
suffixes and generic instantiations."""

from __future__ import annotations

import random

from pydafny.diagnostics import Reporter
from pydafny.syntax import ast as A
from pydafny.syntax.parser import parse_source
from pydafny.syntax.printer import print_expr
from pydafny.syntax.source import SourceFile

NAMES = ["a", "b", "c", "x", "y"]
LOGIC = ["<==>", "==>", "<==", "&&", "||"]
REL = ["==", "!=", "<", "<=", ">", ">=", "in", "!in", "!!"]
ARITH = ["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>"]


class Gen:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def leaf(self) -> A.Expr:
        r = self.rng.randrange(9)
        if r < 4:
            return A.NameExpr(self.rng.choice(NAMES))
        if r == 4:
            v = self.rng.randrange(100)
            return A.IntLit(v, str(v))
        if r == 5:
            return A.BoolLit(self.rng.random() < 0.5)
        if r == 6:
            return A.StringLit(self.rng.choice(["s", 'q"\n', ""]))
        if r == 7:
            return A.NameExpr("f", [A.IntType()])
        return A.RealLit("1.5")

    def expr(self, depth: int) -> A.Expr:
        if depth <= 0:
            return self.leaf()
        d = depth - 1
        r = self.rng.randrange(32)
        e = self.expr
        if r < 4:
            op = self.rng.choice(LOGIC + REL + ARITH)
            return A.BinaryExpr(op, e(d), e(d))
        if r == 4:
            return A.ChainExpr([e(d), e(d), e(d)], self.rng.choice([["<", "<="], [">", ">="],
                                                                   ["==", "!="], ["!!", "!!"]]))
        if r == 5:
            return A.UnaryExpr(self.rng.choice(["-", "!", "|.|"]), e(d))
        if r == 6:
            return A.ConversionExpr(e(d), self.rng.choice([A.IntType(), A.RealType(),
                                                          A.UserType(["T"], [A.IntType()])]))
        if r == 7:
            return A.ITEExpr(e(d), e(d), e(d))
        if r == 8:
            return A.QuantifierExpr(self.rng.choice(["forall", "exists"]),
                                    [A.BoundVar("i", A.InferredType())],
                                    e(d) if self.rng.random() < 0.5 else None, e(d))
        if r == 9:
            return A.LambdaExpr([A.BoundVar("i", A.IntType())], [], [], e(d))
        if r == 10:
            return A.LetExpr([A.VarPattern("v")], [e(d)], e(d))
        if r == 11:
            return A.SeqDisplay([e(d), e(d)])
        if r == 12:
            return A.SetDisplay([e(d)])
        if r == 13:
            return A.TupleExpr([e(d), e(d)])
        if r == 14:
            return A.IndexExpr(e(d), e(d))
        if r == 15:
            return A.SliceExpr(e(d), e(d), None)
        if r == 16:
            return A.MemberSelect(e(d), self.rng.choice(["f", "0", "Length"]))
        if r == 17:
            return A.ApplyExpr(e(d), [A.Binding(e(d)), A.Binding(e(d))])
        if r == 18:
            return A.MatchExpr(e(d), [A.MatchCaseExpr(A.CtorPattern("C", [A.VarPattern("p")]),
                                                      e(d)),
                                      A.MatchCaseExpr(A.VarPattern("_"), e(d))],
                               self.rng.random() < 0.5)
        if r == 19:
            return A.SeqUpdateExpr(e(d), e(d), e(d))
        if r == 20:
            return A.SetComprehension([A.BoundVar("k", A.InferredType())], e(d), e(d))
        if r == 21:
            return A.StmtExpr(A.AssertStmt(e(d)), e(d))
        if r == 22:
            return A.PrefixEqExpr(e(d), e(d), e(d), self.rng.random() < 0.5)
        if r == 23:
            return A.TypeTestExpr(e(d), A.UserType(["C"], []))
        if r == 24:
            return A.OldExpr(e(d), self.rng.choice([None, "L"]))
        if r == 25:
            return A.MapDisplay([(e(d), e(d))], self.rng.random() < 0.5)
        if r == 26:
            return A.DatatypeUpdateExpr(e(d), [("f", e(d))])
        if r == 27:
            return A.SeqSplitExpr(e(d), [e(d), e(d)], self.rng.random() < 0.5)
        if r == 28:
            return A.MapComprehension([A.BoundVar("k", A.IntType())], e(d),
                                      e(d) if self.rng.random() < 0.5 else None, e(d))
        if r == 29:
            return A.LetExpr([A.VarPattern("v"), A.VarPattern("w")], [e(d)], e(d), True)
        if r == 30:
            return A.QuantifierExpr("forall", [A.BoundVar("i", A.InferredType(), e(d))],
                                    None, e(d), [A.Attribute("trigger", [e(d)])])
        return A.LambdaExpr([A.BoundVar("i", A.InferredType()), A.BoundVar("j", A.IntType())],
                            [e(d)], [A.FrameExpr(e(d))], e(d))


def reparse(text: str) -> A.Expr | None:
    rep = Reporter()
    prog = parse_source(SourceFile("p.dfy", f"const k := {text}"), rep)
    if rep.has_errors():
        return None
    d = prog.module.decls[0]
    assert isinstance(d, A.Field)
    return d.init


def test_random_expressions_round_trip() -> None:
    gen = Gen(20240611)
    failures: list[str] = []
    for _ in range(3000):
        e = gen.expr(gen.rng.randrange(1, 5))
        text = print_expr(e)
        if reparse(text) != e:
            failures.append(text)
    assert not failures, "\n".join(failures[:10])


class StmtGen(Gen):
    """Random statements over the random expressions (depth-limited), in shapes the
    parser can produce (a brace-less match only as the last statement of a block)."""

    def block(self, depth: int) -> A.BlockStmt:
        return A.BlockStmt(self.stmts(depth, True))

    def stmts(self, depth: int, in_block: bool = False) -> list[A.Stmt]:
        out = [self.stmt(depth) for _ in range(self.rng.randrange(0, 3))]
        if in_block and depth > 0 and self.rng.random() < 0.2:
            out.append(A.MatchStmt(self.expr(1), [
                A.MatchCaseStmt(A.VarPattern("_"), self.stmts(depth - 1))], False))
        return out

    def stmt(self, depth: int) -> A.Stmt:
        e = self.expr
        r = self.rng.randrange(14 if depth > 0 else 7)
        d = depth - 1
        if r == 0:
            return A.VarDeclStmt([A.LocalVar("v", A.InferredType())],
                                 A.AssignStmt([A.NameExpr("v")], [A.ExprRhs(e(2))]))
        if r == 1:
            return A.AssignStmt([e(1)], [A.ExprRhs(e(2))])
        if r == 2:
            return A.AssertStmt(e(2), self.rng.choice([None, "L"]))
        if r == 3:
            return A.AssignStmt([], [A.ExprRhs(A.ApplyExpr(A.NameExpr("M"),
                                                           [A.Binding(e(2))]))])
        if r == 4:
            return A.PrintStmt([e(2), e(1)])
        if r == 5:
            return A.AssignSuchThatStmt([A.NameExpr("x")], e(2))
        if r == 6:
            return A.ReturnStmt([A.ExprRhs(e(2))] if self.rng.random() < 0.5 else None)
        if r == 7:
            return A.IfStmt(e(2) if self.rng.random() < 0.8 else None, self.block(d),
                            self.block(d) if self.rng.random() < 0.5 else None)
        if r == 8:
            return A.WhileStmt(e(2), A.LoopSpec([A.SpecExpr(e(2))], A.Decreases([e(1)])),
                               self.block(d))
        if r == 9:
            return A.MatchStmt(e(1), [A.MatchCaseStmt(A.CtorPattern("C", [A.VarPattern("p")]),
                                                      self.stmts(d)),
                                      A.MatchCaseStmt(A.VarPattern("_"), self.stmts(d))], True)
        if r == 10:
            return A.CalcStmt(None, [A.CalcStep(e(2), "==", self.block(d)), A.CalcStep(e(2))])
        if r == 11:
            return A.ForallStmt([A.BoundVar("i", A.InferredType())], e(2), [], self.block(d))
        if r == 12:
            return A.LabeledStmt("L", A.WhileStmt(None, A.LoopSpec(), self.block(d)))
        return A.AlternativeIfStmt([A.GuardedAlternative(e(2), self.stmts(d)),
                                    A.GuardedAlternative(e(1), self.stmts(d))])


def test_random_statements_round_trip() -> None:
    from pydafny.syntax.printer import print_program
    gen = StmtGen(77)
    failures: list[str] = []
    for _ in range(600):
        body = gen.block(gen.rng.randrange(1, 4))
        m = A.Method("method", "M", [], [], [], body=body)
        prog = A.Program(A.ModuleDecl("_default", [m]))
        text = print_program(prog)
        rep = Reporter()
        again = parse_source(SourceFile("s.dfy", text), rep)
        if rep.has_errors() or again.module != prog.module:
            failures.append(text)
    assert not failures, "\n----\n".join(sorted(failures, key=len)[:3])
