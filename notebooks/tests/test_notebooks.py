"""The notebooks are committed stripped, the helper is safe, and the sections that wait for
tables still empty in the demo mart (qualification dynamics, survey) run when those tables have
rows: a copy of the mart gets a few hand-written rows and notebooks 02 and 03 run against it."""

from __future__ import annotations

import importlib
import shutil
import sys
from pathlib import Path

import duckdb
import nbformat
import pytest

NOTEBOOKS_DIR = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("[0-9]*.ipynb"))
sys.path.insert(0, str(NOTEBOOKS_DIR / "scripts"))

import edulake_nb  # noqa: E402
import run_notebooks  # noqa: E402


@pytest.fixture
def nb(monkeypatch, mart_file):
    """edulake_nb with a fresh connection to the mart of EDULAKE_MART."""
    monkeypatch.setenv("EDULAKE_MART", str(mart_file))
    module = importlib.reload(edulake_nb)
    yield module
    if module._connection is not None:
        module._connection.close()


def test_expected_notebooks_exist():
    assert [p.name for p in NOTEBOOKS] == [
        "01_indicator_exploration.ipynb",
        "02_qualification_transitions.ipynb",
        "03_survey_analysis.ipynb",
    ]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_committed_without_outputs(notebook: Path):
    document = nbformat.read(notebook, as_version=4)
    nbformat.validate(document)
    dirty = [
        i for i, cell in enumerate(document.cells)
        if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)
    ]
    assert not dirty, f"cells {dirty} have outputs: run notebooks/scripts/strip_outputs.py"


def test_query_names_cannot_leave_the_sql_folder(nb):
    with pytest.raises(ValueError):
        nb.query("../edulake_nb")
    with pytest.raises(FileNotFoundError):
        nb.query("no_such_query")


def test_parameters_are_bound_not_spliced(nb):
    hostile = "x' or '1'='1"
    assert nb.query("school_values", indicator_id=hostile, window_id=hostile).empty


def test_mart_is_opened_read_only(nb):
    with pytest.raises(duckdb.Error):
        nb.connect().execute("create table notebook_probe (x integer)")


def test_missing_mart_is_explained(monkeypatch, tmp_path):
    monkeypatch.setenv("EDULAKE_MART", str(tmp_path / "absent.duckdb"))
    module = importlib.reload(edulake_nb)
    with pytest.raises(FileNotFoundError, match="EDULAKE_MART"):
        module.connect()


def test_default_mart_is_under_the_repository(monkeypatch):
    monkeypatch.delenv("EDULAKE_MART", raising=False)
    module = importlib.reload(edulake_nb)
    assert module.mart_path() == NOTEBOOKS_DIR.parent / "data" / "mart" / "edulake.duckdb"


def test_shown_keeps_suppression_marks(nb):
    import pandas as pd

    frame = pd.DataFrame({
        "value": [681.0, 24.123, None, None],
        "status": ["ok", "ok", "suppressed", "no_data"],
        "value_display": ["681.0", "24.1", "…", "нет данных"],
    })
    assert nb.shown(frame).tolist() == ["681", "24.1", "…", "нет данных"]


# ------------------------------------------------------------ sections waiting for mart tables

