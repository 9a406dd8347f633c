"""Compile and run every corpus program (../shared/corpus/dafnybench) that has a Main
method, with `pydafny run --no-verify`: each must run to completion (exit 0).

A few programs use constructs Dafny itself refuses to compile (body-less methods, `if *`,
`:| assume`) or that pydafny does not compile yet (iterators, refinement skeletons); they
are listed in EXPECTED_UNSUPPORTED with the reason, and must fail cleanly: exit code 3 and
an error naming the construct, never a crash. Each program gets a timeout.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from corpus_location import CORPUS
TIMEOUT = 30
MAIN_RE = re.compile(r"^\s*(static\s+)?method\s+(\{:[^}]*\}\s*)*Main\b", re.MULTILINE)

EXPECTED_UNSUPPORTED: dict[str, str] = {
    "circular-queue-implemetation_tmp_tmpnulfdc9l_Queue.dfy": "has no body",
    "dafny-language-server_tmp_tmpkir0kenl_Test_dafny4_Bug165.dfy": "has no body",
    "dafl_tmp_tmp_r3_8w3y_dafny_examples_dafny0_SeqFromArray.dfy": "nondeterministic",
    "dafny-language-server_tmp_tmpkir0kenl_Test_hofs_Requires.dfy": "nondeterministic",
    "Program-Verification-Dataset_tmp_tmpgbdrlnu__Dafny_from dafny main "
    "repo_dafny2_StoreAndRetrieve.dfy": "no finite bound",
    "Program-Verification-Dataset_tmp_tmpgbdrlnu__Dafny_from dafny main "
    "repo_dafny3_CachedContainer.dfy": "EllipsisExpr",
    "Program-Verification-Dataset_tmp_tmpgbdrlnu__Dafny_from dafny main "
    "repo_dafny3_Iter.dfy": "nondeterministic",
}


def _programs() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    out = []
    for p in sorted(CORPUS.glob("*.dfy")):
        text = p.read_text(errors="replace")
        # ignore Mains inside comments
        text = re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL)
        text = re.sub(r"//[^\n]*", "", text)
        if MAIN_RE.search(text):
            out.append(p)
    return out


PROGRAMS = _programs()


def test_corpus_has_programs_with_main() -> None:
    if not CORPUS.is_dir():
        pytest.skip("corpus not available")
    assert len(PROGRAMS) >= 40


@pytest.mark.parametrize("path", PROGRAMS, ids=[p.stem[:60] for p in PROGRAMS])
def test_corpus_program_runs(path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pydafny.cli", "run", "--no-verify", str(path)],
        check=False, capture_output=True, text=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
    out = proc.stdout + proc.stderr
    assert "Traceback" not in out and "internal error" not in out, out[-2000:]
    reason = EXPECTED_UNSUPPORTED.get(path.name)
    if reason is not None:
        assert proc.returncode == 3 and reason in out, out[-2000:]
    else:
        assert proc.returncode == 0, out[-2000:]
