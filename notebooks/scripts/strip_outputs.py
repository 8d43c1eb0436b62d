"""Removes outputs and execution counts from notebooks before they are committed.

Usage: python notebooks/scripts/strip_outputs.py [NOTEBOOK...]   (default: notebooks/*.ipynb)
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

NOTEBOOKS_DIR = Path(__file__).resolve().parent.parent


def strip(path: Path) -> bool:
    """Strips one notebook in place; returns True when it changed."""
    document = nbformat.read(path, as_version=4)
    changed = False
    for cell in document.cells:
        if cell.cell_type != "code":
            continue
        if cell.outputs or cell.execution_count is not None:
            cell.outputs = []
            cell.execution_count = None
            changed = True
        if "execution" in cell.metadata:
            del cell.metadata["execution"]
            changed = True
    if changed:
        nbformat.write(document, path)
    return changed


def main() -> int:
    paths = [Path(p) for p in sys.argv[1:]] or sorted(NOTEBOOKS_DIR.glob("*.ipynb"))
    for path in paths:
        if strip(path):
            print(f"stripped {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
