"""Shared fixtures and helpers for the rule specification tests.

One ``Extractor`` is built for the whole session (loading the spaCy pipeline is the slow part); the
``extract`` fixture runs it on a text with a reference date. The helpers below pick records out of an
``Extraction`` and compare them with a table of expected values, listing every mismatch at once so a
failing case says what the rules got wrong, not only that something differed.

The test modules import the helpers with ``from conftest import ...`` (pytest puts tests/ on sys.path).
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from visitextract import Extractor
from visitextract.models import Extraction, Meeting, Person, Span, Statement, Visit

# A Tuesday. Cases that need another reference date say so.
PUBLISHED = "2022-12-06"

ExtractFn = Callable[..., Extraction]


def load_script(name: str, path: Path) -> ModuleType:
    """Import a build script of models/ by path (it is no package); its folder is on ``sys.path``
    while it loads, so it can import its sibling scripts."""
    sys.path.insert(0, str(path.parent))
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
        sys.path.remove(str(path.parent))
    return module


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """One Extractor (and so one loaded spaCy pipeline) for the whole test session."""
    ex = Extractor()
    _ = ex.nlp  # load now, so the first test's timing is not the pipeline's
    return ex


@pytest.fixture(scope="session")
def ungated(extractor: Extractor) -> Extractor:
    """The session extractor without the relevance gate: every text goes through the pipeline."""
    _ = extractor.nlp
    return extractor.with_gate(False)


@pytest.fixture(scope="session")
def extract(extractor: Extractor) -> ExtractFn:
    """``extract(text, published=PUBLISHED, doc_id=None)`` -> Extraction, with the session extractor."""

    def run(text: str, published: object = PUBLISHED, doc_id: str | None = None) -> Extraction:
        return extractor.extract(text, published=published, doc_id=doc_id)

    return run


# ---------------------------------------------------------------------------------------------- views
def summary(ex: Extraction) -> str:
    """A compact dump of an Extraction for assertion messages."""
    lines: list[str] = []
    for p in ex.people:
        lines.append(
            f"person {p.name!r} office={p.office!r} country={p.country!r} title={p.title!r} named={p.named}"
        )
    for v in ex.visits:
        d = v.dates
        dates = None if d is None else (d.start, d.end, d.granularity, d.text, d.start_partial, d.end_partial)
        lines.append(
            f"visit {v.visitor.name!r} {v.visitor_country}->{v.host_country} "
            f"places={[p.name for p in v.places]} status={v.status} dates={dates} rule={v.rule}"
        )
    for mt in ex.meetings:
        d = mt.date
        date = None if d is None else (d.start, d.end, d.text)
        lines.append(
            f"meeting {[p.name for p in mt.participants]} status={mt.status} mode={mt.mode} "
            f"place={mt.place.name if mt.place else None} date={date} rule={mt.rule}"
        )
    for s in ex.statements:
        lines.append(
            f"statement {s.speaker.type}:{s.speaker.name!r} direct={s.direct} quote={s.quote!r} rule={s.rule}"
        )
    return "\n".join(lines) or "(nothing extracted)"


def get_path(obj: Any, path: str) -> Any:
    """``get_path(visit, "dates.start")``; a None on the way gives None."""
    for part in path.split("."):
        if obj is None:
            return None
        obj = getattr(obj, part)
    return obj


def check_fields(obj: Any, expected: dict[str, Any], ex: Extraction | None = None) -> None:
    """Compare dotted attribute paths with expected values; report every mismatch together.

    Special keys: ``places`` (set of place names), ``place_ids`` (set of place ids), ``<path>__in``
    (value is one of a collection), ``<path>__contains`` (substring), ``participants`` (set of names).
    """
    problems: list[str] = []
    for key, want in expected.items():
        if key == "places":
            got: Any = {p.name for p in obj.places}
            ok = got == set(want)
        elif key == "place_ids":
            got = {p.id for p in obj.places}
            ok = got == set(want)
        elif key == "participants":
            got = {p.name for p in obj.participants}
            ok = got == set(want)
        elif key.endswith("__in"):
            got = get_path(obj, key[: -len("__in")])
            ok = got in want
        elif key.endswith("__contains"):
            got = get_path(obj, key[: -len("__contains")])
            ok = got is not None and want in got
        else:
            got = get_path(obj, key)
            ok = got == want
        if not ok:
            problems.append(f"{key}: expected {want!r}, got {got!r}")
    if problems:
        context = f"\n--- extraction ---\n{summary(ex)}" if ex is not None else ""
        raise AssertionError("; ".join(problems) + context)


# -------------------------------------------------------------------------------------------- finders
def person_named(ex: Extraction, name: str) -> Person:
    found = [p for p in ex.people if p.name == name]
    assert len(found) == 1, f"expected one person named {name!r}, got {len(found)}\n{summary(ex)}"
    return found[0]


def visits_of(ex: Extraction, visitor: str) -> list[Visit]:
    return [v for v in ex.visits if v.visitor.name == visitor]


def one_visit(ex: Extraction, visitor: str, host: str | None = None) -> Visit:
    found = [v for v in visits_of(ex, visitor) if host is None or v.host_country == host]
    assert len(found) == 1, (
        f"expected one visit by {visitor!r}"
        + (f" to {host}" if host else "")
        + f", got {len(found)}\n{summary(ex)}"
    )
    return found[0]


def meetings_with(ex: Extraction, names: Iterable[str]) -> list[Meeting]:
    want = set(names)
    return [mt for mt in ex.meetings if want <= {p.name for p in mt.participants}]


def one_meeting(ex: Extraction, names: Iterable[str]) -> Meeting:
    names = list(names)
    found = meetings_with(ex, names)
    assert len(found) == 1, f"expected one meeting of {names}, got {len(found)}\n{summary(ex)}"
    return found[0]


def statements_by(ex: Extraction, speaker: str) -> list[Statement]:
    return [s for s in ex.statements if s.speaker.name == speaker]


def assert_span(text: str, span: Span | None, what: str = "span") -> None:
    assert span is not None, f"{what} is missing"
    assert 0 <= span.start <= span.end <= len(text), f"{what} {span.start}:{span.end} is outside the text"
    found = text[span.start : span.end]
    assert found == span.text, (
        f"{what} says {span.text!r} but the text at {span.start}:{span.end} is {found!r}"
    )


def assert_offsets(text: str, ex: Extraction) -> None:
    """Every evidence span, quote span, date span and mention slices the input exactly."""
    for v in ex.visits:
        for s in v.evidence:
            assert_span(text, s, f"visit evidence ({v.rule})")
        if v.dates is not None and v.dates.span is not None:
            assert_span(text, v.dates.span, "visit date span")
    for mt in ex.meetings:
        for s in mt.evidence:
            assert_span(text, s, f"meeting evidence ({mt.rule})")
    for st in ex.statements:
        for s in st.evidence:
            assert_span(text, s, f"statement evidence ({st.rule})")
        if st.quote_span is not None:
            assert_span(text, st.quote_span, "quote span")
    for p in ex.people:
        for s in p.mentions:
            assert_span(text, s, f"mention of {p.name}")
    for mn in ex.mentions:
        assert 0 <= mn.start <= mn.end <= len(text)
        assert text[mn.start : mn.end] == mn.text, f"mention {mn.text!r} at {mn.start}:{mn.end}"
