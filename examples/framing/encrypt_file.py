#!/usr/bin/env python3
"""encrypt_file.py: encrypt and decrypt files with the verified framing library.

    python encrypt_file.py keygen KEYFILE
    python encrypt_file.py encrypt --key KEYFILE [--frame-length N] IN OUT
    python encrypt_file.py decrypt --key KEYFILE IN OUT

Takes a 32-byte master key file; uses `Framing.dfy` compiled by `pydafny translate py` (the
verified splitting, framing, serialization, parsing and sequence checks) with its
`{:extern}` AEAD bound to AES-256-GCM (`aead_extern.py`). Guarantees: decryption either
writes exactly the plaintext that was encrypted, or fails (exit code 1, nothing written).

File format: a 28-byte header -- magic `PDFRAME1` (8 bytes), a random message id (16 bytes),
the frame length (4 bytes, big-endian) -- followed by the serialized frames. Each message is
encrypted under its own data key, HKDF-SHA256(master key, salt = message id), since frame
IVs restart at 1 in every message; the whole header is passed to the Dafny code as the
message id, so it is authenticated with every frame.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import os
import subprocess
import sys
import threading
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, TypeVar

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import aead_extern  # noqa: E402  (lives next to this file)

DFY = HERE / "Framing.dfy"
EXTERN = HERE / "aead_extern.py"
STACK_BYTES = 256 * 1024 * 1024
RECURSION_LIMIT = 200_000
T = TypeVar("T")
MAGIC = b"PDFRAME1"
MESSAGE_ID_LEN = 16
HEADER_LEN = len(MAGIC) + MESSAGE_ID_LEN + 4
DEFAULT_FRAME_LENGTH = 4096
MAX_FRAME_LENGTH = 2**32 - 1


class FramingError(Exception):
    """Encryption or decryption failed (bad input, tampering, wrong key, compile failure)."""


# ------------------------------------------------------------------ the compiled module

_compiled: "Framing | None" = None


class Framing:
    """The compiled Dafny module `Framing`, with Python-friendly entry points (bytes in,
    bytes out). Built by `load()`; `module` is the generated Python module."""

    __slots__ = ("module", "_encrypt_message", "_serialize_frame", "_decrypt_bytes")

    def __init__(self, module: ModuleType) -> None:
        self.module = module
        self._encrypt_message = _member(module, "EncryptMessage")
        self._serialize_frame = _member(module, "SerializeFrame")
        self._decrypt_bytes = _member(module, "DecryptBytes")
        _member(module, "AEADOpen").use_option_type(module)

    def encrypt(self, key: bytes, message_id: bytes, frame_length: int,
                plaintext: bytes) -> list[bytes]:
        """The serialized frames of `plaintext` (their concatenation is the stream)."""
        def work() -> list[bytes]:
            res = self._encrypt_message(aead_extern.to_seq(key), aead_extern.to_seq(message_id),
                                        frame_length, aead_extern.to_seq(plaintext))
            return [aead_extern.to_bytes(self._serialize_frame(f)) for f in _unwrap(res)]
        return _deep_call(work)

    def decrypt(self, key: bytes, message_id: bytes, frame_length: int,
                stream: bytes) -> list[bytes]:
        """The decrypted frame contents of `stream`, in order; FramingError if rejected."""
        def work() -> list[bytes]:
            res = self._decrypt_bytes(aead_extern.to_seq(key), aead_extern.to_seq(message_id),
                                      frame_length, aead_extern.to_seq(stream))
            return [aead_extern.to_bytes(p) for p in _unwrap(res)]
        return _deep_call(work)


def _member(module: ModuleType, name: str) -> Any:
    """The generated Python object for member `name` of Dafny module Framing."""
    for attr in (f"Framing__{name}", name):
        f = getattr(module, attr, None)
        if f is not None:
            return f
    raise FramingError(f"the compiled framing module has no '{name}'")


def _unwrap(res: Any) -> Any:
    """The value of a Dafny `Result` (Success(value) / Failure(error)), or FramingError."""
    if hasattr(res, "value"):
        return res.value
    error = getattr(res, "error", res)
    raise FramingError(error if isinstance(error, str) else "".join(error))


def _deep_call(work: Callable[[], T]) -> T:
    """work() on a thread with a large stack: the compiled functions recurse once per frame."""
    result: list[Any] = []
    failure: list[BaseException] = []

    def target() -> None:
        try:
            result.append(work())
        except BaseException as e:  # noqa: BLE001 - re-raised on the calling thread
            failure.append(e)

    old_limit, old_size = sys.getrecursionlimit(), threading.stack_size()
    try:
        threading.stack_size(STACK_BYTES)
        sys.setrecursionlimit(max(old_limit, RECURSION_LIMIT))
        t = threading.Thread(target=target, name="framing")
        t.start()
        t.join()
    finally:
        threading.stack_size(old_size)
        sys.setrecursionlimit(old_limit)
    if failure:
        raise failure[0]
    return result[0]


def _cache_dir() -> Path:
    base = os.environ.get("PYDAFNY_FRAMING_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache"), "pydafny-framing")
    return Path(base)


def _fingerprint() -> str:
    """Changes whenever Framing.dfy, the extern or pydafny's compiler changes."""
    import pydafny.compiler
    h = hashlib.sha256()
    for p in [DFY, EXTERN, *sorted(Path(pydafny.compiler.__file__).parent.rglob("*.py"))]:
        h.update(str(p).encode() + b"\0" + p.read_bytes())
    return h.hexdigest()[:16]


