"""Verify the DafnyBench corpus (all of it verifies with real Dafny) and check soundness.

* Every corpus file is verified (2 worker processes, z3 resource and time limits per VC).
  The number of verified files must not drop below the committed baseline
  `tests/corpus_verify_baseline.txt` (raise the baseline when it improves).
* Soundness: for the files pydafny proves, two mutants are made and must be rejected:
  the first postcondition of a method/function with a body becomes `(P) && false`, and
  `assert false;` is put at the start of the first method body. 0 may be accepted.
  Every proved file's mutants are checked (about 100 s on 2 quiet cores);
  PYDAFNY_CORPUS_MUTANTS=sample checks only every third proved file, for quick local runs.
* The baseline is a floor a little below the measured count: the z3 resource limit decides
  almost every verdict, the wall-clock limit is only a backstop that a loaded machine can hit.
Set PYDAFNY_CORPUS_LIMIT=N to run only the first N files (for quick local runs).
"""

from __future__ import annotations

import multiprocessing
import os
import pathlib
from typing import Optional

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
from corpus_location import CORPUS  # noqa: E402
BASELINE = ROOT / "tests" / "corpus_verify_baseline.txt"
TIME_LIMIT = 10.0           # seconds per VC (a backstop; the resource limit decides)
RESOURCE_LIMIT = 20_000_000  # z3 rlimit per VC: deterministic, unlike wall time


def _verify_mutant(args: tuple[str, str]) -> tuple[str, int]:
    return _verify_text(args, error_limit=1)


def _verify_text(args: tuple[str, str], error_limit: int = 5) -> tuple[str, int]:
    """(name, exit code) of verifying `text` written to a temporary file named like `name`."""
    import tempfile

    from pydafny.commands.verify import VerifyOptions, verify_paths
    name, text = args
    with tempfile.TemporaryDirectory() as d:
        p = os.path.join(d, os.path.basename(name))
        with open(p, "w") as f:
            f.write(text)
        try:
            out = verify_paths([p], VerifyOptions(time_limit=TIME_LIMIT,
                                                  resource_limit=RESOURCE_LIMIT, cores=1,
                                                  error_limit=error_limit))
            return name, out.exit_code
        except Exception:  # a crash is a non-verified outcome
            return name, 70


def mutants(path: str, text: str) -> list[tuple[str, str]]:
    """The two mutants of a program (fewer if it has no suitable declaration)."""
    from pydafny.diagnostics import Reporter
    from pydafny.syntax import ast as D
    from pydafny.syntax.parser import parse_source
    from pydafny.syntax.source import SourceFile
    prog = parse_source(SourceFile(path, text), Reporter())
    ens: Optional[D.SpecExpr] = None
    body: Optional[D.BlockStmt] = None

    def walk(decls: list[D.Decl]) -> None:
        nonlocal ens, body
        for d in decls:
            if isinstance(d, D.ModuleDecl):
                walk(d.decls)
            elif isinstance(d, (D.ClassDecl, D.DatatypeDecl, D.NewtypeDecl)):
                walk(getattr(d, "members", []))
            elif isinstance(d, D.Method) and d.body is not None:
                if ens is None and d.ensures and d.kind != "constructor":
                    ens = d.ensures[0]
                if body is None and d.kind in ("method", "lemma"):
                    body = d.body
            elif isinstance(d, D.Function) and d.body is not None and d.ensures:
                if ens is None:
                    ens = d.ensures[0]

    walk(prog.module.decls)
    out = []
    if ens is not None:
        s, e = ens.expr.span.start, ens.expr.span.end
        out.append((path + "#ensures", text[:s] + "(" + text[s:e] + ") && false" + text[e:]))
    if body is not None:
        s = body.span.start + 1
        out.append((path + "#assert", text[:s] + " assert false; " + text[s:]))
    return out


def _files() -> list[str]:
    if not CORPUS.is_dir():
        return []
    files = sorted(str(p) for p in CORPUS.glob("*.dfy"))
    limit = os.environ.get("PYDAFNY_CORPUS_LIMIT")
    return files[: int(limit)] if limit else files


@pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus not available")
def test_corpus_verifies_and_mutants_fail() -> None:
    files = _files()
    jobs = [(f, pathlib.Path(f).read_text(errors="replace")) for f in files]
    # spawn, not fork: mutants() imports parser modules in this process while the pool's
    # handler thread starts replacement workers (maxtasksperchild); a fork taken while an
    # import lock is held leaves the child waiting on that lock for ever.
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2, maxtasksperchild=20) as pool:
        results = dict(pool.map(_verify_text, jobs, chunksize=1))
        proved = [f for f in files if results.get(f) == 0]
        sample = proved[::3] if os.environ.get("PYDAFNY_CORPUS_MUTANTS") == "sample" else proved
        mjobs = []
        for f, text in jobs:
            if f in sample:
                mjobs.extend(mutants(f, text))
        mresults = dict(pool.map(_verify_mutant, mjobs, chunksize=1))
    accepted = sorted(name for name, rc in mresults.items() if rc == 0)
    assert accepted == [], f"unsound: mutants accepted: {accepted}"
    if os.environ.get("PYDAFNY_CORPUS_LIMIT"):
        return
    baseline = int(BASELINE.read_text().split()[0]) if BASELINE.exists() else 0
    print(f"corpus: {len(proved)} of {len(files)} verified; {len(mjobs)} mutants rejected")
    assert len(proved) >= baseline, f"corpus verified count dropped: {len(proved)} < {baseline}"
