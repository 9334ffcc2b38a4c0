"""``visitextract report``: the page's highlights, links and overview, then the page in a real headless
Chromium (no console errors, no request beyond the file itself, highlights on the right characters,
a screenshot in the test's temp folder)."""

from __future__ import annotations

import html.parser
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from _browser import BrowserError, chromium, find_chromium
from visitextract.batch import BatchConfig, InProcessEngine, run_batch
from visitextract.io.load import load_records
from visitextract.report import document_texts, render_report, write_report

ROOT = Path(__file__).resolve().parents[1]
INPUTS = [ROOT / "examples", ROOT / "tests" / "data" / "events" / "state-visit"]

TEXT = (
    "HANOI – Irish Foreign Minister Niamh Gallagher arrived in Hanoi on Monday. "
    "She met Pham Thanh Son on Tuesday. "
    '"We will open an office here," Gallagher said.'
)


def _span(part: str) -> dict[str, Any]:
    start = TEXT.index(part)
    return {"start": start, "end": start + len(part), "text": part}


def _record() -> dict[str, Any]:
    first = TEXT.split(". ")[0] + "."
    second = "She met Pham Thanh Son on Tuesday."
    third = '"We will open an office here," Gallagher said.'
    gallagher = {
        "type": "person",
        "id": "person:niamh-gallagher",
        "name": "Niamh Gallagher",
        "country": "IRL",
    }
    son = {"type": "person", "id": "person:pham-thanh-son", "name": "Pham Thanh Son", "country": "VNM"}
    return {
        "doc_id": "hanoi-1",
        "published": "2024-03-05",
        "error": None,
        "source": {"file": "hanoi-1.txt", "line": None, "index": None, "url": "https://news.example.org/h1"},
        "visits": [
            {
                "visitor": gallagher,
                "visitor_country": "IRL",
                "host_country": "VNM",
                "places": [{"id": "city:hanoi", "name": "Hanoi", "kind": "city", "country": "VNM"}],
                "dates": {"start": "2024-03-04", "end": None, "granularity": "day", "text": "Monday"},
                "status": "ongoing",
                # two spans, the second shared with the meeting: the highlights overlap
                "evidence": [_span(first), _span(second)],
                "confidence": 0.9,
                "rule": "visit.arrived",
            }
        ],
        "meetings": [
            {
                "participants": [gallagher, son],
                "date": None,
                "place": None,
                "status": "held",
                "mode": "in_person",
                "evidence": [_span(second)],
                "confidence": 0.85,
                "rule": "meeting.met",
            }
        ],
        "statements": [
            {
                "speaker": gallagher,
                "quote": "We will open an office here",
                "direct": True,
                "evidence": [_span(third)],
                "confidence": 0.9,
                "rule": "statement.quote",
            }
        ],
        "mentions": [
            {
                "text": "Irish",
                "start": TEXT.index("Irish"),
                "end": TEXT.index("Irish") + 5,
                "entity_id": "country:IRL",
                "kind": "country",
            },
            {"text": "HANOI", "start": 0, "end": 5, "entity_id": "city:hanoi", "kind": "city"},
        ],
    }


