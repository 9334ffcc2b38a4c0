"""Visits and meetings as event data: PLOVER JSON Lines and PETRARCH-style CAMEO rows.

Both formats code one record of one story per event, as event coders do; the merged event of
:mod:`visitextract.events` that a record belongs to is given as PLOVER's ``link`` (and the last CAMEO
column), so reports of one visit can be counted once. A record without dates of its own takes those
of its event (another report gave them), else the story's publication date, as PETRARCH does.

**PLOVER** (Open Event Data Alliance, PLOVER manual 0.7b1, chapter "JSON Data Fields"): every visit
and meeting is ``CONSULT`` ("all consultations and meetings: this includes visiting and hosting
visits, as well as meeting at a neutral location, and consultation by phone"), with its mode:

* ``visit``: a visit, and an in-person meeting in the country of some participants but not all
  (the visitors are the source, the hosts the recipient, as the manual asks);
* ``phone``: a meeting by phone or video;
* ``third-party``: an in-person meeting in a country none of the participants is from;
* ``multilateral``: a meeting at a bloc's venue, with an official of an international body, or of
  three countries or more;
* none: an in-person meeting whose place is unknown (all participants are the source).

A planned visit or meeting gets the context ``future``. Cancelled ones are left out: PLOVER codes a
cancellation as ``SANCTION`` (mode ``cancel``) by whoever cancelled, which the records do not say.
Statements are left out: the manual drops CAMEO's "make public statement" (01) and "appeal" (02),
and a statement is not classified by what it asks or promises.

**CAMEO** rows in PETRARCH's tab-separated layout (story date, source, target, code, issues, ids,
url, story source, then the actor texts and the event text as with ``WriteActorText`` and
``WriteEventText``), plus confidence and the merged event's id: ``042`` make a visit (visitor to
host) with ``043`` host a visit (host to visitor) for a visit that took place, ``036`` express
intent to meet for a planned visit or meeting, ``041`` discuss by telephone, ``044`` meet at a third
location, ``046`` engage in negotiation when the evidence speaks of negotiations or talks, ``040``
consult for the other meetings; one row per pair of participants. Actor codes are the ISO3 country
and the CAMEO agent of the office (``GOV``, ``LEG``, ``MIL``...), ``IGO`` for blocs and international
bodies.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from visitextract import __version__

if TYPE_CHECKING:
    from visitextract.events import Event

__all__ = [
    "CAMEO_COLUMNS",
    "ExportSummary",
    "cameo_rows",
    "event_links",
    "plover_events",
    "plover_schema",
    "write_cameo",
    "write_plover",
]

CODER = f"visitextract {__version__}"
CODEBOOK = "PLOVER 0.7b1"
# PLOVER manual, "Numeric conflict/cooperation scores" and "PLOVER quad categories".
CONSULT_SCALE = 2.1
CONSULT_QUAD = 1
SCHEMA_FILE = Path(__file__).parent / "schemas" / "plover.schema.json"
CAMEO_COLUMNS = (
    "date",
    "source",
    "target",
    "code",
    "issues",
    "ids",
    "url",
    "story_source",
    "source_text",
    "target_text",
    "event_text",
    "confidence",
    "event_id",
)
# office_category (models/offices) -> PLOVER sector / CAMEO agent. Unknown or "other": no sector.
_SECTORS = {
    "legislator": "LEG",
    "military": "MIL",
    "party_leader": "PTY",
    "other": None,
}
_INTERNATIONAL = "international"
_NEGOTIATION = re.compile(r"\b(negotiat\w*|talks)\b", re.IGNORECASE)
_BLOC_CODE = "IGO"


@dataclass
class ExportSummary:
    """What an export wrote and what it left out (and why)."""

    written: int = 0
    visits: int = 0
    meetings: int = 0
    left_out: dict[str, int] = field(default_factory=dict)

    def skip(self, reason: str) -> None:
        self.left_out[reason] = self.left_out.get(reason, 0) + 1

    def lines(self, fmt: str, path: str) -> list[str]:
        out = [
            f"{self.written} {fmt} {'row' if fmt == 'CAMEO' else 'event'}s written to {path} "
            f"(from {self.visits} visits and {self.meetings} meetings)"
        ]
        for reason, n in sorted(self.left_out.items()):
            out.append(f"  left out: {n} {reason}")
        return out


# ----------------------------------------------------------------------------------- knowledge
@functools.cache
def _gazetteer() -> Any:
    from visitextract.normalize.gazetteer import Gazetteer

    return Gazetteer.default()


@functools.cache
def _leaders() -> Any:
    from visitextract.normalize.leaders import LeaderIndex

    return LeaderIndex.default()


def country_wikidata(code: str | None) -> str | None:
    """The Wikidata id of a country (``SWE`` -> ``Q34``), from the gazetteer's wikidata table."""
    if not code:
        return None
    entity = _gazetteer().country(code)
    return entity.wikidata if entity is not None else None


