"""The AEAD behind Framing.dfy's `{:extern}` functions: AES-256-GCM from `cryptography`.

Takes and returns Dafny values as the generated Python code represents them: `bytes` (Dafny
`seq<uint8>`) is a runtime `Seq` of ints in 0..255; `Option<bytes>` is the generated
module's `Option` datatype. Guarantees the one property Framing.dfy assumes (its lemma
`AEADOpenSealed`): `AEADOpen(k, iv, aad, AEADSeal(k, iv, aad, m)) == Some(m)`; `AEADSeal`
returns the ciphertext (as long as the message) followed by the 16-byte tag, and
`AEADOpen` returns `None` whenever authentication fails (or the key/IV has the wrong size).
"""

from __future__ import annotations

from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from pydafny.compiler.runtime import Seq

KEY_LEN = 32
IV_LEN = 12
TAG_LEN = 16

_cipher_cache: dict[bytes, AESGCM] = {}


def _cipher(key: bytes) -> AESGCM:
    """The AES-256-GCM object for `key` (key schedules are cached; a message uses one key)."""
    c = _cipher_cache.get(key)
    if c is None:
        if len(key) != KEY_LEN:
            raise ValueError(f"AES-256-GCM needs a {KEY_LEN}-byte key, got {len(key)} bytes")
        if len(_cipher_cache) > 64:
            _cipher_cache.clear()
        c = _cipher_cache[key] = AESGCM(key)
    return c


def to_bytes(s: Seq) -> bytes:
    """A Dafny `seq<uint8>` as Python bytes."""
    return bytes(s.elements())


def to_seq(b: bytes) -> Seq:
    """Python bytes as a Dafny `seq<uint8>`."""
    return Seq.from_list(list(b))


def seal(key: bytes, iv: bytes, aad: bytes, msg: bytes) -> bytes:
    """AES-256-GCM encryption: ciphertext followed by the 16-byte tag."""
    return _cipher(key).encrypt(iv, msg, aad)


def open_sealed(key: bytes, iv: bytes, aad: bytes, sealed: bytes) -> bytes | None:
    """AES-256-GCM decryption; None unless `sealed` authenticates under key, iv and aad."""
    if len(key) != KEY_LEN or len(iv) != IV_LEN or len(sealed) < TAG_LEN:
        return None
    try:
        return _cipher(key).decrypt(iv, sealed, aad)
    except InvalidTag:
        return None


# ------------------------------------------------------------------ the {:extern} functions

def AEADSeal(key: Seq, iv: Seq, aad: Seq, msg: Seq) -> Seq:
    return to_seq(seal(to_bytes(key), to_bytes(iv), to_bytes(aad), to_bytes(msg)))


class _AEADOpen:
    """`AEADOpen` (a callable object): AES-256-GCM decryption returning the generated
    module's `Option<bytes>`. Extern code cannot import the module that is importing it, so
    the loader hands over the module once it is loaded: `AEADOpen.use_option_type(module)`
    (it finds the constructors by their Dafny names `<M>.Option.None` / `<M>.Option.Some`)."""

    def __init__(self) -> None:
        self._none: Any = None
        self._some: Any = None

    def use_option_type(self, module: Any, dafny_module: str = "Framing") -> None:
        by_name = {getattr(v, "_name", None): v for v in vars(module).values()
                   if isinstance(v, type)}
        none_cls = by_name.get(f"{dafny_module}.Option.None")
        some_cls = by_name.get(f"{dafny_module}.Option.Some")
        if none_cls is None or some_cls is None:
            raise ImportError(f"the generated module defines no {dafny_module}.Option datatype")
        self._none, self._some = none_cls(), some_cls

    def __call__(self, key: Seq, iv: Seq, aad: Seq, sealed: Seq) -> Any:
        if self._some is None:
            raise RuntimeError("aead_extern.AEADOpen: call use_option_type(module) first")
        msg = open_sealed(to_bytes(key), to_bytes(iv), to_bytes(aad), to_bytes(sealed))
        return self._none if msg is None else self._some(to_seq(msg))


AEADOpen = _AEADOpen()
