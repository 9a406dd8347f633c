"""Where the shared corpus of real Dafny programs lives, for every corpus test.

`PYDAFNY_CORPUS` overrides; otherwise `../shared/corpus/dafnybench` beside the checkout,
then `/work/shared/corpus/dafnybench`. `CORPUS_FILES` is empty when none exists, and the
corpus tests skip with that reason.
"""

from __future__ import annotations

import os
from pathlib import Path

_CANDIDATES = [
    os.environ.get("PYDAFNY_CORPUS", ""),
    str(Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dafnybench"),
    "/work/shared/corpus/dafnybench",
]

CORPUS: Path = next((Path(c) for c in _CANDIDATES if c and Path(c).is_dir()),
                    Path(_CANDIDATES[1]))
CORPUS_FILES: list[str] = sorted(str(p) for p in CORPUS.glob("*.dfy")) if CORPUS.is_dir() else []