def fill_tables(path: Path) -> None:
    """Adds qualification and survey rows to a copy of the mart (values made up, consistent)."""
    con = duckdb.connect(str(path))
    # the pipeline's own rows of these tables are replaced by the made-up ones below
    for table in ("qualification_transitions", "qualification_workload", "qualification_projection"):
        con.execute(f"delete from {table}")
    con.execute("delete from indicator_values where indicator_id like 'survey%'")
    con.execute("delete from indicator_catalog where indicator_id like 'survey%'")
    region = con.execute("select min(d.region) from dim_district as d").fetchone()[0]
    windows = [w for (w,) in con.execute(
        "select w.window_id from dim_window as w order by w.reference_date desc limit 2"
    ).fetchall()][::-1]
    before, latest = windows[0], windows[-1]
    districts = con.execute("select d.district_id from dim_district as d").fetchall()
    for level, org in [("region", region)] + [("district", d) for (d,) in districts]:
        district = None if level == "region" else org
        con.executemany(
            "insert into qualification_transitions (org_level, org_id, district_id, window_from,"
            " window_to, category_from, category_to, transition_kind, persons)"
            " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (level, org, district, before, latest, f, t, kind, n)
                for f, t, kind, n in [
                    ("без категории", "первая", "upgrade", 12),
                    ("первая", "высшая", "upgrade", 9),
                    ("первая", "первая", "confirmation", 150),
                    ("высшая", "высшая", "confirmation", 180),
                    ("высшая", "первая", "downgrade", 2),
                    ("первая", "без категории", "lapse", 6),
                    ("", "без категории", "new_hire", 20),
                    ("высшая", "", "leaver", 14),
                ]
            ],
        )
        con.executemany(
            "insert into qualification_workload (org_level, org_id, district_id, window_id,"
            " due_month, persons_due, persons_overdue) values (?, ?, ?, ?, ?, ?, ?)",
            [(level, org, district, latest, f"2026-{m:02d}-01", 5 + m, 10) for m in range(2, 13)],
        )
        con.executemany(
            "insert into qualification_projection (org_level, org_id, district_id, base_window,"
            " years_ahead, category, persons_expected) values (?, ?, ?, ?, ?, ?, ?)",
            [
                (level, org, district, latest, years, category, base + years * step)
                for years in (1, 2, 3)
                for category, base, step in [
                    ("без категории", 246.0, -6.5), ("первая", 211.0, -1.0), ("высшая", 224.0, 7.5),
                ]
            ],
        )
    con.execute(
        "insert into indicator_catalog (indicator_id, name_ru, name_en, seed, group_ru, source,"
        " unit, direction, sort_order) values"
        " ('survey_response_rate', 'Доля ответивших на анкету', 'Response rate', '004',"
        "  'Анкетирование', 'surveys', 'percent', 'higher_is_better', 100),"
        " ('survey_q01_satisfied_support', 'Удовлетворены методической поддержкой',"
        "  'Satisfied with support', '004', 'Анкетирование', 'surveys', 'percent',"
        "  'higher_is_better', 101)"
    )
    con.execute(
        "insert into indicator_values (indicator_id, window_id, org_level, org_id, org_name,"
        " district_id, numerator, denominator, value, unit, status, schools_covered,"
        " schools_total, low_confidence)"
        " select i.indicator_id, v.window_id, v.org_level, v.org_id, v.org_name, v.district_id,"
        "  case when v.status = 'ok' then round(v.denominator * i.share) end, v.denominator,"
        "  case when v.status = 'ok' then round(v.denominator * i.share) / v.denominator * 100 end,"
        "  'percent', v.status, v.schools_covered, v.schools_total, false"
        " from indicator_values as v"
        " cross join (values ('survey_response_rate', 0.55), ('survey_q01_satisfied_support', 0.8))"
        "  as i(indicator_id, share)"
        " where v.indicator_id = 'staff_share_young' and v.window_id in (?, ?)",
        [before, latest],
    )
    con.close()


@pytest.mark.parametrize(
    "notebook, empty_marks",
    [
        ("02_qualification_transitions.ipynb",
         ["qualification_transitions` пока пуста", "qualification_workload` пока пуста",
          "qualification_projection` пока пуста"]),
        ("03_survey_analysis.ipynb", ["Анкетных показателей (`survey_*`) в витрине пока нет"]),
    ],
)
def test_sections_show_tables_when_present(notebook, empty_marks, mart_file, tmp_path, monkeypatch):
    filled = tmp_path / "filled.duckdb"
    shutil.copyfile(mart_file, filled)
    fill_tables(filled)
    monkeypatch.setenv("EDULAKE_MART", str(filled))

    failure = run_notebooks.execute(NOTEBOOKS_DIR / notebook, tmp_path / "out", timeout=120)
    assert failure is None, failure

    executed = nbformat.read(tmp_path / "out" / notebook, as_version=4)
    text = "\n".join(
        str(output.get("data", {}).get("text/markdown", "")) + str(output.get("text", ""))
        for cell in executed.cells if cell.cell_type == "code" for output in cell.outputs
    )
    images = sum(
        "image/png" in output.get("data", {})
        for cell in executed.cells if cell.cell_type == "code" for output in cell.outputs
    )
    for mark in empty_marks:
        assert mark not in text
    assert images >= 3
