"""Every dataset's SQL uses only tables and columns of the mart contract (mart_contract.sql),
and the mart under test provides every contract table and column."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from conftest import TESTS, bundle_objects

DATASETS = bundle_objects("datasets")
CONTRACT = (TESTS / "mart_contract.sql").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def contract_db():
    con = duckdb.connect()
    con.execute(CONTRACT)
    yield con
    con.close()


def contract_columns(con) -> dict[str, dict[str, str]]:
    rows = con.sql("select table_name, column_name, data_type from information_schema.columns "
                   "where table_schema = 'main'").fetchall()
    tables: dict[str, dict[str, str]] = {}
    for table, column, data_type in rows:
        tables.setdefault(table, {})[column] = data_type
    return tables


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_dataset_sql_binds_against_the_contract(contract_db, name):
    dataset = DATASETS[name]
    described = [r[0] for r in contract_db.sql(f"describe {dataset['sql']}").fetchall()]
    declared = [c["column_name"] for c in dataset["columns"]]
    assert set(declared) <= set(described), f"{name}: declared but not produced: " \
        f"{sorted(set(declared) - set(described))}"


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_dataset_sql_binds_against_the_mart(mart, name):
    mart.sql(f"describe {DATASETS[name]['sql']}").fetchall()


def test_mart_provides_every_contract_column(mart, contract_db):
    expected = contract_columns(contract_db)
    actual = contract_columns(mart)
    missing = {t: sorted(set(cols) - set(actual.get(t, {}))) for t, cols in expected.items()}
    missing = {t: cols for t, cols in missing.items() if cols}
    assert not missing, f"mart lacks contract columns: {missing}"


def test_mart_types_match_the_contract(mart, contract_db):
    expected = contract_columns(contract_db)
    actual = contract_columns(mart)
    differ = [(t, c, ty, actual[t][c]) for t, cols in expected.items() for c, ty in cols.items()
              if t in actual and c in actual[t] and actual[t][c] != ty]
    assert not differ, f"type differences (table, column, contract, mart): {differ}"
