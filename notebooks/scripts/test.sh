#!/usr/bin/env bash
# Notebook tests: builds the venv .venv/notebooks once (again when requirements.txt changes),
# executes every notebook top to bottom against the mart in EDULAKE_MART (executed copies go to
# artifacts/notebooks/), then runs notebooks/tests with pytest. Exit non-zero on any failure.
#
#   EDULAKE_MART=data/mart/edulake.duckdb notebooks/scripts/test.sh
#
# Optional: NOTEBOOK_CELL_TIMEOUT (seconds per cell, default 300), NOTEBOOK_TOTAL_TIMEOUT
# (seconds for all notebooks, default 1800), PYTHON (interpreter for the venv, default python3).
set -euo pipefail

NB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_ROOT="$(cd "$NB_DIR/.." && pwd)"
VENV="$REPO_ROOT/.venv/notebooks"
ARTIFACTS="$REPO_ROOT/artifacts/notebooks"
PYTHON="${PYTHON:-python3}"
CELL_TIMEOUT="${NOTEBOOK_CELL_TIMEOUT:-300}"
TOTAL_TIMEOUT="${NOTEBOOK_TOTAL_TIMEOUT:-1800}"

if [[ -z "${EDULAKE_MART:-}" ]]; then
  echo "notebooks/scripts/test.sh: EDULAKE_MART is not set; point it at a mart file," \
       "e.g. EDULAKE_MART=data/mart/edulake.duckdb (./edulake demo writes it)" >&2
  exit 64
fi
if [[ ! -f "$EDULAKE_MART" ]]; then
  echo "notebooks/scripts/test.sh: EDULAKE_MART=$EDULAKE_MART: no such file" >&2
  exit 66
fi
EDULAKE_MART="$(cd "$(dirname "$EDULAKE_MART")" && pwd)/$(basename "$EDULAKE_MART")"
export EDULAKE_MART

# --- venv: rebuilt only when requirements.txt (or the Python version) changes -----------------
mkdir -p "$REPO_ROOT/.venv"
exec 9>"$REPO_ROOT/.venv/notebooks.lock"
if command -v flock >/dev/null; then flock 9; fi   # two runs at once share one build
wanted="$( { cat "$NB_DIR/requirements.txt"; "$PYTHON" --version; } | sha256sum | cut -d' ' -f1)"
stamp="$VENV/.requirements.sha256"
if [[ ! -x "$VENV/bin/python" || "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]]; then
  echo "notebooks: building $VENV" >&2
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    -r "$NB_DIR/requirements.txt"
  echo "$wanted" >"$stamp"
fi
exec 9>&-

# Kernels and caches stay inside the venv: the venv's own python3 kernel, not one from $HOME.
export JUPYTER_PREFER_ENV_PATH=1
export IPYTHONDIR="$VENV/ipython"
export MPLCONFIGDIR="$VENV/matplotlib"
export PYTHONDONTWRITEBYTECODE=1

# --- notebooks, top to bottom --------------------------------------------------------------------
mkdir -p "$ARTIFACTS"
status=0
timeout "$TOTAL_TIMEOUT" "$VENV/bin/python" "$NB_DIR/scripts/run_notebooks.py" \
  --out "$ARTIFACTS" --timeout "$CELL_TIMEOUT" "$NB_DIR"/[0-9]*.ipynb || status=$?
if [[ $status -eq 124 ]]; then
  echo "notebooks: gave up after $TOTAL_TIMEOUT s (NOTEBOOK_TOTAL_TIMEOUT)" >&2
fi

# --- SQL contract and helper tests ---------------------------------------------------------------
"$VENV/bin/python" -m pytest -q -p no:cacheprovider "$NB_DIR/tests" || status=$?

if [[ $status -ne 0 ]]; then
  echo "notebooks: FAILED (executed copies in $ARTIFACTS)" >&2
fi
exit $status
