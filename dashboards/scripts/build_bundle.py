#!/usr/bin/env python3
"""Build Superset's import ZIP (assets bundle, format version 1.0.0) from dashboards/bundle/.

The sources are readable YAML, one file per object, with stable UUIDs:
  metadata.yaml                      type: assets
  databases/edulake_mart.yaml        sqlalchemy_uri holds __EDULAKE_MART__ (replaced by --mart)
  datasets/edulake_mart/<name>.yaml  virtual datasets: SQL over the mart contract; `columns` lists
                                     only names and Russian labels, types are filled in here by
                                     DESCRIBE against an empty DuckDB built from the contract DDL
                                     (so a dataset that does not bind fails the build)
  charts/<name>.yaml                 Superset chart definitions (params = form data)
  dashboards/<name>.yaml             title, slug, uuid, plus EduLake's compact `filters` and
                                     `layout`, expanded here into native_filter_configuration and
                                     position (chart references are chart file names)

Usage: build_bundle.py --mart /abs/path/edulake.duckdb --out bundle.zip
"""
from __future__ import annotations

import argparse
import copy
import io
import sys
import zipfile
from pathlib import Path

import duckdb
import yaml

DASHBOARDS_DIR = Path(__file__).resolve().parents[1]
BUNDLE_DIR = DASHBOARDS_DIR / "bundle"
CONTRACT_DDL = DASHBOARDS_DIR / "tests" / "mart_contract.sql"
ROOT_IN_ZIP = "edulake_bundle"
MART_PLACEHOLDER = "__EDULAKE_MART__"
TEMPORAL_TYPES = ("DATE", "TIMESTAMP")


