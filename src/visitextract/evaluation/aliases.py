"""Aliases in context: does each marked mention resolve to the entity a reader would name?

A case is one sentence with one mention in brackets (``"[Ankara] has restored relations ..."``),
the expected entity id and country, or ``-`` for words that must not resolve to any known place
("[Jordan Henderson] signed ..."). The score is the share of cases right with a given extractor;
the test suite and ``benchmarks/run.py`` use the same cases (``tests/data/aliases_in_context.tsv``)
and the same scoring, so the figure in docs/performance.md is the one the tests check.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from visitextract.api import Extractor
    from visitextract.models import Extraction

__all__ = ["AliasCase", "AliasResult", "check_case", "read_cases", "score"]

PLACE_KINDS = frozenset({"country", "city", "region", "site", "bloc", "organization"})
_MARK = re.compile(r"\[([^\[\]]+)\]")


@dataclass(frozen=True)
class AliasCase:
    """One sentence, the offsets of its marked mention, and what that mention must resolve to."""

    category: str
    text: str
    start: int
    end: int
    entity_id: str | None  # None: the words must not resolve to any known place
    country: str | None

    @property
    def surface(self) -> str:
        return self.text[self.start : self.end]


@dataclass(frozen=True)
class AliasResult:
    case: AliasCase
    ok: bool
    got: str  # what the extraction had at the mention, for failure messages


def parse_case(category: str, marked: str, entity_id: str, country: str) -> AliasCase:
    """A case from its marked sentence (exactly one ``[mention]``)."""
    found = list(_MARK.finditer(marked))
    if len(found) != 1:
        raise ValueError(f"a case marks exactly one mention in brackets, got {len(found)}: {marked!r}")
    m = found[0]
    text = marked[: m.start()] + m.group(1) + marked[m.end() :]
    return AliasCase(
        category=category,
        text=text,
        start=m.start(),
        end=m.start() + len(m.group(1)),
        entity_id=None if entity_id == "-" else entity_id,
        country=None if country == "-" else country,
    )


def read_cases(path: str | Path) -> list[AliasCase]:
    """Cases from a tab-separated file: category, marked sentence, entity id, country (``#`` comments)."""
    cases: list[AliasCase] = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 4:
            raise ValueError(f"{path}:{n}: expected 4 tab-separated columns, got {len(cols)}")
        cases.append(parse_case(*cols))
    return cases


def check_case(case: AliasCase, extraction: Extraction) -> AliasResult:
    """Whether one extraction resolves the case's mention as expected."""
    places = [m for m in extraction.mentions if m.kind in PLACE_KINDS]
    described = ", ".join(f"{m.text!r}@{m.start}:{m.end}->{m.entity_id}({m.country})" for m in places)
    if case.entity_id is None:
        # an unknown place may be kept ("place:<slug>" without a country), never a known one
        wrong = [
            m
            for m in places
            if m.start < case.end
            and case.start < m.end
            and (m.country is not None or not m.entity_id.startswith("place:"))
        ]
        return AliasResult(case, not wrong, described or "no place mention")
    at = [m for m in places if (m.start, m.end) == (case.start, case.end)]
    ok = bool(at) and (at[0].entity_id, at[0].country) == (case.entity_id, case.country)
    return AliasResult(case, ok, described or "no place mention")


def score(extractor: Extractor, cases: Sequence[AliasCase]) -> list[AliasResult]:
    """Every case's result, the sentences extracted in one ``Extractor.pipe`` call."""
    texts = list(dict.fromkeys(c.text for c in cases))
    by_text = dict(zip(texts, extractor.pipe(texts), strict=True))
    return [check_case(c, by_text[c.text]) for c in cases]


def accuracy(results: Iterable[AliasResult]) -> float:
    """The share of results that are right (0.0 for none)."""
    done = list(results)
    return sum(r.ok for r in done) / len(done) if done else 0.0
