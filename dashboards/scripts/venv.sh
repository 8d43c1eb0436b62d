#!/usr/bin/env bash
# Creates the dashboards virtual environment (.venv/dashboards at the repository root) from
# dashboards/requirements.txt. Idempotent: when the venv exists and was built from the same
# requirements (hash stored inside it), it returns at once. A changed requirements.txt rebuilds it.
# Prints the venv path on stdout; progress goes to stderr.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VENV="$ROOT/.venv/dashboards"
REQ="$ROOT/dashboards/requirements.txt"
STAMP="$VENV/.requirements.sha256"
want="$(sha256sum "$REQ" | cut -d' ' -f1)"

if [[ -x $VENV/bin/python && -f $STAMP && "$(cat "$STAMP")" == "$want" ]]; then
  echo "$VENV"
  exit 0
fi

PYTHON="${EDULAKE_PYTHON:-python3}"
echo "Создаю окружение дашбордов $VENV (один раз, ~1–2 мин)…" >&2
rm -rf "$VENV"
mkdir -p "$(dirname "$VENV")"
"$PYTHON" -m venv "$VENV"
pip_args=(--disable-pip-version-check --no-input -q)
[[ -d /opt/wheels ]] && pip_args+=(--find-links /opt/wheels)
"$VENV/bin/pip" install "${pip_args[@]}" -r "$REQ" >&2
echo "$want" >"$STAMP"
echo "$VENV"
