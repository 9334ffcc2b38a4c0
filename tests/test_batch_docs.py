"""The Python blocks of README.md ("Batch") and docs/analytics.md run on a fresh batch of examples/."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from visitextract.batch import BatchConfig, InProcessEngine, run_batch

ROOT = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)
TEXT = re.compile(r"```text\n(.*?)```", re.DOTALL)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """out.duckdb (README) and out/examples.{duckdb,parquet} (analytics.md), as the docs make them."""
    cwd = tmp_path_factory.mktemp("docs")
    engine = InProcessEngine(None, batch_size=32)
    examples = ROOT / "examples"
    run_batch(BatchConfig([examples], str(cwd / "out.duckdb")), engine=engine)
    for out in ("out/examples.duckdb", "out/examples.parquet"):
        run_batch(BatchConfig([examples], str(cwd / out), published="2022-12-06"), engine=engine)
    return cwd


def _run(code: str, cwd: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(cwd)
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        exec(compile(code, "<doc>", "exec"), {"__name__": "__doc_recipe__"})
    return buffer.getvalue()


def _header(text: str) -> str:
    """The first line of a shown output that names columns (it does not change with the rules)."""
    return next(line for line in text.splitlines() if re.search(r"[a-z]_[a-z]|country|status", line)).strip()


@pytest.mark.parametrize(("doc", "n_blocks"), [("docs/analytics.md", 3), ("README.md", 1)])
def test_documented_python_runs_and_prints_what_the_doc_shows(
    doc: str, n_blocks: int, outputs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (ROOT / doc).read_text(encoding="utf-8")
    if doc == "README.md":
        text = text.split("## Batch", 1)[1].split("\n## ", 1)[0]
    blocks = BLOCK.findall(text)
    shown = [t for t in TEXT.findall(text) if "┌" in t or "status" in t or "country" in t]
    assert len(blocks) == n_blocks and len(shown) == n_blocks
    for code, expected in zip(blocks, shown, strict=True):
        printed = _run(code, outputs, monkeypatch)
        assert printed.strip(), code
        assert _header(expected) == _header(printed)
