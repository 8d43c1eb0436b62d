#!/usr/bin/env bash
# EduLake dashboards: a local Apache Superset with our bundle, on loopback only.
#   dashboards.sh up [--port N] [--mart FILE] [--home DIR]   start (or restart) and wait until ready
#   dashboards.sh down [--home DIR]                          stop it (pid file)
# Defaults: port 8088, mart data/mart/edulake.duckdb, metadata and logs in data/superset/.
# The admin password comes from EDULAKE_ADMIN_PASSWORD; otherwise one is generated, printed
# once and kept in data/superset/admin_password.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SCRIPTS="$ROOT/dashboards/scripts"

usage() { sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 64; }

cmd="${1:-}"; [[ -n $cmd ]] || usage; shift
PORT=8088
MART="$ROOT/data/mart/edulake.duckdb"
HOME_DIR="${EDULAKE_SUPERSET_HOME:-$ROOT/data/superset}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --port) PORT="$2"; shift 2 ;;
    --mart) MART="$2"; shift 2 ;;
    --home) HOME_DIR="$2"; shift 2 ;;
    -h|--help) usage ;;
    *) echo "неизвестный параметр: $1" >&2; usage ;;
  esac
done
mkdir -p "$HOME_DIR"
HOME_DIR="$(cd "$HOME_DIR" && pwd)"
PID_FILE="$HOME_DIR/superset.pid"
LOG_FILE="$HOME_DIR/superset.log"

stop() {
  if [[ -f $PID_FILE ]]; then
    local pid; pid="$(cat "$PID_FILE")"
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
      echo "Superset остановлен (pid $pid)." >&2
    fi
    rm -f "$PID_FILE"
  fi
}

case "$cmd" in
  down) stop; exit 0 ;;
  up) ;;
  *) usage ;;
esac

started_ms=$(( $(date +%s%N) / 1000000 ))
[[ $MART = /* ]] || MART="$ROOT/$MART"
if [[ ! -f $MART ]]; then
  echo "Нет витрины $MART. Сначала ./edulake demo (или --mart FILE)." >&2
  exit 2
fi
VENV="$("$SCRIPTS/venv.sh")"
export SUPERSET_CONFIG_PATH="$SCRIPTS/superset_config.py"
export EDULAKE_SUPERSET_HOME="$HOME_DIR"
export FLASK_APP=superset
export PYTHONWARNINGS=ignore

password_file="$HOME_DIR/admin_password"
if [[ -n ${EDULAKE_ADMIN_PASSWORD:-} ]]; then
  (umask 077; printf '%s\n' "$EDULAKE_ADMIN_PASSWORD" >"$password_file")
elif [[ ! -f $password_file ]]; then
  (umask 077; "$VENV/bin/python" -c 'import secrets; print(secrets.token_urlsafe(12))' >"$password_file")
  echo "Пароль администратора (admin): $(cat "$password_file")  — сохранён в $password_file" >&2
fi

stop
bundle="$HOME_DIR/edulake_bundle.zip"
"$VENV/bin/python" "$SCRIPTS/build_bundle.py" --mart "$MART" --out "$bundle"
"$VENV/bin/python" "$SCRIPTS/provision.py" --bundle "$bundle" \
  --admin-password-file "$password_file" >>"$LOG_FILE" 2>&1 || {
  echo "Ошибка подготовки Superset, см. $LOG_FILE" >&2; tail -20 "$LOG_FILE" >&2; exit 1; }

"$VENV/bin/gunicorn" --bind "127.0.0.1:$PORT" --workers 1 --worker-class gthread --threads 8 \
  --timeout 120 --limit-request-line 0 --limit-request-field_size 0 \
  --pid "$PID_FILE" --daemon --error-logfile "$LOG_FILE" --capture-output \
  "superset.app:create_app()"

URL="http://127.0.0.1:$PORT"
for _ in $(seq 1 240); do
  if [[ "$(curl -fsS "$URL/health" 2>/dev/null || true)" == OK ]]; then
    elapsed_ms=$(( $(date +%s%N) / 1000000 - started_ms ))
    printf 'Superset готов: %s (пользователь admin) — %d,%d с от запуска до готовности\n' \
      "$URL" $((elapsed_ms / 1000)) $((elapsed_ms % 1000 / 100))
    exit 0
  fi
  if [[ -f $PID_FILE ]] && ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then break; fi
  sleep 0.5
done
echo "Superset не запустился, см. $LOG_FILE" >&2
tail -30 "$LOG_FILE" >&2
exit 1
