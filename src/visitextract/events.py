"""Events across documents: one row per real-world visit or meeting, however many reports describe it.

Twenty articles about one state visit give twenty ``Visit`` records, one per article. :func:`merge`
groups the records that describe the same happening into one :class:`Event`:

* **visits**: the same visitor id (people are linked across documents first, see
  :mod:`visitextract.normalize.people`) and the same host country, with dates that fit together;
* **meetings**: the same participants (ids), the same mode (in person, phone, video) and dates that
  fit together.

*Dates that fit together.* Each record gives a window in which its visit takes place: its own dates
when it has them, otherwise what its status says relative to the publication date (a planned visit
lies ahead of it, an ongoing one around it, a completed one shortly before it). A record's own date
that contradicts its status (an "ongoing" visit that starts ten days after the article appeared) is
not believed, and the record is placed by its publication date instead. A record joins the event whose
window overlaps its own (a few days' tolerance); a visit of the same person to the same country a
year later overlaps nothing and becomes an event of its own. A cancelled record joins only planned or
cancelled reports, never one that says the visit took place.

*Merged values.* The dates are the most precise ones among the reports (a day before a week before a
month), the value most reports give at that precision winning, each with the report it came from; the
status is the furthest one reached (completed, then ongoing, then cancelled, then planned); the
confidence combines the reports as independent evidence, ``1 - prod(1 - c)`` over the documents (the
best record of each document), so that many reports raise it (to at most 0.99) and one report keeps
its own.

Deterministic: the records are ordered by their window, publication date, doc id and index before any
grouping, so the same records in any order give the same events and ids; ``visitextract batch``
computes them from the assembled records, so a resumed batch gives the same events as an
uninterrupted one. Records without a visitor id, host country or participant ids are events of their
own.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Event", "EventCollector", "EventSource", "SourceRef", "event_rows", "merge"]

EventKind = Literal["visit", "meeting"]
# How far apart two reports' windows may be and still describe one happening.
VISIT_TOLERANCE = dt.timedelta(days=3)
MEETING_TOLERANCE = dt.timedelta(days=1)
# Windows of a record with no usable date of its own, relative to its publication date.
PLANNED_AHEAD = dt.timedelta(days=120)
COMPLETED_BEFORE = dt.timedelta(days=30)
HELD_BEFORE = dt.timedelta(days=3)
ONGOING_AROUND = dt.timedelta(days=1)
CANCELLED_BEFORE = dt.timedelta(days=7)
# An ongoing or completed record may start at most this long after publication (time zones).
SLACK = dt.timedelta(days=1)
# A plan published during an event, for at most this long after it, is a misdated report of it.
MISDATED_WITHIN = dt.timedelta(days=30)
# The confidence of an event with several reports stops short of certainty.
MAX_CONFIDENCE = 0.99
_GRANULARITY_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_VISIT_STATUS_RANK = {"completed": 0, "ongoing": 1, "cancelled": 2, "planned": 3}
_MEETING_STATUS_RANK = {"held": 0, "cancelled": 1, "planned": 2}
_PAST = frozenset({"ongoing", "completed", "held"})


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SourceRef(_Model):
    """One record of one document: ``doc_id`` and the record's position in its list."""

    doc_id: str
    record_index: int


class EventSource(_Model):
    """A report of an event: the record, what it said, and whether its date agrees with the event's."""

    doc_id: str
    record_type: EventKind
    record_index: int
    published: str | None = None
    status: str
    date_start: str | None = None
    date_end: str | None = None
    date_granularity: str | None = None
    date_text: str | None = None
    date_used: bool = False  # its own date counted (False: none, or contradicted by its status)
    date_agrees: bool | None = None  # its date fits the event's dates (None: no usable date)
    confidence: float
    evidence_text: str | None = None
    url: str | None = None
    title: str | None = None


