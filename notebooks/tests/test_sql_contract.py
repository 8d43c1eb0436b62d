"""Every notebooks/sql/*.sql binds against the mart, declares its parameters and follows the style.

A misspelt table or column fails PREPARE; the query is then run once with sample parameters so
that runtime type errors surface too.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import nbformat
import pytest

NOTEBOOKS_DIR = Path(__file__).resolve().parent.parent
SQL_FILES = sorted((NOTEBOOKS_DIR / "sql").glob("*.sql"))
NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))

# One sample value per parameter name used by any query; a new parameter needs a sample here.
SAMPLE_PARAMS = {
    "indicator_id": "staff_share_with_category",
    "org_level": "region",
    "years": 3,
}
KEYWORDS_LOWER = re.compile(
    r"\b(SELECT|FROM|WHERE|JOIN|GROUP BY|ORDER BY|WITH|AS|AND|OR|ON|LIMIT|HAVING|UNION)\b"
)


def body(sql: str) -> str:
    """The SQL without its `--` comments."""
    return "\n".join(line.split("--", 1)[0] for line in sql.splitlines())


def used_params(sql: str) -> set[str]:
    return set(re.findall(r"\$([a-z_][a-z0-9_]*)", body(sql)))


def declared_params(sql: str) -> set[str]:
    header = next(
        (line for line in sql.splitlines() if line.startswith("-- params:")), None
    )
    assert header is not None, "the header needs a '-- params:' line (or '-- params: none')"
    return set(re.findall(r"\$([a-z_][a-z0-9_]*)", header))


def test_there_are_queries():
    assert SQL_FILES, "notebooks/sql/ has no queries"


@pytest.mark.parametrize("sql_file", SQL_FILES, ids=lambda p: p.stem)
def test_query_binds_against_mart(sql_file: Path, mart: duckdb.DuckDBPyConnection):
    name = f"contract_{sql_file.stem}"
    try:
        mart.execute(f"prepare {name} as {body(sql_file.read_text(encoding='utf-8'))}")
    except duckdb.Error as error:
        pytest.fail(f"{sql_file.name} does not bind against the mart: {error}")
    mart.execute(f"deallocate prepare {name}")


@pytest.mark.parametrize("sql_file", SQL_FILES, ids=lambda p: p.stem)
def test_query_runs_with_sample_parameters(sql_file: Path, mart: duckdb.DuckDBPyConnection):
    sql = sql_file.read_text(encoding="utf-8")
    names = used_params(sql)
    missing = names - SAMPLE_PARAMS.keys() - {"window_id"}
    assert not missing, f"add a sample for {sorted(missing)} to SAMPLE_PARAMS"
    latest = mart.execute("select max(w.window_id) from dim_window as w").fetchone()[0]
    samples = {**SAMPLE_PARAMS, "window_id": latest}
    result = mart.execute(sql, {name: samples[name] for name in names})
    columns = [column[0] for column in result.description]
    assert columns, f"{sql_file.name} returns no columns"
    assert len(columns) == len(set(columns)), f"{sql_file.name} repeats a column name"


@pytest.mark.parametrize("sql_file", SQL_FILES, ids=lambda p: p.stem)
def test_header_declares_grain_and_parameters(sql_file: Path):
    sql = sql_file.read_text(encoding="utf-8")
    assert sql.startswith(f"-- {sql_file.stem}:"), "the first line names the query and its purpose"
    assert "\n-- grain:" in sql, "the header states the grain ('-- grain: one row per …')"
    assert declared_params(sql) == used_params(sql), "'-- params:' lists exactly the $parameters"


@pytest.mark.parametrize("sql_file", SQL_FILES, ids=lambda p: p.stem)
def test_style_lower_case_and_no_select_star(sql_file: Path):
    code = re.sub(r"'[^']*'", "''", body(sql_file.read_text(encoding="utf-8")))
    assert not re.search(r"select\s+(distinct\s+)?\*|\.\*", code, re.IGNORECASE), "no select *"
    upper = KEYWORDS_LOWER.findall(code)
    assert not upper, f"keywords are lower-case: {sorted(set(upper))}"


def test_every_query_is_used_and_every_used_query_exists():
    used = set()
    for notebook in NOTEBOOKS:
        code = "\n".join(
            cell.source for cell in nbformat.read(notebook, as_version=4).cells
            if cell.cell_type == "code"
        )
        used |= set(re.findall(r'nb\.query\(\s*"([a-z0-9_]+)"', code))
    used |= {"windows"}  # edulake_nb.pick_window
    existing = {sql_file.stem for sql_file in SQL_FILES}
    assert used - existing == set(), "notebooks call queries that have no sql file"
    assert existing - used == set(), "sql files that no notebook uses"
