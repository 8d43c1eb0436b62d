#!/usr/bin/env bash
# Dashboard tests (called by ./edulake test): creates the venv, installs Debian's chromium and
# chromedriver when missing, starts Superset on a free loopback port with a temporary metadata
# directory, imports the bundle, provisions district RLS, runs pytest, stops Superset.
# The mart is $EDULAKE_MART when set, else a fixture mart built by make_fixture_mart.py.
# Extra arguments go to pytest. Screenshots: artifacts/screenshots/ (gitignored).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SCRIPTS="$ROOT/dashboards/scripts"
started_ms=$(( $(date +%s%N) / 1000000 ))

VENV="$("$SCRIPTS/venv.sh")"
if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
  echo "Устанавливаю chromium и chromedriver (apt)…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 || {
    apt-get update -q >/dev/null && apt-get install -y -q chromium chromium-driver >/dev/null; }
fi

WORK="$(mktemp -d /tmp/edulake-dashboards-test.XXXXXX)"
PORT="$("$VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
cleanup() {
  "$SCRIPTS/dashboards.sh" down --home "$WORK/superset" || true
  rm -rf "$WORK"
}
trap cleanup EXIT

if [[ -n ${EDULAKE_MART:-} ]]; then
  MART="$(cd "$(dirname "$EDULAKE_MART")" && pwd)/$(basename "$EDULAKE_MART")"
else
  MART="$WORK/mart/edulake.duckdb"
  "$VENV/bin/python" "$ROOT/dashboards/tests/make_fixture_mart.py" "$MART" >/dev/null
fi
export EDULAKE_MART="$MART"
export EDULAKE_ADMIN_PASSWORD="test-$("$VENV/bin/python" -c 'import secrets; print(secrets.token_hex(8))')"
export EDULAKE_DISTRICT_PASSWORD="district-$("$VENV/bin/python" -c 'import secrets; print(secrets.token_hex(8))')"
export EDULAKE_SUPERSET_URL="http://127.0.0.1:$PORT"

"$SCRIPTS/dashboards.sh" up --port "$PORT" --mart "$MART" --home "$WORK/superset"
"$VENV/bin/python" "$SCRIPTS/provision_rls.py" --url "$EDULAKE_SUPERSET_URL" --mart "$MART" \
  --users "$EDULAKE_DISTRICT_PASSWORD"

status=0
(cd "$ROOT/dashboards/tests" && "$VENV/bin/python" -m pytest -q -p no:cacheprovider "$@") || status=$?
elapsed_ms=$(( $(date +%s%N) / 1000000 - started_ms ))
echo "Тесты дашбордов: $([[ $status == 0 ]] && echo успешно || echo ОШИБКА) за $((elapsed_ms / 1000)) с; снимки: $ROOT/artifacts/screenshots/" >&2
exit $status