class Event(_Model):
    """One real-world visit or meeting and every report of it (``sources``, oldest report first)."""

    event_id: str
    kind: EventKind
    status: str
    mode: str | None = None  # meetings: in_person, phone, video
    visitor_id: str | None = None
    visitor_name: str | None = None
    visitor_office: str | None = None
    visitor_country: str | None = None
    host_country: str | None = None
    participant_ids: list[str] = Field(default_factory=list)
    participant_names: list[str] = Field(default_factory=list)
    place_ids: list[str] = Field(default_factory=list)
    place_names: list[str] = Field(default_factory=list)
    date_start: str | None = None
    date_end: str | None = None
    date_granularity: str | None = None
    date_start_from: SourceRef | None = None
    date_end_from: SourceRef | None = None
    n_reports: int  # distinct documents
    n_records: int
    first_reported: str | None = None
    last_reported: str | None = None
    confidence: float = Field(ge=0.0, le=1.0)
    sources: list[EventSource]


# ------------------------------------------------------------------------------------------ items
@dataclass
class _Item:
    """What merging needs of one visit or meeting record."""

    kind: EventKind
    doc_id: str
    index: int
    published: dt.date | None
    status: str
    record: Mapping[str, Any]
    key: tuple[str, ...] | None  # None: cannot be matched with other records
    mode: str | None
    start: dt.date | None
    end: dt.date | None
    granularity: str | None
    used: bool
    lo: dt.date | None = None
    hi: dt.date | None = None
    url: str | None = None
    title: str | None = None

    @property
    def order(self) -> tuple[str, str, str, int]:
        """Grouping order: by the window's start, then as :attr:`report_order`."""
        anchor = self.lo or self.published
        return (anchor.isoformat() if anchor else "9999", *self.report_order)

    @property
    def report_order(self) -> tuple[str, str, int]:
        """Reports in the order they appeared: publication date, doc id, record index."""
        return (_iso(self.published) or "9999", self.doc_id, self.index)


@dataclass
class _Cluster:
    items: list[_Item] = field(default_factory=list)
    lo: dt.date | None = None
    hi: dt.date | None = None


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _day(value: object) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _period_end(start: dt.date, granularity: str | None) -> dt.date:
    """The last day of the week, month or year that starts at ``start`` (the day itself otherwise)."""
    if granularity == "week":
        return start + dt.timedelta(days=6)
    if granularity == "month":
        nxt = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    if granularity == "year":
        return dt.date(start.year, 12, 31)
    return start


def _window(item: _Item) -> tuple[dt.date | None, dt.date | None, bool]:
    """(lo, hi, own date used) of the days the record's visit or meeting takes place."""
    pub, status = item.published, item.status
    if item.start or item.end:
        lo = item.start or item.end
        assert lo is not None
        hi = item.end or _period_end(lo, item.granularity)
        if hi < lo:
            lo, hi = hi, lo
        suspect = pub is not None and (
            (status in _PAST and lo > pub + SLACK) or (status == "planned" and hi < pub - SLACK)
        )
        if not suspect:
            if status == "ongoing" and pub is not None and item.end is None and pub > hi:
                hi = pub  # still there on the day of publication
            return lo, hi, True
    if pub is None:
        return None, None, False
    if status == "planned":
        return pub, pub + PLANNED_AHEAD, False
    if status == "ongoing":
        return pub - ONGOING_AROUND, pub + ONGOING_AROUND, False
    if status == "completed":
        return pub - COMPLETED_BEFORE, pub, False
    if status == "held":
        return pub - HELD_BEFORE, pub, False
    return pub - CANCELLED_BEFORE, pub + PLANNED_AHEAD, False  # cancelled


def _doc_fields(
    record: Mapping[str, Any], position: int
) -> tuple[str, dt.date | None, str | None, str | None]:
    source: Mapping[str, Any] = record.get("source") or {}
    doc_id = record.get("doc_id")
    return (
        str(doc_id) if doc_id is not None else f"#{position}",
        _day(record.get("published")),
        source.get("url"),
        source.get("title"),
    )


