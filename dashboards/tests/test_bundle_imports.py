"""The bundle imported into a real Superset: every dashboard exists, every chart's query answers
with rows, and a few charts give exactly what a direct query of the mart gives."""
from __future__ import annotations

import pytest

from conftest import bundle_objects

CHARTS = bundle_objects("charts")
DASHBOARDS = bundle_objects("dashboards")


def test_every_dashboard_is_imported(admin):
    imported = {d["slug"]: d["dashboard_title"]
                for d in admin.all("dashboard", ["id", "slug", "dashboard_title"])}
    for source in DASHBOARDS.values():
        assert imported.get(source["slug"]) == source["dashboard_title"]


def test_every_chart_is_imported(charts):
    assert sorted(charts) == sorted(CHARTS)


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_chart_data_returns_rows(admin, charts, name):
    result = admin.chart_data(charts[name])
    assert result.get("error") is None
    assert result["rowcount"] > 0, f"{name}: no rows"


def window_filter(window: str) -> list[dict]:
    return [{"col": "window_id", "op": "IN", "val": [window]}]


def test_region_headcount_equals_mart(admin, charts, mart, latest_window):
    result = admin.chart_data(charts["ov_headcount"], window_filter(latest_window))
    expected = mart.execute(
        "select value from indicator_values where indicator_id = 'staff_headcount' "
        "and org_level = 'region' and window_id = ?", [latest_window]).fetchone()[0]
    assert list(result["data"][0].values()) == [pytest.approx(expected)]


def test_categories_by_window_equal_mart(admin, charts, mart):
    result = admin.chart_data(charts["st_categories_by_window"])
    actual = sorted((r["window_id"], r["category"], r["persons_sum"]) for r in result["data"])
    expected = sorted(mart.sql("""
        select window_to, category_to, sum(persons) from qualification_transitions
        where org_level = 'school' and category_to is not null group by all
        union all
        select window_from, category_from, sum(persons) from qualification_transitions
        where org_level = 'school' and category_from is not null
          and window_from not in (select window_to from qualification_transitions)
        group by all""").fetchall())
    assert actual == [(w, c, pytest.approx(p)) for w, c, p in expected]


def test_missing_sources_equal_mart(admin, charts, mart, latest_window):
    result = admin.chart_data(charts["dq_missing"], window_filter(latest_window))
    expected = mart.execute("select count(*) filter (where not submitted) from completeness "
                            "where window_id = ?", [latest_window]).fetchone()[0]
    assert list(result["data"][0].values()) == [expected]


def test_suppressed_school_values_show_as_ellipsis(admin, charts, mart):
    result = admin.chart_data(charts["st_staff_schools"])
    shown = sum(1 for r in result["data"] if r["value_text"] == "…")
    expected = mart.sql("""
        select count(*) from indicator_values as v
        join indicator_catalog as c on c.indicator_id = v.indicator_id
        where v.org_level = 'school' and v.status = 'suppressed'
          and c.group_ru in ('Кадры', 'Квалификация', 'Повышение квалификации',
                             'Штатная обеспеченность')""").fetchone()[0]
    assert shown == expected
