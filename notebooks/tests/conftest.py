"""Shared fixtures: the mart named by EDULAKE_MART (required), opened read-only."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import duckdb
import pytest

NOTEBOOKS_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(NOTEBOOKS_DIR))


@pytest.fixture(scope="session")
def mart_file() -> Path:
    configured = os.environ.get("EDULAKE_MART", "").strip()
    if not configured:
        pytest.fail("EDULAKE_MART is not set: point it at a mart file (./edulake demo writes one)")
    path = Path(configured)
    if not path.is_file():
        pytest.fail(f"EDULAKE_MART={configured}: no such file")
    return path


@pytest.fixture(scope="session")
def mart(mart_file: Path):
    connection = duckdb.connect(str(mart_file), read_only=True)
    yield connection
    connection.close()