def _items(record: Mapping[str, Any], position: int) -> Iterator[_Item]:
    """The visit and meeting items of one record (Extraction JSON or batch record)."""
    if record.get("error"):
        return
    doc_id, published, url, title = _doc_fields(record, position)
    for i, v in enumerate(record.get("visits") or ()):
        visitor: Mapping[str, Any] = v.get("visitor") or {}
        vid, host = visitor.get("id"), v.get("host_country")
        dates: Mapping[str, Any] = v.get("dates") or {}
        yield _item(
            "visit",
            doc_id,
            i,
            published,
            v,
            key=(str(vid), str(host)) if vid and host else None,
            mode=None,
            dates=dates,
            url=url,
            title=title,
        )
    for i, m in enumerate(record.get("meetings") or ()):
        ids = sorted({str(p.get("id")) for p in m.get("participants") or () if p.get("id")})
        dates = m.get("date") or {}
        mode = str(m.get("mode") or "in_person")
        yield _item(
            "meeting",
            doc_id,
            i,
            published,
            m,
            key=(mode, *ids) if len(ids) >= 2 else None,
            mode=mode,
            dates=dates,
            url=url,
            title=title,
        )


def _item(
    kind: EventKind,
    doc_id: str,
    index: int,
    published: dt.date | None,
    record: Mapping[str, Any],
    *,
    key: tuple[str, ...] | None,
    mode: str | None,
    dates: Mapping[str, Any],
    url: str | None,
    title: str | None,
) -> _Item:
    item = _Item(
        kind=kind,
        doc_id=doc_id,
        index=index,
        published=published,
        status=str(record.get("status")),
        record=record,
        key=key,
        mode=mode,
        start=_day(dates.get("start")),
        end=_day(dates.get("end")),
        granularity=dates.get("granularity"),
        used=False,
        url=url,
        title=title,
    )
    item.lo, item.hi, item.used = _window(item)
    return item


# ---------------------------------------------------------------------------------------- merging
def _overlaps(a_lo: dt.date, a_hi: dt.date, b_lo: dt.date, b_hi: dt.date, tol: dt.timedelta) -> bool:
    return a_lo <= b_hi + tol and b_lo <= a_hi + tol


def _status_ok(cluster: _Cluster, item: _Item) -> bool:
    """A cancelled report never joins one that says the event took place, nor the reverse."""
    statuses = {i.status for i in cluster.items}
    if item.status == "cancelled":
        return not statuses & _PAST
    if item.status in _PAST:
        return "cancelled" not in statuses
    return True


def _fits(cluster: _Cluster, item: _Item, tol: dt.timedelta) -> bool:
    if not _status_ok(cluster, item):
        return False
    if item.lo is None or item.hi is None or cluster.lo is None or cluster.hi is None:
        return False
    return _overlaps(cluster.lo, cluster.hi, item.lo, item.hi, tol) or _misdated_plan(cluster, item, tol)


def _misdated_plan(cluster: _Cluster, item: _Item, tol: dt.timedelta) -> bool:
    """A dated plan published while the event was under way, for a few days later: a report of this
    event with a wrong date ("arrived in Hanoi on March 14" for March 4, which the rules read as a
    plan), not a second trip planned during the first."""
    if item.status != "planned" or not item.used or item.published is None or item.lo is None:
        return False
    if cluster.lo is None or cluster.hi is None or not any(i.status in _PAST for i in cluster.items):
        return False
    return cluster.lo - tol <= item.published <= cluster.hi + tol and item.lo <= cluster.hi + MISDATED_WITHIN


def _add(cluster: _Cluster, item: _Item, tol: dt.timedelta) -> None:
    assert cluster.lo is not None and cluster.hi is not None and item.lo is not None and item.hi is not None
    if not _overlaps(cluster.lo, cluster.hi, item.lo, item.hi, tol):  # a misdated plan
        item.used = False  # its own date is the wrong one: placed by its publication date instead
        item.lo = item.hi = item.published
    cluster.items.append(item)


def _distance(cluster: _Cluster, item: _Item) -> int:
    assert cluster.lo and cluster.hi and item.lo and item.hi
    return abs((cluster.lo - item.lo).days + (cluster.hi - item.hi).days)