def load_yaml(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def dump_yaml(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def contract_connection() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute(CONTRACT_DDL.read_text(encoding="utf-8"))
    return con


def describe(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple[str, str]]:
    return [(row[0], row[1]) for row in con.sql(f"describe {sql}").fetchall()]


def expand_dataset(source: dict, con: duckdb.DuckDBPyConnection, name: str) -> dict:
    dataset = copy.deepcopy(source)
    labels = {c["column_name"]: c for c in dataset.get("columns", [])}
    described = describe(con, dataset["sql"])
    unknown = set(labels) - {column for column, _ in described}
    if unknown:
        raise SystemExit(f"dataset {name}: columns not produced by its SQL: {sorted(unknown)}")
    columns = []
    for column, sql_type in described:
        declared = labels.get(column, {})
        columns.append({
            "column_name": column,
            "verbose_name": declared.get("verbose_name"),
            "description": declared.get("description"),
            "type": sql_type,
            "is_dttm": sql_type.startswith(TEMPORAL_TYPES),
            "groupby": True,
            "filterable": True,
            "is_active": True,
            "expression": None,
            "python_date_format": None,
            "advanced_data_type": None,
            "extra": {},
        })
    dataset["columns"] = columns
    dataset["metrics"] = [
        {"metric_type": None, "description": None, "warning_text": None, "extra": {},
         "d3format": None, **metric}
        for metric in dataset.get("metrics", [])
    ]
    dataset.setdefault("main_dttm_col", None)
    dataset.setdefault("offset", 0)
    dataset.setdefault("cache_timeout", None)
    dataset.setdefault("params", None)
    dataset.setdefault("template_params", None)
    dataset.setdefault("filter_select_enabled", True)
    dataset.setdefault("fetch_values_predicate", None)
    dataset.setdefault("extra", None)
    dataset.setdefault("normalize_columns", False)
    return dataset


def native_filter(spec: dict, slug: str, chart_ids: dict[str, int], on_dashboard: list[str],
                  chart_columns: dict[str, set[str]], dataset_uuids: dict[str, str],
                  defaults: dict[str, str]) -> dict:
    """One native select filter; in scope are the dashboard's charts whose dataset has the
    filter's column, minus those the dashboard excludes. `default: latest_window` preselects
    the mart's newest window, `default: first_school` the first school by name (known when the
    bundle is built; Superset's own "first item" default shows the value without applying it)."""
    excluded_names = set(spec.get("exclude", []))
    unknown = excluded_names - set(on_dashboard)
    if unknown:
        raise SystemExit(f"dashboard {slug}: filter {spec['id']} excludes unknown charts {unknown}")
    in_scope = [c for c in on_dashboard
                if spec["column"] in chart_columns[c] and c not in excluded_names]
    excluded = [chart_ids[c] for c in on_dashboard if c not in in_scope]
    required = bool(spec.get("required", False))
    return {
        "id": f"NATIVE_FILTER-{slug}-{spec['id']}",
        "name": spec["name"],
        "filterType": "filter_select",
        "type": "NATIVE_FILTER",
        "description": spec.get("description", ""),
        "targets": [{"column": {"name": spec["column"]},
                     "datasetUuid": dataset_uuids[spec["dataset"]]}],
        "controlValues": {
            "enableEmptyFilter": required,
            "defaultToFirstItem": False,
            "multiSelect": "default" not in spec,
            "searchAllOptions": False,
            "inverseSelection": False,
            "sortAscending": bool(spec.get("sort_ascending", True)),
            "creatable": False,
        },
        "defaultDataMask": default_mask(spec, defaults),
        "cascadeParentIds": ([f"NATIVE_FILTER-{slug}-{spec['parent']}"]
                             if spec.get("parent") else []),
        "scope": {"rootPath": ["ROOT_ID"], "excluded": excluded},
        # chartsInScope is left out: the importer remaps scope.excluded to the new chart ids
        # but not chartsInScope; without it the frontend derives the charts from the scope.
        "tabsInScope": [],
        "requiredFirst": False,
    }


def default_mask(spec: dict, defaults: dict[str, str]) -> dict:
    value = defaults.get(spec.get("default", ""))
    if value is None:
        return {"extraFormData": {}, "filterState": {}, "ownState": {}}
    return {"extraFormData": {"filters": [{"col": spec["column"], "op": "IN", "val": [value]}]},
            "filterState": {"value": [value], "label": value}, "ownState": {}}


def mart_defaults(mart: Path) -> dict[str, str]:
    """Default filter values taken from the mart (empty when it cannot be read)."""
    try:
        with duckdb.connect(str(mart), read_only=True) as con:
            window = con.sql("select max(window_id) from dim_window").fetchone()[0]
            school = con.sql("select min(school_name) from dim_school").fetchone()[0]
    except duckdb.Error:
        return {}
    return {key: value for key, value in
            (("latest_window", window), ("first_school", school)) if value is not None}


def expand_dashboard(source: dict, charts: dict[str, dict], chart_ids: dict[str, int],
                     chart_columns: dict[str, set[str]], dataset_uuids: dict[str, str],
                     defaults: dict[str, str]) -> dict:
    slug = source["slug"]
    position: dict = {
        "DASHBOARD_VERSION_KEY": "v2",
        "ROOT_ID": {"id": "ROOT_ID", "type": "ROOT", "children": ["GRID_ID"]},
        "GRID_ID": {"id": "GRID_ID", "type": "GRID", "children": [], "parents": ["ROOT_ID"]},
        "HEADER_ID": {"id": "HEADER_ID", "type": "HEADER",
                      "meta": {"text": source["dashboard_title"]}},
    }
    on_dashboard: list[str] = []
    for row_index, row in enumerate(source["layout"], start=1):
        row_id = f"ROW-{row_index}"
        position["GRID_ID"]["children"].append(row_id)
        position[row_id] = {"id": row_id, "type": "ROW", "children": [],
                            "parents": ["ROOT_ID", "GRID_ID"],
                            "meta": {"background": "BACKGROUND_TRANSPARENT"}}
        for cell_index, cell in enumerate(row, start=1):
            parents = ["ROOT_ID", "GRID_ID", row_id]
            if isinstance(cell, dict):
                element_id = f"MARKDOWN-{row_index}-{cell_index}"
                position[element_id] = {
                    "id": element_id, "type": "MARKDOWN", "children": [], "parents": parents,
                    "meta": {"code": cell["markdown"], "width": cell["width"],
                             "height": cell["height"]}}
            else:
                name, width, height = cell
                if name not in charts:
                    raise SystemExit(f"dashboard {slug}: unknown chart {name}")
                on_dashboard.append(name)
                element_id = f"CHART-{name}"
                position[element_id] = {
                    "id": element_id, "type": "CHART", "children": [], "parents": parents,
                    "meta": {"chartId": chart_ids[name], "uuid": charts[name]["uuid"],
                             "sliceName": charts[name]["slice_name"],
                             "width": width, "height": height}}
            position[row_id]["children"].append(element_id)
        if sum(c["width"] if isinstance(c, dict) else c[1] for c in row) > 12:
            raise SystemExit(f"dashboard {slug}: row {row_index} is wider than 12 columns")
    filters = [native_filter(spec, slug, chart_ids, on_dashboard, chart_columns, dataset_uuids,
                             defaults)
               for spec in source.get("filters", [])]
    metadata = {
        "native_filter_configuration": filters,
        "chart_configuration": {},
        "global_chart_configuration": {"scope": {"rootPath": ["ROOT_ID"], "excluded": []}},
        "cross_filters_enabled": False,
        "color_scheme": "supersetColors",
        "label_colors": {},
        "shared_label_colors": [],
        "color_scheme_domain": [],
        "expanded_slices": {},
        "refresh_frequency": 0,
        "timed_refresh_immune_slices": [],
        "default_filters": "{}",
    }
    dashboard = {key: value for key, value in source.items() if key not in ("filters", "layout")}
    dashboard.update({"position": position, "metadata": metadata,
                      "certified_by": None, "certification_details": None})
    return dashboard


def build(mart: Path, out: Path) -> dict[str, int]:
    con = contract_connection()
    files: dict[str, str] = {"metadata.yaml": (BUNDLE_DIR / "metadata.yaml").read_text("utf-8")}

    for path in sorted((BUNDLE_DIR / "databases").glob("*.yaml")):
        text = path.read_text("utf-8").replace(MART_PLACEHOLDER, str(mart.resolve()))
        files[f"databases/{path.name}"] = text

    datasets: dict[str, dict] = {}
    for path in sorted((BUNDLE_DIR / "datasets").glob("*/*.yaml")):
        datasets[path.stem] = expand_dataset(load_yaml(path), con, path.stem)
        files[f"datasets/{path.parent.name}/{path.name}"] = dump_yaml(datasets[path.stem])
    dataset_uuids = {name: d["uuid"] for name, d in datasets.items()}
    columns_by_uuid = {d["uuid"]: {c["column_name"] for c in d["columns"]}
                       for d in datasets.values()}

    charts: dict[str, dict] = {}
    for path in sorted((BUNDLE_DIR / "charts").glob("*.yaml")):
        chart = load_yaml(path)
        if chart["dataset_uuid"] not in columns_by_uuid:
            raise SystemExit(f"chart {path.stem}: unknown dataset {chart['dataset_uuid']}")
        chart.setdefault("query_context", None)
        charts[path.stem] = chart
        files[f"charts/{path.name}"] = dump_yaml(chart)
    # bundle-local chart ids (the importer maps them to the ids it assigns)
    chart_ids = {name: index for index, name in enumerate(sorted(charts), start=1)}
    chart_columns = {name: columns_by_uuid[c["dataset_uuid"]] for name, c in charts.items()}

    defaults = mart_defaults(mart)
    for path in sorted((BUNDLE_DIR / "dashboards").glob("*.yaml")):
        dashboard = expand_dashboard(load_yaml(path), charts, chart_ids, chart_columns,
                                     dataset_uuids, defaults)
        files[f"dashboards/{path.name}"] = dump_yaml(dashboard)

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in sorted(files.items()):
            info = zipfile.ZipInfo(f"{ROOT_IN_ZIP}/{name}", date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(buffer.getvalue())
    return {"datasets": len(datasets), "charts": len(charts),
            "dashboards": sum(1 for f in files if f.startswith("dashboards/"))}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mart", required=True, type=Path, help="mart file (DuckDB)")
    parser.add_argument("--out", required=True, type=Path, help="ZIP to write")
    args = parser.parse_args(argv)
    counts = build(args.mart, args.out)
    print(f"{args.out}: {counts['datasets']} datasets, {counts['charts']} charts, "
          f"{counts['dashboards']} dashboards", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
