"""The Python blocks of the pages about events, export, the report, the Python API and the spaCy
components (and of README's section on them) run on a fresh batch and print what the pages show;
the site's link hook turns repository links into site links."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import re
from pathlib import Path
from types import ModuleType

import pytest

from visitextract.batch import BatchConfig, InProcessEngine, run_batch

ROOT = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"```python\n(.*?)```\n+```text\n(.*?)```", re.DOTALL)
INPUTS = [ROOT / "examples", ROOT / "tests" / "data" / "events" / "state-visit"]


@pytest.fixture(scope="module")
def cwd(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """out/news.jsonl and out/news.parquet, as the pages' shell blocks make them."""
    folder = tmp_path_factory.mktemp("docs-events")
    engine = InProcessEngine(None, batch_size=32)
    for out in ("out/news.jsonl", "out/news.parquet"):
        run_batch(BatchConfig(INPUTS, str(folder / out), published="2022-12-06"), engine=engine)
    return folder


def _section(doc: str) -> str:
    text = (ROOT / doc).read_text(encoding="utf-8")
    if doc == "README.md":
        return text.split("## Events, PLOVER, CAMEO and the report", 1)[1].split("\n## ", 1)[0]
    return text


def _first_line(text: str) -> str:
    """What a shown output starts with that does not move with the rules: a table's column names,
    else the first word of the first line."""
    for line in text.splitlines():
        if "│" in line:
            return " ".join(line.replace("│", " ").split())
    return text.split()[0] if text.split() else ""


@pytest.mark.parametrize(
    ("doc", "n_blocks"),
    [("docs/events.md", 2), ("docs/python-api.md", 3), ("docs/spacy.md", 1), ("README.md", 1)],
)
def test_documented_python_runs_and_prints_what_the_page_shows(
    doc: str, n_blocks: int, cwd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocks = BLOCK.findall(_section(doc))
    assert len(blocks) == n_blocks
    monkeypatch.chdir(cwd)
    for code, shown in blocks:
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            exec(compile(code, f"<{doc}>", "exec"), {"__name__": "__doc_recipe__"})
        printed = buffer.getvalue()
        assert printed.strip(), code
        assert _first_line(printed) == _first_line(shown), (doc, printed)


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