def _refresh(cluster: _Cluster) -> None:
    """The cluster's window: its merged dates if any report has a usable date, else the overlap of
    the reports' windows (their span if they do not overlap)."""
    start, end, _ = _merged_dates(cluster.items)
    if start is not None:
        cluster.lo, cluster.hi = start[0], end[0] if end else _period_end(start[0], start[2])
        return
    windows = [(i.lo, i.hi) for i in cluster.items if i.lo and i.hi]
    if not windows:
        cluster.lo = cluster.hi = None
        return
    lo, hi = max(w[0] for w in windows), min(w[1] for w in windows)
    if lo > hi:
        lo, hi = min(w[0] for w in windows), max(w[1] for w in windows)
    cluster.lo, cluster.hi = lo, hi


def _cluster(items: Sequence[_Item]) -> list[_Cluster]:
    """Group items of one key, in canonical order: each joins the closest event it fits, or starts one."""
    clusters: list[_Cluster] = []
    undated: list[_Item] = []
    for item in items:
        if item.lo is None:
            undated.append(item)
            continue
        tol = VISIT_TOLERANCE if item.kind == "visit" else MEETING_TOLERANCE
        fitting = [c for c in clusters if _fits(c, item, tol)]
        if fitting:
            best = min(fitting, key=lambda c: _distance(c, item))
            _add(best, item, tol)
        else:
            best = _Cluster([item])
            clusters.append(best)
        _refresh(best)
    # a report with neither date nor publication date belongs to the one event of its key, if one
    for item in undated:
        if len(clusters) == 1 and _status_ok(clusters[0], item):
            clusters[0].items.append(item)
        else:
            clusters.append(_Cluster([item]))
    return clusters


def _merged_dates(
    items: Sequence[_Item],
) -> tuple[tuple[dt.date, _Item, str | None] | None, tuple[dt.date, _Item] | None, list[_Item]]:
    """(start, its report, granularity), (end, its report), reports with a usable date."""
    dated = [i for i in items if i.used]
    start = _pick([(i.start or i.end, i) for i in dated if i.start or i.end])
    end = None
    if start is not None:
        ends = [(i.end, i) for i in dated if i.end and i.end >= start[0]]
        end = _pick(ends)
    return (
        (start[0], start[1], start[1].granularity) if start else None,
        end,
        dated,
    )


def _pick(candidates: Sequence[tuple[dt.date | None, _Item]]) -> tuple[dt.date, _Item] | None:
    """The most precise value; among equally precise ones the one most reports give, then the first."""
    cands = [(d, i) for d, i in candidates if d is not None]
    if not cands:
        return None
    best = min(_GRANULARITY_RANK.get(i.granularity or "day", 0) for _, i in cands)
    precise = [(d, i) for d, i in cands if _GRANULARITY_RANK.get(i.granularity or "day", 0) == best]
    votes = Counter(d for d, _ in precise)
    top = max(votes.values())
    for d, i in sorted(precise, key=lambda c: c[1].report_order):  # the first report with a winning value
        if votes[d] == top:
            return d, i
    return None  # pragma: no cover


def _majority(values: Iterable[str | None]) -> str | None:
    """The most frequent non-empty value; the first seen on a tie."""
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    top = max(counts.values())
    return next(v for v, n in counts.items() if n == top)


