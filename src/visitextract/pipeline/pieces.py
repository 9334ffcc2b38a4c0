"""Long documents in bounded pieces, and records whose size is linear in the document.

A document longer than ``Extractor.chunk_chars`` (100,000 characters by default: several times the
longest news article, so articles are never cut) is cut at paragraph breaks into pieces of at most
that length (:func:`split_text`). Each piece goes through the pipeline and the rules on its own and
its Doc is dropped before the next one is made, so memory stays flat in the document's length and
time grows linearly (the rules reason within an article, some of them over all its sentences, which
is quadratic in a text that is not one article). :func:`merge_pieces` shifts every offset of a
piece's records by the piece's start, so they slice the original text, and joins the pieces' people:
the same person in two pieces (linked as across the documents of a batch) is one person with the
mentions of both.

:func:`compact_embedded` keeps the output linear: the person inside a visit, meeting or statement
carries only its mentions within that record's evidence; all of them are in ``people`` (same id). A
speaker quoted on every line of a transcript would otherwise repeat every mention on every
statement, a record size quadratic in the text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from typing import Any

from visitextract.models import Extraction, Span

__all__ = ["PieceMerger", "compact_embedded", "merge_pieces", "shift_offsets", "split_text"]

_SEPARATORS = ("\n\n", "\n", ". ", " ")


def split_text(text: str, limit: int) -> list[str]:
    """Cut ``text`` into consecutive pieces of at most ``limit`` characters, at natural breaks
    (a paragraph, else a line, else a sentence end, else a space, in the second half of the window)."""
    pieces: list[str] = []
    start = 0
    n = len(text)
    while n - start > limit:
        cut = -1
        for sep in _SEPARATORS:
            pos = text.rfind(sep, start + limit // 2, start + limit)
            if pos >= 0 and pos + len(sep) <= start + limit:
                cut = pos + len(sep) - start
                break
        if cut <= 0:
            cut = limit
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def shift_offsets(data: Any, offset: int) -> Any:
    """Add ``offset`` to every character offset in an Extraction's JSON (spans, mentions), in place.

    Offsets are the int ``start``/``end`` pairs; a DateRange's ``start``/``end`` are date strings.
    """
    if offset == 0:
        return data
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, MutableMapping):
            start, end = node.get("start"), node.get("end")
            if type(start) is int and type(end) is int:
                node["start"], node["end"] = start + offset, end + offset
            stack.extend(v for v in node.values() if isinstance(v, dict | list))
        elif isinstance(node, list):
            stack.extend(v for v in node if isinstance(v, dict | list))
    return data


def _join_actor(into: MutableMapping[str, Any], other: Mapping[str, Any]) -> None:
    into["mentions"] = [*into.get("mentions", []), *other.get("mentions", [])]
    if len(str(other.get("name") or "")) > len(str(into.get("name") or "")):
        into["name"] = other["name"]  # the fullest form of the name in the text
    for key, value in other.items():
        if into.get(key) is None and value is not None:
            into[key] = value


class PieceMerger:
    """Joins the Extractions of consecutive pieces one at a time, so that only the merged JSON (not
    every piece's objects besides) is held: each piece is linked, dumped, shifted and dropped."""

    def __init__(self, doc_id: str | None, published: str | None) -> None:
        from visitextract.normalize.people import PersonRegistry

        self.registry = PersonRegistry()
        self.out: dict[str, Any] = {
            "doc_id": doc_id,
            "published": published,
            "people": [],
            "visits": [],
            "meetings": [],
            "statements": [],
            "mentions": [],
            "organizations": [],
            "gated": True,
        }
        self._actors: dict[tuple[str, str], dict[str, Any]] = {}
        self._pieces = 0

    def add(self, offset: int, extraction: Extraction) -> None:
        """The records of the piece that starts at character ``offset`` of the whole text."""
        from visitextract.normalize.people import link_people

        [linked] = link_people([extraction], self.registry)
        self._pieces += 1
        self.out["gated"] = self.out["gated"] and linked.gated
        data = shift_offsets(linked.model_dump(mode="json"), offset)
        for key in ("people", "organizations"):
            for actor in data[key]:
                known = self._actors.get((key, actor["id"]))
                if known is None:
                    self._actors[(key, actor["id"])] = actor
                    self.out[key].append(actor)
                else:
                    _join_actor(known, actor)
        for key in ("visits", "meetings", "statements", "mentions"):
            self.out[key].extend(data[key])

    def result(self) -> Extraction:
        if not self._pieces:
            self.out["gated"] = False
        return Extraction.model_validate(self.out)


def merge_pieces(
    pieces: Sequence[tuple[int, Extraction]], doc_id: str | None, published: str | None
) -> Extraction:
    """One Extraction from the Extractions of consecutive pieces, each given with its start offset."""
    merger = PieceMerger(doc_id, published)
    for offset, extraction in pieces:
        merger.add(offset, extraction)
    return merger.result()


def _within(mentions: Iterable[Span], evidence: Sequence[Span]) -> list[Span]:
    return [s for s in mentions if any(s.start < e.end and e.start < s.end for e in evidence)]


def _trimmed(person: Any, evidence: Sequence[Span]) -> Any:
    if not person.mentions:
        return person
    kept = _within(person.mentions, evidence)
    if len(kept) == len(person.mentions):
        return person
    return person.model_copy(update={"mentions": kept})


def compact_embedded(extraction: Extraction) -> Extraction:
    """Visitors, participants and speakers with only their mentions inside the record's evidence."""
    for visit in extraction.visits:
        visit.visitor = _trimmed(visit.visitor, visit.evidence)
    for meeting in extraction.meetings:
        meeting.participants = [_trimmed(p, meeting.evidence) for p in meeting.participants]
    for statement in extraction.statements:
        evidence = [*statement.evidence, *([statement.quote_span] if statement.quote_span else [])]
        statement.speaker = _trimmed(statement.speaker, evidence)
    return extraction