def person_wikidata(name: str | None, country: str | None, on: str | None) -> tuple[str | None, str | None]:
    """(Wikidata id, canonical name) of a head of state or government in the leaders table: only when
    exactly one leader of that name (and country, when known) held office on that day."""
    if not name:
        return None, None
    day = _date(on)
    terms = _leaders().lookup(name, on=day)
    if country:
        terms = [t for t in terms if t.country == country]
    leaders = {t.leader_id: t for t in terms}
    if len(leaders) != 1:
        return None, None
    term = next(iter(leaders.values()))
    return term.wikidata, term.name


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def sector(person: Mapping[str, Any]) -> str | None:
    """PLOVER sector / CAMEO agent of a person, from the office category; None when unknown."""
    category = person.get("office_category")
    if not category:
        return None
    if category in _SECTORS:
        return _SECTORS[category]
    if category == _INTERNATIONAL:
        return None
    return "GOV"  # heads of state and government, ministers, diplomats, officials, royalty


def _is_bloc(code: str | None) -> bool:
    """Countries are ISO3 codes; blocs have other ids (EU, NATO, ASEAN, G7...)."""
    if not code:
        return False
    entity = _gazetteer().country(code)
    return entity is None


def _actor_code(person: Mapping[str, Any], country: str | None) -> str | None:
    if person.get("office_category") == _INTERNATIONAL or _is_bloc(country):
        return _BLOC_CODE
    return country


# -------------------------------------------------------------------------------------- PLOVER
def _person_actor(person: Mapping[str, Any], country: str | None, on: str | None) -> dict[str, Any] | None:
    code = _actor_code(person, country)
    if code is None:
        return None
    actor: dict[str, Any] = {"code": code}
    sec = sector(person)
    if sec and code != _BLOC_CODE:
        actor["sector"] = sec
    name = person.get("name")
    if name:
        actor["actor_text"] = name
    qid, canonical = person_wikidata(name, country, on)
    if qid:
        actor["identifier_id"] = qid
        actor["identifier_text"] = canonical
    if person.get("office"):
        actor["office"] = person["office"]
    return actor


def _country_actor(code: str | None, text: str | None = None) -> dict[str, Any] | None:
    if not code:
        return None
    if _is_bloc(code):
        actor: dict[str, Any] = {"code": _BLOC_CODE, "identifier_text": code}
    else:
        actor = {"code": code}
        qid = country_wikidata(code)
        entity = _gazetteer().country(code)
        if qid:
            actor["identifier_id"] = qid
            actor["identifier_text"] = entity.name
    if text:
        actor["actor_text"] = text
    return actor


