"""Shared fixtures: the mart under test and API sessions against the Superset that test.sh started.

test.sh exports EDULAKE_SUPERSET_URL, EDULAKE_ADMIN_PASSWORD, EDULAKE_MART (real or fixture mart)
and EDULAKE_DISTRICT_PASSWORD (district users created by provision_rls.py).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import duckdb
import pytest
import yaml

TESTS = Path(__file__).resolve().parent
DASHBOARDS = TESTS.parent
BUNDLE = DASHBOARDS / "bundle"
sys.path.insert(0, str(TESTS))

from superset_api import Superset  # noqa: E402


def bundle_objects(kind: str) -> dict[str, dict]:
    pattern = "*/*.yaml" if kind == "datasets" else "*.yaml"
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
            for p in sorted((BUNDLE / kind).glob(pattern))}


def env(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        pytest.skip(f"{name} is not set (run dashboards/scripts/test.sh)")
    return value


@pytest.fixture(scope="session")
def mart_path() -> Path:
    return Path(env("EDULAKE_MART"))


@pytest.fixture(scope="session")
def mart(mart_path: Path):
    with duckdb.connect(str(mart_path), read_only=True) as con:
        yield con


@pytest.fixture(scope="session")
def superset_url() -> str:
    return env("EDULAKE_SUPERSET_URL")


@pytest.fixture(scope="session")
def admin(superset_url: str) -> Superset:
    return Superset(superset_url, "admin", env("EDULAKE_ADMIN_PASSWORD"))


@pytest.fixture(scope="session")
def charts(admin: Superset) -> dict[str, dict]:
    """Imported charts by bundle file name (matched through their UUIDs)."""
    by_uuid = {c["uuid"]: c for c in admin.all(
        "chart", ["id", "uuid", "slice_name", "params", "datasource_id", "viz_type"])}
    return {name: by_uuid[source["uuid"]] for name, source in bundle_objects("charts").items()
            if source["uuid"] in by_uuid}


@pytest.fixture(scope="session")
def latest_window(mart) -> str:
    return mart.sql("select max(window_id) from dim_window").fetchone()[0]
