"""``visitextract report``: one self-contained HTML page that shows a person what was found.

For a batch: a timeline of the visits (SVG, one row per visitor, one bar per merged event coloured by
host country), the busiest hosts and visitors, and the error records. For each document: its text
with every evidence span highlighted by record type, in the manner of spaCy's displaCy, beside the
records, each linked to its evidence and back.

Self-contained: the styles, the script and the SVG are inline; the page loads nothing (no fonts, no
CDN, no images), so it opens offline and can be mailed as one file. The texts are not in the batch
output: they are read again from the source files the records name (``source.file``, resolved
against ``root``); a document whose file is gone, or whose text no longer matches the evidence
offsets, is shown with its records and evidence only.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from visitextract import __version__

__all__ = ["RECORD_TYPES", "document_texts", "render_report", "write_report"]

RECORD_TYPES = ("visit", "meeting", "statement", "mention")
_LISTS = {"visit": "visits", "meeting": "meetings", "statement": "statements"}
# One colour per host country on the timeline (assigned in sorted order of the hosts).
_PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
    "#b07aa1", "#ff9da7", "#9c755f", "#bcbd22", "#1f77b4", "#d37295",
)  # fmt: skip
DEFAULT_LIMIT = 500


# ----------------------------------------------------------------------------------------- texts
def document_texts(records: Sequence[Mapping[str, Any]], root: Path | None = None) -> dict[int, str]:
    """``{record position: text}`` for the records whose source file can be read again and whose text
    still fits their evidence offsets (a file edited since the batch would misplace every highlight)."""
    from visitextract.io.readers import SUFFIX_KINDS, SourceFile, read_documents

    by_file: dict[str, list[int]] = {}
    for k, r in enumerate(records):
        file = (r.get("source") or {}).get("file")
        if file and not r.get("error"):
            by_file.setdefault(str(file), []).append(k)
    texts: dict[int, str] = {}
    for file, positions in by_file.items():
        path = Path(file)
        if not path.is_absolute() and root is not None:
            path = root / path
        if not path.is_file():
            continue
        kind = SUFFIX_KINDS.get(path.suffix.lower(), "text")
        try:
            docs = list(read_documents(SourceFile(path=path, rel=path.name, display=file, kind=kind)))
        except Exception:  # an unreadable file: its documents are shown without text
            continue
        by_place = {(d.line, d.index): d.text for d in docs if d.text is not None}
        for k in positions:
            src = records[k].get("source") or {}
            text = by_place.get((src.get("line"), src.get("index")))
            if text is not None and _fits(records[k], text):
                texts[k] = text
    return texts


def _fits(record: Mapping[str, Any], text: str) -> bool:
    return all(text[s["start"] : s["end"]] == s["text"] for s in _all_spans(record))


def _all_spans(record: Mapping[str, Any]) -> Iterable[Mapping[str, Any]]:
    for name in _LISTS.values():
        for rec in record.get(name) or ():
            yield from rec.get("evidence") or ()
    for m in record.get("mentions") or ():
        if m.get("start") is not None and m.get("text") is not None:
            yield m


# ------------------------------------------------------------------------------------ highlights
@dataclass
class _Span:
    start: int
    end: int
    kind: str
    key: str  # the record's anchor ("d3-visit-0"); a mention's is "d3-mention-5"
    label: str


def _spans(record: Mapping[str, Any], anchor: str) -> list[_Span]:
    spans: list[_Span] = []
    for kind, name in _LISTS.items():
        for i, rec in enumerate(record.get(name) or ()):
            for s in rec.get("evidence") or ():
                spans.append(
                    _Span(int(s["start"]), int(s["end"]), kind, f"{anchor}-{kind}-{i}", f"{kind} {i}")
                )
    for i, m in enumerate(record.get("mentions") or ()):
        if m.get("start") is None or m.get("end") is None:
            continue
        label = str(m.get("entity_id") or "")
        spans.append(_Span(int(m["start"]), int(m["end"]), "mention", f"{anchor}-mention-{i}", label))
    return [s for s in spans if s.end > s.start]


def _highlighted(text: str, spans: Sequence[_Span]) -> str:
    """The text as HTML with one ``<mark>`` per stretch covered by the same spans (displaCy-like).

    Overlapping spans (a meeting's sentence inside a visit's evidence) cut the text into stretches;
    each ``mark`` names every record it belongs to (``data-records``) and its offsets in the text
    (``data-start``, ``data-end``), and the first stretch of each span carries the span's anchor id.
    """
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    first_ids: set[str] = set()
    for a, b in itertools.pairwise(cuts):
        piece = html.escape(text[a:b])
        covering = [s for s in spans if s.start <= a and b <= s.end]
        if not covering:
            out.append(piece)
            continue
        kinds = sorted({s.kind for s in covering}, key=RECORD_TYPES.index)
        keys = list(dict.fromkeys(s.key for s in covering))
        ids = []
        for s in covering:
            span_id = f"{s.key}-at-{s.start}"
            if s.start == a and span_id not in first_ids:
                first_ids.add(span_id)
                ids.append(span_id)
        id_attr = f' id="{ids[0]}"' if ids else ""
        extra = "".join(f'<a class="anchor" id="{i}"></a>' for i in ids[1:])
        title = html.escape("; ".join(dict.fromkeys(s.label for s in covering)), quote=True)
        out.append(
            f'{extra}<mark{id_attr} class="hl {" ".join("hl-" + k for k in kinds)}"'
            f' data-records="{" ".join(keys)}"'
            f' data-start="{a}" data-end="{b}" title="{title}">{piece}</mark>'
        )
        for s in covering:
            if s.end == b and s.kind != "mention":
                out.append(
                    f'<a class="tag tag-{s.kind}" href="#{s.key}" data-for="{s.key}">'
                    f"{html.escape(s.label)}</a>"
                )
    return "".join(out)


# ---------------------------------------------------------------------------------------- cards
def _esc(value: object) -> str:
    return html.escape("" if value is None else str(value))


def _dates(rng: Mapping[str, Any] | None) -> str:
    if not rng:
        return ""
    start, end = rng.get("start") or rng.get("start_partial"), rng.get("end") or rng.get("end_partial")
    when = f"{start} – {end}" if start and end and start != end else str(start or end or "")
    text = rng.get("text")
    return f"{when} ({text})" if text and when else str(when or text or "")


def _person(p: Mapping[str, Any] | None) -> str:
    if not p:
        return "?"
    office = f"{p['office']}, " if p.get("office") else ""
    country = f" ({p['country']})" if p.get("country") else ""
    return f"{p.get('name')}{country}" if not office else f"{p.get('name')} — {office.rstrip(', ')}{country}"


def _fields(kind: str, rec: Mapping[str, Any]) -> list[tuple[str, str]]:
    if kind == "visit":
        places = ", ".join(str(p.get("name")) for p in rec.get("places") or ())
        return [
            ("visitor", _person(rec.get("visitor"))),
            ("from → to", f"{rec.get('visitor_country') or '?'} → {rec.get('host_country') or '?'}"),
            ("places", places),
            ("dates", _dates(rec.get("dates"))),
            ("status", str(rec.get("status"))),
        ]
    if kind == "meeting":
        place = rec.get("place") or {}
        return [
            ("participants", "; ".join(_person(p) for p in rec.get("participants") or ())),
            ("date", _dates(rec.get("date"))),
            ("place", str(place.get("name") or "")),
            ("status", f"{rec.get('status')}, {rec.get('mode')}"),
        ]
    speaker = rec.get("speaker") or {}
    return [
        ("speaker", _person(speaker)),
        ("quote", f"“{rec.get('quote')}”" if rec.get("direct") else str(rec.get("quote"))),
        ("direct", "yes" if rec.get("direct") else "reported speech"),
    ]


def _card(kind: str, i: int, rec: Mapping[str, Any], anchor: str, linked: bool) -> str:
    key = f"{anchor}-{kind}-{i}"
    rows = "".join(f"<tr><th>{_esc(k)}</th><td>{_esc(v)}</td></tr>" for k, v in _fields(kind, rec) if v)
    evidence = []
    for s in rec.get("evidence") or ():
        snippet = _esc(s.get("text"))
        if linked:
            evidence.append(f'<li><a href="#{key}-at-{s["start"]}" data-for="{key}">{snippet}</a></li>')
        else:
            evidence.append(f"<li>{snippet}</li>")
    return (
        f'<div class="card card-{kind}" id="{key}" data-key="{key}"><div class="card-head">'
        f'<span class="badge badge-{kind}">{kind} {i}</span>'
        f' <span class="rule">{_esc(rec.get("rule"))}</span>'
        f' <span class="conf">{float(rec.get("confidence") or 0):.2f}</span></div>'
        f'<table>{rows}</table><ol class="evidence">{"".join(evidence)}</ol></div>'
    )


def _document(k: int, record: Mapping[str, Any], text: str | None) -> str:
    anchor = f"d{k}"
    src: Mapping[str, Any] = record.get("source") or {}
    head = f'<h3><span class="docid">{_esc(record.get("doc_id"))}</span>'
    if src.get("title"):
        head += f" — {_esc(src['title'])}"
    head += "</h3>"
    meta = []
    if record.get("published"):
        meta.append(f"published {_esc(record['published'])}")
    if src.get("url"):
        url = _esc(src["url"])
        meta.append(f'<a href="{url}" rel="noreferrer">{url}</a>')
    if src.get("file"):
        meta.append(f"file {_esc(src['file'])}")
    error = record.get("error")
    if error:
        body = f'<p class="error">{_esc(error.get("stage"))}: {_esc(error.get("message"))}</p>'
        meta_html = f'<p class="meta">{" · ".join(meta)}</p>'
        return f'<section class="doc doc-error" id="{anchor}">{head}{meta_html}{body}</section>'
    cards = [
        _card(kind, i, rec, anchor, text is not None)
        for kind, name in _LISTS.items()
        for i, rec in enumerate(record.get(name) or ())
    ]
    if text is not None:
        shown = f'<div class="text" data-doc="{anchor}">{_highlighted(text, _spans(record, anchor))}</div>'
    else:
        shown = (
            '<p class="missing">The text is not shown: its source file could not be read again, or it '
            "changed since the batch (the offsets no longer fit).</p>"
        )
    if not cards:
        cards = ['<p class="none">No visit, meeting or statement in this document.</p>']
    return (
        f'<section class="doc" id="{anchor}">{head}<p class="meta">{" · ".join(meta)}</p>'
        f'<div class="cols">{shown}<div class="records">{"".join(cards)}</div></div></section>'
    )


# ------------------------------------------------------------------------------------- overview
def _events(records: Sequence[Mapping[str, Any]]) -> list[Any]:
    from visitextract.events import merge

    return merge(records, link_people=False)


def _day(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _timeline(events: Sequence[Any], doc_anchor: Mapping[str, str]) -> str:
    """An SVG: one row per visitor, one bar per visit event from its start to its end, by host."""
    visits = [e for e in events if e.kind == "visit"]
    dated: list[tuple[Any, dt.date, dt.date]] = []
    for e in visits:
        start = _day(e.date_start)
        if start is not None:
            dated.append((e, start, max(start, _day(e.date_end) or start)))
    if not dated:
        return '<p class="none">No dated visit to draw.</p>'
    lo = min(s for _, s, _ in dated) - dt.timedelta(days=3)
    hi = max(x for _, _, x in dated) + dt.timedelta(days=4)
    hosts = sorted({str(e.host_country or "?") for e, _, _ in dated})
    colour = {h: _PALETTE[i % len(_PALETTE)] for i, h in enumerate(hosts)}
    rows: dict[str, list[tuple[Any, dt.date, dt.date]]] = {}
    labels: dict[str, str] = {}
    for e, s, x in sorted(dated, key=lambda t: (t[1], t[0].event_id)):
        key = str(e.visitor_id or e.visitor_name)
        rows.setdefault(key, []).append((e, s, x))
        labels[key] = f"{e.visitor_name or '?'} ({e.visitor_country or '?'})"
    left, width, row_h, top = 230, 980, 24, 30
    span_days = max(1, (hi - lo).days)

    def x_of(day: dt.date) -> float:
        return left + (day - lo).days / span_days * (width - left - 70)

    parts = []
    height = top + row_h * len(rows) + 30
    # month ticks (weeks when the range is short)
    step_weeks = span_days <= 70
    tick = lo + dt.timedelta(days=(7 - lo.weekday()) % 7) if step_weeks else dt.date(lo.year, lo.month, 1)
    while tick <= hi:
        if tick >= lo:
            xx = x_of(tick)
            parts.append(
                f'<line class="tick" x1="{xx:.1f}" y1="{top - 8}" x2="{xx:.1f}" y2="{height - 24}"/>'
            )
            label = tick.strftime("%d %b") if step_weeks else tick.strftime("%b %Y")
            parts.append(f'<text class="tick-label" x="{xx + 2:.1f}" y="{top - 12}">{label}</text>')
        if step_weeks:
            tick += dt.timedelta(days=7)
        else:
            tick = dt.date(tick.year + tick.month // 12, tick.month % 12 + 1, 1)
    for n, (key, bars) in enumerate(rows.items()):
        y = top + n * row_h
        parts.append(
            f'<text class="row-label" x="{left - 8}" y="{y + 16}" text-anchor="end">'
            f"{_esc(labels[key])}</text>"
        )
        for e, s, x in bars:
            x0, x1 = x_of(s), x_of(x + dt.timedelta(days=1))
            host = str(e.host_country or "?")
            cls = f"bar bar-{e.status}"
            tip = (
                f"{e.visitor_name} → {host}: {e.date_start}{' – ' + e.date_end if e.date_end else ''}, "
                f"{e.status}, {e.n_reports} report{'s' if e.n_reports != 1 else ''}"
            )
            href = doc_anchor.get(e.sources[0].doc_id)
            rect = (
                f'<rect class="{cls}" x="{x0:.1f}" y="{y + 4}" width="{max(6.0, x1 - x0):.1f}"'
                f' height="{row_h - 8}"'
                f' fill="{colour[host]}" data-event="{_esc(e.event_id)}"><title>{_esc(tip)}</title></rect>'
                f'<text class="bar-label" x="{x0 + max(6.0, x1 - x0) + 3:.1f}" y="{y + 16}">{_esc(host)}'
                f"{' ×' + str(e.n_reports) if e.n_reports > 1 else ''}"
                f"{' cancelled' if e.status == 'cancelled' else ''}</text>"
            )
            parts.append(f'<a href="#{href}">{rect}</a>' if href else rect)
    legend_y = height - 8
    xx = float(left)
    for h in hosts:
        parts.append(f'<rect x="{xx:.1f}" y="{legend_y - 10}" width="12" height="12" fill="{colour[h]}"/>')
        parts.append(f'<text class="legend" x="{xx + 16:.1f}" y="{legend_y}">{_esc(h)}</text>')
        xx += 16 + 9 * len(h) + 14
    undated = len(visits) - len(dated)
    note = (
        f'<p class="meta">{undated} visit{"s" if undated != 1 else ""} without a date not drawn.</p>'
        if undated
        else ""
    )
    return note + (
        f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="Visits by visitor and host">'
        f"{''.join(parts)}</svg>"
    )


def _table(head: Sequence[str], rows: Iterable[Sequence[object]], cls: str) -> str:
    body = "".join("<tr>" + "".join(f"<td>{_esc(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="{cls}"><tr>{"".join(f"<th>{_esc(h)}</th>" for h in head)}</tr>{body}</table>'


def _busiest(events: Sequence[Any]) -> tuple[str, str]:
    visits = [e for e in events if e.kind == "visit" and e.status != "cancelled"]
    hosts: Counter[str] = Counter()
    reports: Counter[str] = Counter()
    host_visitors: dict[str, set[str]] = {}
    for e in visits:
        h = str(e.host_country or "?")
        hosts[h] += 1
        reports[h] += e.n_reports
        host_visitors.setdefault(h, set()).add(str(e.visitor_name))
    host_rows = [
        (h, n, reports[h], ", ".join(sorted(host_visitors[h])))
        for h, n in sorted(hosts.items(), key=lambda t: (-t[1], t[0]))[:10]
    ]
    visitors: Counter[str] = Counter()
    visited: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for e in visits:
        v = str(e.visitor_id or e.visitor_name)
        visitors[v] += 1
        names[v] = f"{e.visitor_name} ({e.visitor_country or '?'})"
        visited.setdefault(v, []).append(str(e.host_country or "?"))
    visitor_rows = [
        (names[v], n, ", ".join(dict.fromkeys(visited[v])))
        for v, n in sorted(visitors.items(), key=lambda t: (-t[1], t[0]))[:10]
    ]
    return (
        _table(("host", "visits", "reports", "visitors"), host_rows, "busiest busiest-hosts"),
        _table(("visitor", "visits", "hosts"), visitor_rows, "busiest busiest-visitors"),
    )


# -------------------------------------------------------------------------------------- the page
_CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#222;
background:#fafafa}
header,main{max-width:1280px;margin:0 auto;padding:0 20px}
h1{font-size:22px;margin:18px 0 4px}
h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ddd}
h3{font-size:15px;margin:0 0 4px}
.meta{color:#666;font-size:13px;margin:0 0 10px}
.summary span{margin-right:18px}
.doc{background:#fff;border:1px solid #e3e3e3;border-radius:6px;padding:14px;margin:14px 0}
.cols{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:18px}
.text{white-space:pre-wrap;line-height:2.1}
mark.hl{background:none;padding:3px 0;color:inherit}
mark.hl-visit{background:#d7e8fb}
mark.hl-meeting{background:#fde3c8}
mark.hl-statement{background:#e3f2d9}
mark.hl-mention{box-shadow:inset 0 -2px 0 #9a6fb0}
mark.hl-visit.hl-meeting{background:linear-gradient(#d7e8fb 50%,#fde3c8 50%)}
mark.hl-visit.hl-statement,mark.hl-meeting.hl-statement{
background:linear-gradient(#d7e8fb 50%,#e3f2d9 50%)}
mark.on,.card.on{outline:2px solid #c0392b}
.tag{font-size:10px;font-weight:600;text-transform:uppercase;padding:1px 5px;margin:0 3px;
border-radius:3px;color:#fff;text-decoration:none;vertical-align:middle}
.tag-visit,.badge-visit{background:#2f6db3}
.tag-meeting,.badge-meeting{background:#c26a12}
.tag-statement,.badge-statement{background:#4b8a2f}
.card{border:1px solid #e3e3e3;border-left:4px solid #999;border-radius:4px;padding:6px 10px;
margin:0 0 10px;font-size:13px}
.card-visit{border-left-color:#2f6db3}
.card-meeting{border-left-color:#c26a12}
.card-statement{border-left-color:#4b8a2f}
.card table{border-collapse:collapse}
.card th{text-align:left;color:#666;font-weight:normal;padding-right:8px;vertical-align:top}
.badge{color:#fff;font-size:11px;padding:1px 6px;border-radius:3px}
.rule{color:#666}
.conf{float:right;color:#444}
.evidence{margin:4px 0 0;padding-left:18px;color:#444}
.evidence a{color:inherit}
.error,.missing,.none{color:#8a1f11}
.none{color:#777}
table.busiest,table.errors{border-collapse:collapse;font-size:13px;margin-right:24px;
vertical-align:top}
table.busiest td,table.busiest th,table.errors td,table.errors th{border-bottom:1px solid #e3e3e3;
padding:3px 8px;text-align:left}
.tables{display:flex;flex-wrap:wrap;gap:12px}
svg.timeline{background:#fff;border:1px solid #e3e3e3;max-width:100%;height:auto}
svg .row-label,svg .tick-label,svg .bar-label,svg .legend{font-size:12px;fill:#333}
svg .tick{stroke:#eee}
svg .bar-planned{fill-opacity:.45;stroke:#333;stroke-dasharray:3 2}
svg .bar-cancelled{fill-opacity:.2;stroke:#777}
.legend-keys span{display:inline-block;margin-right:14px;font-size:13px}
"""

