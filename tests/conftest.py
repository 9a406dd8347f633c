"""Shared test set-up: makes `tests/` importable so tests can share small helper modules
such as `corpus_location`."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
