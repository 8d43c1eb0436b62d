"""Executes notebooks top to bottom with nbclient and writes the executed copies.

Usage: python run_notebooks.py --out DIR [--timeout SECONDS] NOTEBOOK...
Exit 0 when every notebook ran without an error, 1 otherwise. The mart is taken from
EDULAKE_MART by the notebooks themselves (edulake_nb.connect).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError


def execute(notebook: Path, out_dir: Path, timeout: int) -> str | None:
    """Runs one notebook in its own folder; returns None, or the reason it failed."""
    document = nbformat.read(notebook, as_version=4)
    client = NotebookClient(
        document,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(notebook.parent)}},
    )
    failure = None
    try:
        client.execute()
    except CellTimeoutError as error:
        failure = f"cell timed out after {timeout} s: {str(error).splitlines()[0]}"
    except CellExecutionError as error:
        plain = re.sub(r"\x1b\[[0-9;]*m", "", str(error))
        lines = [line for line in plain.splitlines() if line.strip()]
        failure = lines[-1] if lines else "cell failed"
    except DeadKernelError as error:
        failure = f"kernel died: {error}"
    finally:
        out_dir.mkdir(parents=True, exist_ok=True)
        nbformat.write(document, out_dir / notebook.name)
    return failure


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for executed copies")
    parser.add_argument("--timeout", type=int, default=300, help="seconds per cell")
    parser.add_argument("notebooks", nargs="+", type=Path)
    args = parser.parse_args()

    failed = 0
    for notebook in args.notebooks:
        started = time.monotonic()
        failure = execute(notebook.resolve(), args.out, args.timeout)
        seconds = time.monotonic() - started
        if failure is None:
            print(f"ok      {notebook.name} ({seconds:.1f} s)")
        else:
            failed += 1
            print(f"FAILED  {notebook.name} ({seconds:.1f} s): {failure}", file=sys.stderr)
            print(f"        executed copy: {args.out / notebook.name}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
