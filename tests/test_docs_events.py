"""The site's link hook turns repository links into site links. (The blocks of the pages about
events, export, the report, the Python API and the spaCy components are run, and their outputs
compared whole, by tests/test_docs.py.)"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_hooks", ROOT / "docs" / "hooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("written_in", "markdown", "expected"),
    [
        ("README.md", "see [docs/batch.md](docs/batch.md#tables)", "see [docs/batch.md](batch.md#tables)"),
        ("README.md", "![shot](docs/img/report-timeline.png)", "![shot](img/report-timeline.png)"),
        ("README.md", "the [table](models/README.md)", "the [table](knowledge-tables.md)"),
        (
            "docs/batch.md",
            "the [contract](../../shared/contract.md)",
            "the contract (`../shared/contract.md`)",
        ),
        (
            "docs/normalisation.md",
            "[models/README.md](../models/README.md)",
            "[models/README.md](knowledge-tables.md)",
        ),
        ("README.md", "[licence](models/sources.md)", "licence (`models/sources.md`)"),
        (
            "README.md",
            "[site](https://example.org/x.md) and [here](#layout)",
            "[site](https://example.org/x.md) and [here](#layout)",
        ),
        (
            "README.md",
            "```sh\n[not a link](docs/batch.md)\n```\n",
            "```sh\n[not a link](docs/batch.md)\n```\n",
        ),
    ],
)
def test_site_hook_rewrites_repository_links(written_in: str, markdown: str, expected: str) -> None:
    hooks = _hooks()
    docs = ROOT / "docs"
    page = docs / ("index.md" if written_in == "README.md" else Path(written_in).name)
    assert hooks._rewrite(markdown, ROOT / written_in, page, docs, ROOT) == expected
