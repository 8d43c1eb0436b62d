#!/usr/bin/env python3
"""Row-level security for district users, provisioned through Superset's REST API.

For every district of the mart's dim_district:
  - a role `edulake_district_<district_id>`, and one RLS filter
    `district_id = '<id>' or district_id is null` on every EduLake dataset with a district_id
    column (region rows, whose district_id is NULL, stay visible);
plus one shared role `edulake_reader` (read access to the EduLake mart database) and an RLS
filter `1 = 0` for all district roles on datasets without a district column (the quarantine
list cannot be attributed to a district). A district user holds Gamma + edulake_reader + the
district role. With --users PASSWORD, a user `district_<district_id>` is created (or updated)
for each district. Idempotent: objects are found by name and updated.

Usage: provision_rls.py --url http://127.0.0.1:8088 --mart FILE [--users PASSWORD]
       (admin password from EDULAKE_ADMIN_PASSWORD or --admin-password-file)
"""
from __future__ import annotations

import hashlib

import argparse
import os
import sys
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from superset_api import Superset  # noqa: E402

DATABASE_NAME = "EduLake mart"
READER_ROLE = "edulake_reader"
DATASET_PREFIX = "edulake_"


def short_name(prefix: str, district_id: str) -> str:
    """Superset keeps role and user names to 64 characters; long district ids (region.district)
    keep their readable tail and gain a short hash so that names stay unique."""
    name = f"{prefix}{district_id}"
    if len(name) <= 64:
        return name
    digest = hashlib.sha1(district_id.encode("utf-8")).hexdigest()[:8]
    return f"{prefix}{digest}_{district_id[-(64 - len(prefix) - 9):]}"


def role_name(district_id: str) -> str:
    return short_name("edulake_district_", district_id)


def user_name(district_id: str) -> str:
    return short_name("district_", district_id)


def sql_literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def ensure_role(api: Superset, name: str) -> int:
    found = api.all("security/roles", ["id", "name"], [{"col": "name", "opr": "eq", "value": name}])
    if found:
        return found[0]["id"]
    response = api.post("/api/v1/security/roles/", {"name": name})
    response.raise_for_status()
    return response.json()["id"]


def all_pages(api: Superset, resource: str, columns: list[str]) -> list[dict]:
    rows, page = [], 0
    while True:
        batch = api.get(f"/api/v1/{resource}/", page_size=100, page=page,
                        columns=columns)["result"]
        rows += batch
        if len(batch) < 100:
            return rows
        page += 1


def grant_database_access(api: Superset, role_id: int) -> None:
    database = api.all("database", ["id", "database_name"],
                       [{"col": "database_name", "opr": "eq", "value": DATABASE_NAME}])[0]
    view_menu = f"[{DATABASE_NAME}].(id:{database['id']})"
    pvms = [p for p in all_pages(api, "security/permissions-resources",
                                 ["id", "permission.name", "view_menu.name"])
            if p["permission"]["name"] == "database_access" and p["view_menu"]["name"] == view_menu]
    if not pvms:
        raise SystemExit(f"no database_access permission on {view_menu}")
    response = api.post(f"/api/v1/security/roles/{role_id}/permissions",
                        {"permission_view_menu_ids": [pvms[0]["id"]]})
    response.raise_for_status()


def ensure_rls(api: Superset, name: str, clause: str, tables: list[int], roles: list[int],
               description: str) -> None:
    body = {"name": name, "filter_type": "Regular", "tables": tables, "roles": roles,
            "clause": clause, "group_key": "edulake_district", "description": description}
    found = api.all("rowlevelsecurity", ["id", "name"],
                    [{"col": "name", "opr": "eq", "value": name}])
    response = (api.put(f"/api/v1/rowlevelsecurity/{found[0]['id']}", body) if found
                else api.post("/api/v1/rowlevelsecurity/", body))
    if response.status_code not in (200, 201):
        raise SystemExit(f"RLS {name}: HTTP {response.status_code} {response.text[:300]}")


def ensure_user(api: Superset, username: str, password: str, roles: list[int], label: str) -> None:
    body = {"username": username, "first_name": label, "last_name": "район",
            "email": f"{username}@edulake.local", "active": True, "roles": roles,
            "password": password}
    found = api.all("security/users", ["id", "username"],
                    [{"col": "username", "opr": "eq", "value": username}])
    response = (api.put(f"/api/v1/security/users/{found[0]['id']}", body) if found
                else api.post("/api/v1/security/users/", body))
    if response.status_code not in (200, 201):
        raise SystemExit(f"user {username}: HTTP {response.status_code} {response.text[:300]}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--mart", required=True, type=Path)
    parser.add_argument("--admin-password-file", type=Path)
    parser.add_argument("--users", metavar="PASSWORD", help="create a user per district")
    args = parser.parse_args(argv)
    password = os.environ.get("EDULAKE_ADMIN_PASSWORD") or (
        args.admin_password_file.read_text(encoding="utf-8").strip()
        if args.admin_password_file else None)
    if not password:
        parser.error("admin password: set EDULAKE_ADMIN_PASSWORD or --admin-password-file")
    with duckdb.connect(str(args.mart), read_only=True) as con:
        districts = con.sql("select district_id, district_name from dim_district "
                            "order by district_id").fetchall()

    api = Superset(args.url, "admin", password)
    datasets = [d for d in all_pages(api, "dataset", ["id", "table_name"])
                if d["table_name"].startswith(DATASET_PREFIX)]
    with_district, without_district = [], []
    for dataset in datasets:
        columns = api.get(f"/api/v1/dataset/{dataset['id']}")["result"]["columns"]
        names = {c["column_name"] for c in columns}
        (with_district if "district_id" in names else without_district).append(dataset)
    # the windows list holds no district data; everything else without district_id is hidden
    hidden = [d["id"] for d in without_district if d["table_name"] != "edulake_windows"]

    reader = ensure_role(api, READER_ROLE)
    grant_database_access(api, reader)
    gamma = ensure_role(api, "Gamma")
    district_roles = []
    for district_id, district_name in districts:
        role = ensure_role(api, role_name(district_id))
        district_roles.append(role)
        ensure_rls(api, f"edulake: район {district_id}",
                   f"district_id = {sql_literal(district_id)} or district_id is null",
                   [d["id"] for d in with_district], [role],
                   f"Пользователи района «{district_name}» видят свой район и регион")
        if args.users:
            ensure_user(api, user_name(district_id), args.users, [gamma, reader, role],
                        district_name)
    if hidden and district_roles:
        ensure_rls(api, "edulake: без привязки к району", "1 = 0", hidden, district_roles,
                   "Данные без района (карантин) скрыты от пользователей районов")
    print(f"RLS: {len(districts)} district roles, {len(with_district)} datasets filtered by "
          f"district_id, {len(hidden)} hidden from districts", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