def _event_loc(place: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if not place or not place.get("name"):
        return None
    loc: dict[str, Any] = {"name": place["name"]}
    country = place.get("country")
    if country and not _is_bloc(country):
        loc["cc3"] = country
    pid = place.get("id")
    if pid:
        try:
            entity = _gazetteer().entity(pid)
        except KeyError:
            entity = None
        if entity is not None and entity.geonames:
            loc["geonameid"] = int(entity.geonames)
    return loc


def _dates(
    rng: Mapping[str, Any] | None, published: str | None, event: Event | None
) -> tuple[str | None, str | None]:
    """(date, enddate): the record's own dates; else those of the event it is a report of (another
    report gave them); else the story's date, as PETRARCH codes events."""
    r = rng or {}
    start, end = r.get("start"), r.get("end")
    if not (start or end) and event is not None:
        start, end = event.date_start, event.date_end
    date = start or end or published
    enddate = end if end and end != date else None
    return date, enddate


def _texts(record: Mapping[str, Any]) -> tuple[str | None, dict[str, Any] | None, list[str]]:
    spans = record.get("evidence") or []
    if not spans:
        return None, None, []
    texts = [str(s.get("text") or "") for s in spans]
    first = spans[0]
    info = {"start": first.get("start"), "end": first.get("end")}
    return " ".join(texts), info, texts


def _plover(
    kind: str,
    index: int,
    doc: Mapping[str, Any],
    record: Mapping[str, Any],
    dates: tuple[str, str | None],
    coded: Mapping[str, Any],
    link: Event | None,
) -> dict[str, Any]:
    """One PLOVER line: id and dates, the coded fields (actors, event, mode...), then text and source."""
    source: Mapping[str, Any] = doc.get("source") or {}
    doc_id = str(doc.get("doc_id"))
    out: dict[str, Any] = {"id": f"{doc_id}:{kind}:{index}", "has_event": True, "date": dates[0]}
    if dates[1]:
        out["enddate"] = dates[1]
    out.update(coded)
    out["quad_code"] = CONSULT_QUAD
    out["event_scale"] = CONSULT_SCALE
    if link is not None:
        out["link"] = link.event_id
    text, info, texts = _texts(record)
    if text is not None:
        out["text"] = text
        out["event_text"] = texts
        out["text_info"] = info
    cite: dict[str, Any] = {"citation": doc_id, "coder": CODER, "codebook": CODEBOOK, "language": "en"}
    if source.get("url"):
        cite["url"] = source["url"]
    if source.get("title"):
        cite["title"] = source["title"]
    out["cite_info"] = cite
    out["coder"] = CODER
    out["story_id"] = doc_id
    out["confidence"] = float(record.get("confidence") or 0.0)
    out["rule"] = record.get("rule")
    return out


def _visit_event(
    doc: Mapping[str, Any], i: int, v: Mapping[str, Any], link: Event | None, summary: ExportSummary
) -> dict[str, Any] | None:
    if v.get("status") == "cancelled":
        summary.skip("cancelled visits (PLOVER: SANCTION by whoever cancelled, not in the records)")
        return None
    date, enddate = _dates(v.get("dates"), doc.get("published"), link)
    if date is None:
        summary.skip("visits without a date or a publication date")
        return None
    visitor = v.get("visitor") or {}
    actor = _person_actor(visitor, visitor.get("country") or v.get("visitor_country"), date)
    if actor is None:
        summary.skip("visits whose visitor has no known country")
        return None
    coded: dict[str, Any] = {"source": [actor]}
    places = v.get("places") or []
    host = _country_actor(v.get("host_country"), places[0].get("name") if places else None)
    if host is not None:
        coded["recipient"] = [host]
    coded["event"] = ["CONSULT"]
    coded["mode"] = ["visit"]
    if v.get("status") == "planned":
        coded["context"] = ["future"]
    loc = _event_loc(next((p for p in places if p.get("kind") != "country"), places[0] if places else None))
    if loc:
        coded["event_loc"] = loc
    return _plover("visit", i, doc, v, (date, enddate), coded, link)


def meeting_roles(
    m: Mapping[str, Any],
) -> tuple[str | None, list[Mapping[str, Any]], list[Mapping[str, Any]]]:
    """(PLOVER CONSULT mode, source participants, recipient participants) of a meeting."""
    people = list(m.get("participants") or [])
    if m.get("mode") in ("phone", "video"):
        return "phone", people, []
    place = m.get("place") or {}
    where = place.get("country")
    countries = {p.get("country") for p in people if p.get("country")}
    international = any(p.get("office_category") == _INTERNATIONAL for p in people)
    if place.get("kind") == "bloc" or _is_bloc(where) or international or len(countries) >= 3:
        return "multilateral", people, []
    if not where:
        return None, people, []
    hosts = [p for p in people if p.get("country") == where]
    visitors = [p for p in people if p.get("country") != where]
    if not hosts:
        return "third-party", people, []
    if visitors:
        return "visit", visitors, hosts
    return None, people, []  # a domestic meeting


def _meeting_event(
    doc: Mapping[str, Any], i: int, m: Mapping[str, Any], link: Event | None, summary: ExportSummary
) -> dict[str, Any] | None:
    if m.get("status") == "cancelled":
        summary.skip("cancelled meetings (PLOVER: SANCTION by whoever cancelled, not in the records)")
        return None
    date, enddate = _dates(m.get("date"), doc.get("published"), link)
    if date is None:
        summary.skip("meetings without a date or a publication date")
        return None
    mode, sources, recipients = meeting_roles(m)
    src = [a for a in (_person_actor(p, p.get("country"), date) for p in sources) if a]
    rcp = [a for a in (_person_actor(p, p.get("country"), date) for p in recipients) if a]
    if not src:
        summary.skip("meetings whose participants have no known country")
        return None
    coded: dict[str, Any] = {"source": src}
    if rcp:
        coded["recipient"] = rcp
    coded["event"] = ["CONSULT"]
    if mode:
        coded["mode"] = [mode]
    if m.get("status") == "planned":
        coded["context"] = ["future"]
    loc = _event_loc(m.get("place"))
    if loc:
        coded["event_loc"] = loc
    return _plover("meeting", i, doc, m, (date, enddate), coded, link)


def event_links(records: Iterable[Mapping[str, Any]]) -> dict[tuple[str, str, int], Event]:
    """``(doc_id, "visit"|"meeting", index) -> Event``: the merged event each record is a report of."""
    from visitextract.events import merge

    links: dict[tuple[str, str, int], Event] = {}
    for event in merge(records, link_people=False):
        for s in event.sources:
            links[(s.doc_id, s.record_type, s.record_index)] = event
    return links


def plover_events(
    records: Sequence[Mapping[str, Any]], summary: ExportSummary | None = None
) -> Iterator[dict[str, Any]]:
    """PLOVER event objects of batch records, in record order (visits, then meetings, per document)."""
    summary = summary if summary is not None else ExportSummary()
    links = event_links(records)
    for doc in records:
        if doc.get("error"):
            continue
        doc_id = str(doc.get("doc_id"))
        for i, v in enumerate(doc.get("visits") or ()):
            summary.visits += 1
            event = _visit_event(doc, i, v, links.get((doc_id, "visit", i)), summary)
            if event is not None:
                summary.written += 1
                yield event
        for i, m in enumerate(doc.get("meetings") or ()):
            summary.meetings += 1
            event = _meeting_event(doc, i, m, links.get((doc_id, "meeting", i)), summary)
            if event is not None:
                summary.written += 1
                yield event
        n = len(doc.get("statements") or ())
        for _ in range(n):
            summary.skip("statements (PLOVER drops CAMEO's public statements and appeals)")


# --------------------------------------------------------------------------------------- CAMEO
def _cameo_actor(person: Mapping[str, Any], country: str | None) -> str | None:
    code = _actor_code(person, country)
    if code is None:
        return None
    sec = sector(person)
    return code + sec if sec and code != _BLOC_CODE else code


def _host_code(code: str | None) -> str | None:
    if not code:
        return None
    return _BLOC_CODE if _is_bloc(code) else code


def _yyyymmdd(date: str) -> str:
    return date.replace("-", "")


def _row(
    date: str,
    source: str,
    target: str,
    code: str,
    rid: str,
    doc: Mapping[str, Any],
    texts: tuple[str, str],
    record: Mapping[str, Any],
    link: Event | None,
) -> list[str]:
    src: Mapping[str, Any] = doc.get("source") or {}
    evidence = " ".join(str(s.get("text") or "") for s in record.get("evidence") or ())
    return [
        _yyyymmdd(date),
        source,
        target,
        code,
        "",
        rid,
        str(src.get("url") or ""),
        str(doc.get("doc_id")),
        texts[0],
        texts[1],
        evidence,
        f"{float(record.get('confidence') or 0.0):.2f}",
        link.event_id if link is not None else "",
    ]


def cameo_rows(
    records: Sequence[Mapping[str, Any]], summary: ExportSummary | None = None
) -> Iterator[list[str]]:
    """PETRARCH-style CAMEO rows (:data:`CAMEO_COLUMNS`) of batch records, in record order."""
    summary = summary if summary is not None else ExportSummary()
    links = event_links(records)
    for doc in records:
        if doc.get("error"):
            continue
        doc_id = str(doc.get("doc_id"))
        for i, v in enumerate(doc.get("visits") or ()):
            summary.visits += 1
            rows = list(_cameo_visit(doc, i, v, links.get((doc_id, "visit", i)), summary))
            summary.written += len(rows)
            yield from rows
        for i, m in enumerate(doc.get("meetings") or ()):
            summary.meetings += 1
            rows = list(_cameo_meeting(doc, i, m, links.get((doc_id, "meeting", i)), summary))
            summary.written += len(rows)
            yield from rows
        for _ in range(len(doc.get("statements") or ())):
            summary.skip("statements (no target country in the records)")


def _cameo_visit(
    doc: Mapping[str, Any], i: int, v: Mapping[str, Any], link: Event | None, summary: ExportSummary
) -> Iterator[list[str]]:
    if v.get("status") == "cancelled":
        summary.skip("cancelled visits (no CAMEO code says who cancelled)")
        return
    date, _ = _dates(v.get("dates"), doc.get("published"), link)
    visitor = v.get("visitor") or {}
    source = _cameo_actor(visitor, visitor.get("country") or v.get("visitor_country"))
    target = _host_code(v.get("host_country"))
    if date is None or source is None or target is None:
        summary.skip("visits without a date, a visitor country or a host country")
        return
    rid = f"{doc.get('doc_id')}:visit:{i}"
    names = (str(visitor.get("name") or ""), str(v.get("host_country")))
    if v.get("status") == "planned":
        yield _row(date, source, target, "036", rid, doc, names, v, link)
        return
    yield _row(date, source, target, "042", rid, doc, names, v, link)
    yield _row(date, target, source, "043", rid, doc, (names[1], names[0]), v, link)


def _cameo_meeting(
    doc: Mapping[str, Any], i: int, m: Mapping[str, Any], link: Event | None, summary: ExportSummary
) -> Iterator[list[str]]:
    if m.get("status") == "cancelled":
        summary.skip("cancelled meetings (no CAMEO code says who cancelled)")
        return
    date, _ = _dates(m.get("date"), doc.get("published"), link)
    people = [p for p in m.get("participants") or () if _cameo_actor(p, p.get("country"))]
    if date is None or len(people) < 2:
        summary.skip("meetings without a date or two participants of known countries")
        return
    mode, _, _ = meeting_roles(m)
    if m.get("status") == "planned":
        code = "036"
    elif mode == "phone":
        code = "041"
    elif mode == "third-party":
        code = "044"
    elif _NEGOTIATION.search(" ".join(str(s.get("text") or "") for s in m.get("evidence") or ())):
        code = "046"
    else:
        code = "040"
    rid = f"{doc.get('doc_id')}:meeting:{i}"
    for a in range(len(people)):
        for b in range(a + 1, len(people)):
            pa, pb = people[a], people[b]
            src, tgt = _cameo_actor(pa, pa.get("country")), _cameo_actor(pb, pb.get("country"))
            assert src and tgt
            names = (str(pa.get("name") or ""), str(pb.get("name") or ""))
            yield _row(date, src, tgt, code, rid, doc, names, m, link)


# --------------------------------------------------------------------------------------- writing
def plover_schema() -> dict[str, Any]:
    """The JSON Schema of the PLOVER lines (``visitextract/schemas/plover.schema.json``)."""
    data: dict[str, Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return data


def write_plover(records: Sequence[Mapping[str, Any]], out: IO[str]) -> ExportSummary:
    """PLOVER JSON Lines of ``records`` to ``out``; returns what was written and left out."""
    summary = ExportSummary()
    for event in plover_events(records, summary):
        out.write(json.dumps(event, ensure_ascii=False, separators=(",", ":")) + "\n")
    return summary


def write_cameo(records: Sequence[Mapping[str, Any]], out: IO[str], *, header: bool = True) -> ExportSummary:
    """CAMEO rows of ``records`` to ``out`` as TSV (with a header line unless ``header=False``)."""
    summary = ExportSummary()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    if header:
        writer.writerow(CAMEO_COLUMNS)
    for row in cameo_rows(records, summary):
        writer.writerow([_tsv(cell) for cell in row])
    return summary


def _tsv(cell: str) -> str:
    """Tabs and line breaks inside a cell become spaces: one event, one line."""
    return re.sub(r"[\t\r\n]+", " ", cell)
