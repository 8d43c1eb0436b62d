"""A small client for Superset's REST API and the chart-data query a chart's form data implies."""
from __future__ import annotations

import json
from typing import Any

import requests


class Superset:
    """Logged-in API session (JWT for the API, CSRF token for POSTs)."""

    def __init__(self, url: str, username: str, password: str):
        self.url = url.rstrip("/")
        self.http = requests.Session()
        response = self.http.post(f"{self.url}/api/v1/security/login", json={
            "username": username, "password": password, "provider": "db", "refresh": False},
            timeout=60)
        response.raise_for_status()
        self.http.headers["Authorization"] = f"Bearer {response.json()['access_token']}"
        csrf = self.http.get(f"{self.url}/api/v1/security/csrf_token/", timeout=60)
        csrf.raise_for_status()
        self.http.headers["X-CSRFToken"] = csrf.json()["result"]
        self.http.headers["Referer"] = self.url

    def get(self, path: str, **params: Any) -> dict:
        if params:
            params = {"q": _rison(params)}
        response = self.http.get(f"{self.url}{path}", params=params, timeout=120)
        response.raise_for_status()
        return response.json()

    def post(self, path: str, body: dict) -> requests.Response:
        return self.http.post(f"{self.url}{path}", json=body, timeout=300)

    def put(self, path: str, body: dict) -> requests.Response:
        return self.http.put(f"{self.url}{path}", json=body, timeout=300)

    def delete(self, path: str) -> requests.Response:
        return self.http.delete(f"{self.url}{path}", timeout=120)

    def all(self, resource: str, columns: list[str], filters: list | None = None) -> list[dict]:
        query = {"page_size": 100, "page": 0, "columns": columns}
        if filters:
            query["filters"] = filters
        return self.get(f"/api/v1/{resource}/", **query)["result"]

    def chart_data(self, chart: dict, extra_filters: list[dict] | None = None) -> dict:
        """Run a chart's query (built from its saved form data) through /api/v1/chart/data."""
        response = self.post("/api/v1/chart/data", chart_query_context(chart, extra_filters))
        if response.status_code != 200:
            raise AssertionError(f"{chart['slice_name']}: HTTP {response.status_code} "
                                 f"{response.text[:500]}")
        return response.json()["result"][0]


def _rison(value: Any) -> str:
    """Rison encoding of the simple values the list endpoints take."""
    if isinstance(value, dict):
        return "(" + ",".join(f"{k}:{_rison(v)}" for k, v in value.items()) + ")"
    if isinstance(value, (list, tuple)):
        return "!(" + ",".join(_rison(v) for v in value) + ")"
    if isinstance(value, bool):
        return "!t" if value else "!f"
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value).replace("!", "!!").replace("'", "!'")
    return f"'{text}'"


def chart_query_context(chart: dict, extra_filters: list[dict] | None = None) -> dict:
    """The query a chart of our bundle runs, from its form data (`params`) and dataset id.

    Covers the visualisation types the bundle uses. Adhoc SQL filters become the WHERE clause;
    `extra_filters` ({col, op, val}) act as a dashboard's native filters would.
    """
    form = json.loads(chart["params"]) if isinstance(chart["params"], str) else chart["params"]
    viz = form["viz_type"]
    where = " and ".join(f"({f['sqlExpression']})" for f in form.get("adhoc_filters", [])
                         if f.get("expressionType") == "SQL" and f.get("clause") == "WHERE")
    query: dict[str, Any] = {
        "filters": list(extra_filters or []),
        "extras": {"where": where, "having": ""},
        "row_limit": form.get("row_limit") or 10000,
        "orderby": [],
        "columns": [],
        "metrics": [],
    }
    if viz == "table" and form.get("query_mode") == "raw":
        query["columns"] = form["all_columns"]
        query["metrics"] = None  # raw records: no GROUP BY, as the table chart's raw mode
        query["orderby"] = [json.loads(o) for o in form.get("order_by_cols", [])]
    elif viz == "table":
        query["columns"] = form["groupby"]
        query["metrics"] = form["metrics"]
    elif viz.startswith("echarts_timeseries"):
        query["columns"] = [form["x_axis"], *form.get("groupby", [])]
        query["metrics"] = form["metrics"]
    elif viz == "pie":
        query["columns"] = form["groupby"]
        query["metrics"] = [form["metric"]]
    elif viz == "big_number_total":
        query["metrics"] = [form["metric"]]
    elif viz == "pivot_table_v2":
        query["columns"] = [*form["groupbyRows"], *form["groupbyColumns"]]
        query["metrics"] = form["metrics"]
    else:
        raise ValueError(f"no query builder for viz_type {viz}")
    return {
        "datasource": {"id": chart["datasource_id"], "type": "table"},
        "force": True,
        "queries": [query],
        "form_data": form,
        "result_format": "json",
        "result_type": "full",
    }
