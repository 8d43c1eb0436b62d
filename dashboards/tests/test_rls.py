"""A district user sees only its district's rows (and the region's); provisioned by
provision_rls.py through the REST API before the tests (test.sh)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import env

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from provision_rls import user_name  # noqa: E402  (the one naming rule for district users)
from superset_api import Superset

DISTRICT_CHARTS = ["ov_lights_districts", "st_staff_schools", "comp_table", "surv_table",
                   "dq_matrix", "st_categories_by_window"]


@pytest.fixture(scope="module")
def districts(mart):
    return mart.sql("select district_id, district_name from dim_district "
                    "order by district_id").fetchall()


@pytest.mark.parametrize("chart_name", DISTRICT_CHARTS)
def test_district_user_sees_only_its_district(superset_url, charts, districts, chart_name):
    password = env("EDULAKE_DISTRICT_PASSWORD")
    for district_id, district_name in districts:
        user = Superset(superset_url, user_name(district_id), password)
        result = user.chart_data(charts[chart_name])
        assert result["rowcount"] > 0, f"{district_id}: {chart_name} is empty"
        seen = {row.get("district_name") for row in result["data"]} - {None}
        if seen:
            assert seen == {district_name}, f"{district_id} sees {seen}"


def test_district_user_keeps_region_rows(superset_url, charts, districts, admin):
    password = env("EDULAKE_DISTRICT_PASSWORD")
    region_rows = admin.chart_data(charts["ov_lights_region"])["rowcount"]
    user = Superset(superset_url, user_name(districts[0][0]), password)
    assert user.chart_data(charts["ov_lights_region"])["rowcount"] == region_rows


def test_district_filter_lists_only_own_schools(superset_url, charts, districts, mart):
    """The schools dataset behind the district/school filters is filtered too."""
    password = env("EDULAKE_DISTRICT_PASSWORD")
    district_id, district_name = districts[0]
    user = Superset(superset_url, user_name(district_id), password)
    result = user.chart_data(charts["st_staff_schools"])
    own = {r[0] for r in mart.execute("select school_name from dim_school where district_id = ?",
                                      [district_id]).fetchall()}
    assert {row["school_name"] for row in result["data"]} <= own