def translate(target: Path) -> None:
    """Compile Framing.dfy, with its externs bound to aead_extern.py, to the file target."""
    cmd = [sys.executable, "-c", "import sys; from pydafny.cli import main; sys.exit(main())",
           "translate", "py", str(DFY), "-o", str(target), "--extern-module", str(EXTERN)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0 or not target.exists():
        raise FramingError("pydafny translate py failed (exit code "
                           f"{proc.returncode}): {(proc.stdout + proc.stderr).strip()}")


def load() -> Framing:
    """The compiled framing module, translating Framing.dfy first if anything changed."""
    global _compiled
    if _compiled is not None:
        return _compiled
    digest = _fingerprint()
    target = _cache_dir() / f"Framing_{digest}.py"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp.py")
        try:
            translate(tmp)
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
    spec = importlib.util.spec_from_file_location(f"_framing_{digest}", target)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
        _compiled = Framing(module)
    except FramingError:
        raise
    except Exception as e:  # noqa: BLE001 - a broken generated module is reported, not shown
        raise FramingError(f"the compiled module {target} does not load: "
                           f"{type(e).__name__}: {e}") from e
    return _compiled


# ------------------------------------------------------------------ files and keys

def derive_key(master_key: bytes, message_id: bytes) -> bytes:
    """The per-message AES-256 data key."""
    if len(master_key) != aead_extern.KEY_LEN:
        raise FramingError(f"the master key must be {aead_extern.KEY_LEN} bytes")
    return HKDF(algorithm=hashes.SHA256(), length=aead_extern.KEY_LEN, salt=message_id,
                info=b"pydafny framing data key").derive(master_key)


def encrypt_bytes(master_key: bytes, plaintext: bytes,
                  frame_length: int = DEFAULT_FRAME_LENGTH,
                  message_id: bytes | None = None) -> bytes:
    if not 1 <= frame_length <= MAX_FRAME_LENGTH:
        raise FramingError(f"the frame length must be in 1..{MAX_FRAME_LENGTH}")
    mid = os.urandom(MESSAGE_ID_LEN) if message_id is None else message_id
    if len(mid) != MESSAGE_ID_LEN:
        raise FramingError(f"the message id must be {MESSAGE_ID_LEN} bytes")
    header = MAGIC + mid + frame_length.to_bytes(4, "big")
    frames = load().encrypt(derive_key(master_key, mid), header, frame_length, plaintext)
    return header + b"".join(frames)


def decrypt_bytes(master_key: bytes, data: bytes) -> bytes:
    if len(data) < HEADER_LEN or not data.startswith(MAGIC):
        raise FramingError("not a framed file (bad or missing header)")
    header = data[:HEADER_LEN]
    mid = header[len(MAGIC):len(MAGIC) + MESSAGE_ID_LEN]
    frame_length = int.from_bytes(header[-4:], "big")
    if not 1 <= frame_length <= MAX_FRAME_LENGTH:
        raise FramingError("bad frame length in the header")
    pieces = load().decrypt(derive_key(master_key, mid), header, frame_length, data[HEADER_LEN:])
    return b"".join(pieces)


def _read_key(path: str) -> bytes:
    key = Path(path).read_bytes()
    if len(key) != aead_extern.KEY_LEN:
        raise FramingError(f"{path}: a key file holds exactly {aead_extern.KEY_LEN} bytes")
    return key


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    kg = sub.add_parser("keygen", help="write a fresh random 32-byte key")
    kg.add_argument("keyfile")
    enc = sub.add_parser("encrypt", help="encrypt IN to OUT")
    enc.add_argument("--key", required=True)
    enc.add_argument("--frame-length", type=int, default=DEFAULT_FRAME_LENGTH)
    enc.add_argument("input")
    enc.add_argument("output")
    dec = sub.add_parser("decrypt", help="decrypt IN to OUT")
    dec.add_argument("--key", required=True)
    dec.add_argument("input")
    dec.add_argument("output")
    args = ap.parse_args(argv)
    try:
        if args.cmd == "keygen":
            Path(args.keyfile).write_bytes(os.urandom(aead_extern.KEY_LEN))
            return 0
        key = _read_key(args.key)
        data = Path(args.input).read_bytes()
        if args.cmd == "encrypt":
            out = encrypt_bytes(key, data, args.frame_length)
        else:
            out = decrypt_bytes(key, data)
        Path(args.output).write_bytes(out)
        return 0
    except (FramingError, OSError) as e:
        print(f"encrypt_file.py: error: {e}", file=sys.stderr)
        return 1
    except Exception as e:  # noqa: BLE001 - never a traceback for the user
        print(f"encrypt_file.py: internal error: {type(e).__name__}: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