class _Marks(html.parser.HTMLParser):
    """Every ``mark``: its attributes and text; every element id."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[dict[str, Any]] = []
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self._open: dict[str, Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if "href" in a:
            self.hrefs.append(a["href"])
        if tag == "mark" and "data-start" in a:
            self._open = {**a, "text": ""}

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open["text"] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self._open is not None:
            self.marks.append(self._open)
            self._open = None


def _parse(page: str) -> _Marks:
    parser = _Marks()
    parser.feed(page)
    return parser


def _covered(marks: list[dict[str, Any]], key: str, start: int, end: int) -> str:
    parts = [m for m in marks if key in m["data-records"].split() and start <= int(m["data-start"]) < end]
    return "".join(m["text"] for m in sorted(parts, key=lambda m: int(m["data-start"])))


def test_highlights_sit_on_the_evidence_characters() -> None:
    record = _record()
    parsed = _parse(render_report([record], {0: TEXT}))
    for m in parsed.marks:
        assert TEXT[int(m["data-start"]) : int(m["data-end"])] == m["text"]
    for kind in ("visit", "meeting", "statement"):
        rec = record[f"{kind}s"][0]
        key = f"d0-{kind}-0"
        for span in rec["evidence"]:
            assert _covered(parsed.marks, key, span["start"], span["end"]) == span["text"], (kind, span)
            assert f"{key}-at-{span['start']}" in parsed.ids  # the card's evidence link has a target
        assert key in parsed.ids  # the highlight's tag links to the card
    shared = [m for m in parsed.marks if m["text"] == "She met Pham Thanh Son on Tuesday."]
    assert len(shared) == 1 and set(shared[0]["class"].split()) == {"hl", "hl-visit", "hl-meeting"}
    assert set(shared[0]["data-records"].split()) == {"d0-visit-0", "d0-meeting-0"}
    # a mention inside a visit's evidence is a stretch of its own, marked as both
    [irish] = [m for m in parsed.marks if m["text"] == "Irish"]
    assert set(irish["class"].split()) == {"hl", "hl-visit", "hl-mention"}
    # every internal link points at an element of the page
    for href in parsed.hrefs:
        if href.startswith("#"):
            assert href[1:] in parsed.ids, href


def test_the_page_is_self_contained() -> None:
    page = render_report([_record()], {0: TEXT})
    lowered = page.lower()
    for needle in ("<link", "<img", "<iframe", "src=", "@import", "url(", "fetch(", "xmlhttprequest"):
        assert needle not in lowered, needle
    # the one absolute address is the article's own link, which loads nothing
    parsed = _parse(page)
    assert [h for h in parsed.hrefs if not h.startswith("#")] == ["https://news.example.org/h1"]


def test_a_document_without_its_text_shows_its_records() -> None:
    page = render_report([_record()], {})
    assert "The text is not shown" in page and "visit.arrived" in page
    assert _parse(page).marks == []


def test_texts_are_read_again_and_refused_when_the_file_changed(tmp_path: Path) -> None:
    record = _record()
    (tmp_path / "hanoi-1.txt").write_text(TEXT, encoding="utf-8")
    assert document_texts([record], tmp_path) == {0: TEXT}
    (tmp_path / "hanoi-1.txt").write_text("Edited. " + TEXT, encoding="utf-8")
    assert document_texts([record], tmp_path) == {}
    (tmp_path / "hanoi-1.txt").unlink()
    assert document_texts([record], tmp_path) == {}


def test_overview_timeline_busiest_and_errors() -> None:
    error = {
        "doc_id": "broken.json",
        "published": None,
        "error": {"file": "in/broken.json", "stage": "parse", "message": "[E018] Could not parse"},
        "source": {"file": "in/broken.json"},
        "visits": [],
        "meetings": [],
        "statements": [],
    }
    second = _record() | {"doc_id": "hanoi-2", "published": "2024-03-06"}
    page = render_report([_record(), second, error], {})
    assert "<svg" in page and page.count('class="bar bar-ongoing"') == 1  # two reports, one visit
    assert "VNM ×2" in page
    assert "[E018] Could not parse" in page and "Errors (1)" in page
    assert "<td>VNM</td><td>1</td><td>2</td><td>Niamh Gallagher</td>" in page


# ------------------------------------------------------------------------------------ Chromium
@pytest.fixture(scope="module")
def batch_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]]]:
    folder = tmp_path_factory.mktemp("report")
    out = folder / "all.jsonl"
    engine = InProcessEngine(None, batch_size=16)
    run_batch(BatchConfig(INPUTS, str(out), batch_size=16, published="2022-12-06"), engine=engine)
    records = load_records(out)
    page = folder / "report.html"
    summary = write_report(records, page, root=Path.cwd())
    assert summary.with_text == summary.documents == 35  # every text found again (the empty one too)
    return page, records


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    exe = find_chromium()
    if exe is None:
        message = "Chromium is not installed (apt-get install -y chromium; .ci/run installs it in CI)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    try:
        with chromium(exe, tmp_path_factory.mktemp("chromium-profile")) as b:
            yield b
    except BrowserError as exc:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip(f"Chromium ({exe}) could not be driven here: {exc}")


_MARKS_JS = """
Array.from(document.querySelectorAll('mark.hl[data-start]')).map(function (m) {
  var r = m.getBoundingClientRect();
  return {doc: m.closest('.text').getAttribute('data-doc'), start: +m.dataset.start, end: +m.dataset.end,
          text: m.textContent, records: m.dataset.records, w: r.width, h: r.height,
          bg: getComputedStyle(m).backgroundColor, cls: m.className};
})
"""


@pytest.mark.slow
def test_the_report_renders_in_chromium(
    batch_report: tuple[Path, list[dict[str, Any]]], browser: Any, tmp_path: Path
) -> None:
    page_path, records = batch_report
    texts = document_texts(records, Path.cwd())
    page = browser.new_page(1280, 1000)
    page.navigate(page_path.as_uri())
    assert page.console_errors == []
    assert page.requests == [page_path.as_uri()]  # nothing but the file itself
    assert page.evaluate("document.title") == "visitextract report"
    marks = page.evaluate(_MARKS_JS)
    assert len(marks) > 100
    for m in marks:
        text = texts[int(m["doc"][1:])]
        assert text[m["start"] : m["end"]] == m["text"], m
        assert m["w"] > 0 and m["h"] > 0  # drawn, not hidden
    # every evidence span of every record is highlighted, whole, where its offsets say
    for k, r in enumerate(records):
        for kind in ("visit", "meeting", "statement"):
            for i, rec in enumerate(r[f"{kind}s"]):
                key = f"d{k}-{kind}-{i}"
                for span in rec["evidence"]:
                    got = "".join(
                        m["text"]
                        for m in marks
                        if m["doc"] == f"d{k}"
                        and key in m["records"].split()
                        and span["start"] <= m["start"] < span["end"]
                    )
                    assert got == span["text"], (key, span)
    visit_only = next(m for m in marks if m["cls"] == "hl hl-visit")
    assert visit_only["bg"] == "rgb(215, 232, 251)"  # the visit colour
    # the timeline: one bar per dated visit event, the state visit's 20 reports on one bar
    bars = page.evaluate("Array.from(document.querySelectorAll('svg.timeline rect.bar')).length")
    assert bars >= 10
    assert page.evaluate("document.querySelector('svg.timeline').textContent.indexOf('SWE ×20') >= 0")
    # hovering a record card lights its highlights (the page's script ran)
    lit = page.evaluate(
        "(function(){var c=document.querySelector('.card');c.dispatchEvent(new MouseEvent('mouseenter'));"
        "return document.querySelectorAll('mark.on').length;})()"
    )
    assert lit > 0
    shot = page.screenshot(tmp_path / "report.png")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    assert page.console_errors == []


@pytest.mark.slow
def test_report_command(batch_report: tuple[Path, list[dict[str, Any]]], tmp_path: Path) -> None:
    page_path, _ = batch_report
    jsonl = page_path.with_name("all.jsonl")
    out = tmp_path / "r.html"
    cmd = [sys.executable, "-m", "visitextract", "report", str(jsonl), "-o", str(out), "--limit", "5"]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=Path.cwd())
    assert done.returncode == 0, done.stderr
    assert "documents (5 shown" in done.stderr
    page = out.read_text(encoding="utf-8")
    assert page.count('<section class="doc') == 5 and "more documents are not shown (--limit 5)" in page
