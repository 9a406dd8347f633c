"""Throughput of the compiled framing showcase (issue 6):
`python benchmarks/framing_throughput.py [--size-mb 10] [--frame-length 4096] [--repeat 3]`.

Encrypts and decrypts a random file (default 10 MB, frame length 4096) with
examples/framing/encrypt_file.py, i.e. Framing.dfy compiled by `pydafny translate py` with
AES-256-GCM behind its `{:extern}` AEAD, and prints MB/s (best of --repeat runs; the one-off
translation is timed separately). For scale it also prints the MB/s of calling AES-GCM
directly on the same frames, the floor cost of the cryptography alone.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "examples" / "framing"))

import encrypt_file  # noqa: E402
from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: E402


def best_of(repeat: int, work):  # type: ignore[no-untyped-def]
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - t0)
    return best, result


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size-mb", type=float, default=10.0)
    ap.add_argument("--frame-length", type=int, default=4096)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    size = int(args.size_mb * 1_000_000)
    mb = size / 1_000_000
    data = os.urandom(size)
    key = os.urandom(32)

    t0 = time.perf_counter()
    encrypt_file.load()
    print(f"translate + load Framing.dfy: {time.perf_counter() - t0:.2f} s (cached after the first run)")

    t_enc, enc = best_of(args.repeat, lambda: encrypt_file.encrypt_bytes(
        key, data, args.frame_length))
    t_dec, dec = best_of(args.repeat, lambda: encrypt_file.decrypt_bytes(key, enc))
    assert dec == data, "round trip failed"
    n_frames = size // args.frame_length + 1
    print(f"{mb:g} MB, frame length {args.frame_length} ({n_frames} frames), "
          f"best of {args.repeat}:")
    print(f"  compiled framing  encrypt {mb / t_enc:8.1f} MB/s ({t_enc:.3f} s)   "
          f"decrypt {mb / t_dec:8.1f} MB/s ({t_dec:.3f} s)")

    gcm = AESGCM(key)
    iv = bytes(12)
    chunks = [data[i:i + args.frame_length] for i in range(0, size, args.frame_length)]
    t_raw, sealed = best_of(args.repeat, lambda: [gcm.encrypt(iv, c, b"") for c in chunks])
    t_raw_d, _ = best_of(args.repeat, lambda: [gcm.decrypt(iv, c, b"") for c in sealed])
    print(f"  raw AES-GCM       encrypt {mb / t_raw:8.1f} MB/s ({t_raw:.3f} s)   "
          f"decrypt {mb / t_raw_d:8.1f} MB/s ({t_raw_d:.3f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