def _union(values: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def _event(cluster: _Cluster) -> Event:
    items = sorted(cluster.items, key=lambda i: i.report_order)
    first = items[0]
    kind = first.kind
    start, end, _ = _merged_dates(items)
    ranks = _VISIT_STATUS_RANK if kind == "visit" else _MEETING_STATUS_RANK
    status = min((i.status for i in items), key=lambda s: ranks.get(s, 99))
    lo = start[0] if start else None
    hi = end[0] if end else (_period_end(start[0], start[2]) if start else None)
    sources = [_source(i, lo, hi) for i in items]
    best_by_doc: dict[str, float] = {}
    for i in items:
        best_by_doc[i.doc_id] = max(best_by_doc.get(i.doc_id, 0.0), float(i.record.get("confidence") or 0.0))
    confidence = 1.0 - math.prod(1.0 - c for c in best_by_doc.values())
    if len(best_by_doc) > 1:  # many reports are strong evidence, never certainty
        confidence = min(confidence, MAX_CONFIDENCE)
    published = sorted(i.published for i in items if i.published)
    digest = hashlib.sha256(f"{kind}\t{first.doc_id}\t{first.index}".encode()).hexdigest()[:12]
    event = Event(
        event_id=f"{kind}-{digest}",
        kind=kind,
        status=status,
        date_start=_iso(lo),
        date_end=_iso(end[0]) if end else None,
        date_granularity=start[2] if start else None,
        date_start_from=SourceRef(doc_id=start[1].doc_id, record_index=start[1].index) if start else None,
        date_end_from=SourceRef(doc_id=end[1].doc_id, record_index=end[1].index) if end else None,
        n_reports=len(best_by_doc),
        n_records=len(items),
        first_reported=_iso(published[0]) if published else None,
        last_reported=_iso(published[-1]) if published else None,
        confidence=round(min(1.0, max(0.0, confidence)), 4),
        sources=sources,
    )
    if kind == "visit":
        visitors = [i.record.get("visitor") or {} for i in items]
        event.visitor_id = _majority(v.get("id") for v in visitors)
        event.visitor_name = _majority(v.get("name") for v in visitors)
        event.visitor_office = _majority(v.get("office") for v in visitors)
        event.visitor_country = _majority(i.record.get("visitor_country") for i in items)
        event.host_country = _majority(i.record.get("host_country") for i in items)
        places = [p for i in items for p in i.record.get("places") or ()]
    else:
        event.mode = first.mode
        people = [p for i in items for p in i.record.get("participants") or ()]
        event.participant_ids = sorted(_union(p.get("id") for p in people))
        names: dict[str, list[str | None]] = {}
        for p in people:
            names.setdefault(str(p.get("id")), []).append(p.get("name"))
        event.participant_names = [_majority(names.get(pid, ())) or pid for pid in event.participant_ids]
        places = [i.record["place"] for i in items if i.record.get("place")]
    event.place_ids = _union(p.get("id") for p in places)
    by_id = {p.get("id"): p.get("name") for p in reversed(places)}
    event.place_names = [str(by_id.get(pid) or pid) for pid in event.place_ids]
    return event


def _source(item: _Item, lo: dt.date | None, hi: dt.date | None) -> EventSource:
    rec = item.record
    dates: Mapping[str, Any] = rec.get("dates" if item.kind == "visit" else "date") or {}
    evidence = rec.get("evidence") or []
    agrees = None
    if item.used and lo is not None and hi is not None and item.lo and item.hi:
        agrees = _overlaps(lo, hi, item.lo, item.hi, dt.timedelta(0))
    return EventSource(
        doc_id=item.doc_id,
        record_type=item.kind,
        record_index=item.index,
        published=_iso(item.published),
        status=item.status,
        date_start=dates.get("start"),
        date_end=dates.get("end"),
        date_granularity=dates.get("granularity"),
        date_text=dates.get("text"),
        date_used=item.used,
        date_agrees=agrees,
        confidence=float(rec.get("confidence") or 0.0),
        evidence_text=evidence[0].get("text") if evidence else None,
        url=item.url,
        title=item.title,
    )


class EventCollector:
    """Takes records one by one (as a batch assembles its output) and gives their events at the end.

    Only what merging needs is kept per visit and meeting, not whole documents.
    """

    def __init__(self) -> None:
        self._items: list[_Item] = []
        self._position = 0

    def add(self, record: Mapping[str, Any]) -> None:
        """One record: an Extraction's JSON or a batch record (error records are skipped)."""
        for item in _items(_compact(record), self._position):
            self._items.append(item)
        self._position += 1

    def events(self) -> list[Event]:
        """The events of every record added, ordered by date (undated last), then id."""
        groups: dict[tuple[str, ...], list[_Item]] = {}
        clusters: list[_Cluster] = []
        for item in sorted(self._items, key=lambda i: i.order):
            if item.key is None:
                clusters.append(_Cluster([item]))
            else:
                groups.setdefault((item.kind, *item.key), []).append(item)
        for group in groups.values():
            clusters.extend(_cluster(group))
        events = [_event(c) for c in clusters]
        events.sort(key=lambda e: (e.date_start or e.first_reported or "9999", e.kind, e.event_id))
        return events


def _compact(record: Mapping[str, Any]) -> dict[str, Any]:
    """The parts of a record that events use (mentions, people and statements are dropped)."""
    keep = ("doc_id", "published", "error", "source", "visits", "meetings")
    return {k: record.get(k) for k in keep}


def merge(extractions: Iterable[Any], *, link_people: bool = True) -> list[Event]:
    """One :class:`Event` per real-world visit and meeting of ``extractions``.

    ``extractions``: :class:`~visitextract.models.Extraction` objects or their JSON (batch records
    too). With ``link_people`` (the default) people are first linked across the documents in the
    order given (:func:`visitextract.normalize.people.link_people`), so "Tokayev" and "Kassym-Jomart
    Tokayev" are one visitor; pass ``False`` for records that are already linked, such as the output
    of ``Extractor.pipe`` or ``visitextract batch``.
    """
    from visitextract.normalize.people import PersonRegistry, link_record

    registry = PersonRegistry() if link_people else None
    collector = EventCollector()
    for ex in extractions:
        data: dict[str, Any] = ex.model_dump(mode="json") if hasattr(ex, "model_dump") else dict(ex)
        if registry is not None:
            # a deep copy: linking rewrites person ids in place, and the input stays as it was
            data = dict(link_record(copy.deepcopy(data), registry))
        collector.add(data)
    return collector.events()


# ------------------------------------------------------------------------------------------ tables
def _ref_cols(prefix: str, ref: SourceRef | None) -> dict[str, Any]:
    return {
        f"{prefix}_doc_id": ref.doc_id if ref else None,
        f"{prefix}_record_index": ref.record_index if ref else None,
    }


def _join(values: Sequence[str]) -> str | None:
    return "; ".join(values) if values else None


def event_rows(events: Iterable[Event]) -> dict[str, list[dict[str, Any]]]:
    """Rows of the ``events`` and ``event_sources`` tables (schemas in :mod:`visitextract.io.tables`)."""
    rows: dict[str, list[dict[str, Any]]] = {"events": [], "event_sources": []}
    for e in events:
        rows["events"].append(
            {
                "event_id": e.event_id,
                "kind": e.kind,
                "status": e.status,
                "mode": e.mode,
                "visitor_id": e.visitor_id,
                "visitor_name": e.visitor_name,
                "visitor_office": e.visitor_office,
                "visitor_country": e.visitor_country,
                "host_country": e.host_country,
                "participant_ids": _join(e.participant_ids),
                "participant_names": _join(e.participant_names),
                "place_ids": _join(e.place_ids),
                "place_names": _join(e.place_names),
                "date_start": _day(e.date_start),
                "date_end": _day(e.date_end),
                "date_granularity": e.date_granularity,
                **_ref_cols("date_start_from", e.date_start_from),
                **_ref_cols("date_end_from", e.date_end_from),
                "n_reports": e.n_reports,
                "n_records": e.n_records,
                "first_reported": _day(e.first_reported),
                "last_reported": _day(e.last_reported),
                "confidence": e.confidence,
            }
        )
        for k, s in enumerate(e.sources):
            rows["event_sources"].append(
                {
                    "event_id": e.event_id,
                    "source_index": k,
                    "doc_id": s.doc_id,
                    "record_type": s.record_type,
                    "record_index": s.record_index,
                    "published": _day(s.published),
                    "status": s.status,
                    "date_start": _day(s.date_start),
                    "date_end": _day(s.date_end),
                    "date_granularity": s.date_granularity,
                    "date_text": s.date_text,
                    "date_used": s.date_used,
                    "date_agrees": s.date_agrees,
                    "confidence": s.confidence,
                    "evidence_text": s.evidence_text,
                    "url": s.url,
                }
            )
    return rows