_JS = """
(function(){
  function marks(key){return document.querySelectorAll('mark[data-records~="'+key+'"]');}
  function toggle(key,on){
    marks(key).forEach(function(m){m.classList.toggle('on',on);});
    var card=document.getElementById(key); if(card){card.classList.toggle('on',on);}
  }
  document.querySelectorAll('.card').forEach(function(card){
    var key=card.getAttribute('data-key');
    card.addEventListener('mouseenter',function(){toggle(key,true);});
    card.addEventListener('mouseleave',function(){toggle(key,false);});
  });
  document.querySelectorAll('mark.hl').forEach(function(m){
    var keys=(m.getAttribute('data-records')||'').split(' ');
    m.addEventListener('mouseenter',function(){keys.forEach(function(k){toggle(k,true);});});
    m.addEventListener('mouseleave',function(){keys.forEach(function(k){toggle(k,false);});});
  });
})();
"""


@dataclass
class ReportSummary:
    documents: int = 0
    shown: int = 0
    with_text: int = 0
    errors: int = 0
    events: int = 0
    written: list[str] = field(default_factory=list)


def render_report(
    records: Sequence[Mapping[str, Any]],
    texts: Mapping[int, str] | None = None,
    *,
    title: str = "visitextract report",
    limit: int = DEFAULT_LIMIT,
    summary: ReportSummary | None = None,
) -> str:
    """The HTML page of ``records`` (batch records or Extraction JSON); ``texts`` maps a record's
    position to its text (:func:`document_texts`); at most ``limit`` documents are shown in full."""
    summary = summary if summary is not None else ReportSummary()
    texts = texts or {}
    events = _events(records)
    errors = [r for r in records if r.get("error")]
    n_records = {name: sum(len(r.get(name) or ()) for r in records) for name in _LISTS.values()}
    shown_positions = [k for k, r in enumerate(records)][:limit]
    doc_anchor: dict[str, str] = {}
    for k in shown_positions:
        doc_anchor.setdefault(str(records[k].get("doc_id")), f"d{k}")
    docs_html = "".join(_document(k, records[k], texts.get(k)) for k in shown_positions)
    more = len(records) - len(shown_positions)
    hosts_html, visitors_html = _busiest(events)
    error_rows = [
        (
            r.get("doc_id"),
            (r.get("error") or {}).get("file"),
            (r.get("error") or {}).get("stage"),
            (r.get("error") or {}).get("message"),
        )
        for r in errors
    ]
    counts = (
        f'<p class="summary"><span>{len(records)} documents</span><span>{n_records["visits"]} visits</span>'
        f"<span>{n_records['meetings']} meetings</span><span>{n_records['statements']} statements</span>"
        f"<span>{len(events)} events across documents</span><span>{len(errors)} errors</span></p>"
    )
    keys = (
        '<p class="legend-keys">'
        + "".join(
            f'<span><mark class="hl hl-{kind}">{label}</mark></span>'
            for kind, label in (
                ("visit", "visit"),
                ("meeting", "meeting"),
                ("statement", "statement"),
                ("mention", "mention (place, person, body)"),
            )
        )
        + "</p>"
    )
    body = [
        f"<header><h1>{_esc(title)}</h1>{counts}</header><main>",
        "<h2>Visits over time</h2>",
        '<p class="meta">One row per visitor, one bar per visit (all its reports merged), coloured by '
        "host country; dashed: planned; faint: cancelled; ×N: N reports. Click a bar for its first "
        "report.</p>",
        _timeline(events, doc_anchor),
        '<h2>Busiest hosts and visitors</h2><div class="tables">',
        hosts_html,
        visitors_html,
        "</div>",
        f"<h2>Errors ({len(errors)})</h2>",
        _table(("doc_id", "file", "stage", "message"), error_rows, "errors")
        if errors
        else '<p class="none">No error records.</p>',
        "<h2>Documents</h2>",
        keys,
        docs_html,
        f'<p class="none">{more} more documents are not shown (--limit {limit}).</p>' if more > 0 else "",
        f'<p class="meta">Made by visitextract {__version__}.</p></main>',
    ]
    summary.documents, summary.shown = len(records), len(shown_positions)
    summary.with_text = sum(1 for k in shown_positions if k in texts)
    summary.errors, summary.events = len(errors), len(events)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{_esc(title)}</title><style>{_CSS}</style></head><body>"
        + "".join(body)
        + f"<script>{_JS}</script></body></html>\n"
    )


def write_report(
    records: Sequence[Mapping[str, Any]],
    output: Path,
    *,
    root: Path | None = None,
    title: str = "visitextract report",
    limit: int = DEFAULT_LIMIT,
) -> ReportSummary:
    """Read the texts again, render the page and write it to ``output`` (UTF-8)."""
    summary = ReportSummary()
    texts = document_texts(records[:limit], root)
    page = render_report(records, texts, title=title, limit=limit, summary=summary)
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(output.name + ".tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(output)
    summary.written = [str(output)]
    return summary
