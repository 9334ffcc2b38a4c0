"""What every rule needs to know about one document, computed once.

The spaCy components leave spans in ``doc.spans``; this module indexes them by token, finds the
dateline, decides the tense of a trigger, links dates to triggers and turns offsets into the
contract's ``Span`` records. Rules read from a ``DocContext`` and never re-scan the text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Doc, Span, Token

from visitextract import models as m
from visitextract.normalize.dates import DateExpr, resolve
from visitextract.normalize.gazetteer import Entity, Gazetteer
from visitextract.normalize.offices import OfficeInfo
from visitextract.pipeline.entities import OFFICES_KEY, ORGS_KEY, PEOPLE_KEY, PLACES_KEY
from visitextract.rules import lexicon as lx
from visitextract.rules.syntax import governing_verb, sentence

Tense = Literal["past", "present", "future", "perfect"]
# "met X on the sidelines of the summit on December 2": the event's day is the meeting's day.
_EVENT_FRAME = frozenset(
    """sidelines margins margin summit conference meeting meetings talks forum session assembly
    ceremony funeral day""".split()
)
# Parts of a day a date hangs from: "arrived on the evening of May 6" is May 6's arrival.
_TIME_OF_DAY = frozenset("morning afternoon evening night dawn hours".split())
# An infinitive under these is a plan, not an event: "agreed to meet", "hopes to visit".
_INTENT_VERBS = frozenset(
    """agreed agree agrees decided decide decides hopes hope hoped wants want wanted intends intend
    intended aims aim aimed seeks seek sought expects expect expected plans plan planned wishes
    wish invited invites invite promised promise""".split()
)
DATES_KEY = "ve_dates"

_DATELINE_DASH = re.compile(r"\s(?:-{1,2}|–|—)\s")
# "New Delhi, Oct 7 (PTI) External Affairs Minister ...": place, date and the agency in brackets,
# with no dash before the story
_DATELINE_AGENCY = re.compile(
    r",[ \t]*[^()\n,]{3,25}(?:,[ \t]*\d{4})?[ \t]*\([A-Z][A-Za-z .&-]{1,20}\)[ \t]*"
)


@dataclass(frozen=True)
class PlaceMention:
    span: Span
    entity: Entity
    alias_type: str

    @property
    def country(self) -> str | None:
        return self.entity.country

    @property
    def is_demonym(self) -> bool:
        return self.alias_type in {"demonym", "demonym_plural"}


@dataclass(frozen=True)
class OfficeMention:
    span: Span
    info: OfficeInfo


@dataclass(frozen=True)
class DateMention:
    span: Span
    expr: DateExpr

    @property
    def expr_is_weekday(self) -> bool:
        """A bare weekday ("on Tuesday"): its day depends on the week the story is about."""
        return self.expr.is_weekday_only


@dataclass
class DocContext:
    """Indexes over one processed Doc, plus the reference date."""

    doc: Doc
    published: dt.date | None
    gazetteer: Gazetteer
    places: list[PlaceMention] = field(default_factory=list)
    offices: list[OfficeMention] = field(default_factory=list)
    people: list[Span] = field(default_factory=list)
    orgs: list[Span] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    place_at: dict[int, PlaceMention] = field(default_factory=dict)
    office_at: dict[int, OfficeMention] = field(default_factory=dict)
    person_at: dict[int, Span] = field(default_factory=dict)
    org_at: dict[int, Span] = field(default_factory=dict)
    date_at: dict[int, DateMention] = field(default_factory=dict)
    dateline: PlaceMention | None = None
    dateline_end_token: int = 0  # the first token after the dateline's header
    # news agencies that carry the story ("MOSCOW (Sputnik) -", a closing "(NAN)"): the narrator
    credited_agencies: set[str] = field(default_factory=set)
    quotes: list[tuple[int, int]] = field(default_factory=list)  # character spans of quotations
    quote_tokens: set[int] = field(default_factory=set)
    text: str = ""  # doc.text joins every token on each call: read it once
    tokens: list[Token] = field(default_factory=list)  # iterating a Doc makes new Token objects
    sents: list[Span] = field(default_factory=list)  # doc.sents walks the whole doc on every call
    _sent_starts: list[int] = field(default_factory=list)
    _anchors: dict[int, dt.date | None] = field(default_factory=dict)  # see _anchor_day

    @classmethod
    def build(cls, doc: Doc, published: dt.date | None, gazetteer: Gazetteer) -> DocContext:
        ctx = cls(doc=doc, published=published, gazetteer=gazetteer, text=doc.text, tokens=list(doc))
        for span in doc.spans.get(PLACES_KEY, []):
            data = span._.ve_place or {}
            entity = gazetteer.entities.get(str(data.get("id", "")))
            if entity is None and data.get("type") == "unknown":
                # a place no table knows: its kind from the NER, no country
                entity = Entity(str(data["id"]), str(data.get("kind", "city")), span.text, None)
            if entity is None:
                continue
            pm = PlaceMention(span, entity, str(data.get("type", "name")))
            ctx.places.append(pm)
            for t in span:
                ctx.place_at[t.i] = pm
        for span in doc.spans.get(OFFICES_KEY, []):
            data = span._.ve_office
            if not data:
                continue
            om = OfficeMention(span, OfficeInfo(**data))
            ctx.offices.append(om)
            for t in span:
                ctx.office_at[t.i] = om
        for span in doc.spans.get(PEOPLE_KEY, []):
            ctx.people.append(span)
            for t in span:
                ctx.person_at[t.i] = span
        for span in doc.spans.get(ORGS_KEY, []):
            ctx.orgs.append(span)
            for t in span:
                ctx.org_at[t.i] = span
        for span in doc.spans.get(DATES_KEY, []):
            expr = span._.ve_date
            if expr is None:
                continue
            dm = DateMention(span, expr)
            ctx.dates.append(dm)
            for t in span:
                ctx.date_at[t.i] = dm
        ctx.sents = list(doc.sents) if len(doc) else []
        ctx._sent_starts = [s.start for s in ctx.sents]
        ctx.dateline = ctx._find_dateline()
        if ctx.dateline is not None:
            # "SEOUL, Aug. 22 (Yonhap) --": the filing date is no event's date
            end = ctx._dateline_end(ctx.dateline)
            span = doc.char_span(end, len(ctx.text), alignment_mode="expand")
            ctx.dateline_end_token = span.start if span is not None else 0
            ctx.dates = [dm for dm in ctx.dates if dm.span.start_char >= end]
            ctx.date_at = {i: dm for i, dm in ctx.date_at.items() if dm.span.start_char >= end}
        ctx.credited_agencies = ctx._credited_agencies()
        ctx.quotes = find_quotations(ctx.text)
        for start, end in ctx.quotes:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                ctx.quote_tokens.update(t.i for t in span)
        return ctx

    def _credited_agencies(self) -> set[str]:
        """Agencies named in the story's first line (its dateline or credit) or in a credit of their
        own, "(NAN)" closing a paragraph: they tell the story; they are not its sources."""
        text = self.text
        first_line = text.find("\n")
        header_end = max(first_line if first_line >= 0 else min(len(text), 160), 0)
        out: set[str] = set()
        for pm in self.places:
            if not is_agency(pm):
                continue
            start, end = pm.span.start_char, pm.span.end_char
            before, after = text[max(0, start - 1) : start], text[end : end + 3]
            if start < header_end and (before == "(" or after.lstrip()[:1] in {"-", "–", "—", "|"}):
                out.add(pm.entity.id)  # "MOSCOW (Sputnik) -", "PTI | New Delhi", "AFP -"
                continue
            line_end = text.find("\n", end)
            rest = text[end : line_end if line_end >= 0 else len(text)]
            if before == "(" and rest.strip() in {")", ")."}:
                out.add(pm.entity.id)  # a closing credit "(NAN)"
        return out

    def sentence_index(self, token_i: int) -> int:
        """Index in ``sents`` of the sentence holding a token."""
        return max(0, bisect.bisect_right(self._sent_starts, token_i) - 1)

    # ----------------------------------------------------------- offsets
    def span_of(self, span: Span | Token) -> m.Span:
        if isinstance(span, Token):
            return m.Span(start=span.idx, end=span.idx + len(span.text), text=span.text)
        return m.Span(start=span.start_char, end=span.end_char, text=span.text)

    def char_span(self, start: int, end: int) -> m.Span:
        return m.Span(start=start, end=end, text=self.text[start:end])

    def _find_dateline(self) -> PlaceMention | None:
        """A dateline names where the story was filed: "VILNIUS –", "PTI | New Delhi |"."""
        doc = self.doc
        if not len(doc):
            return None
        first_line_end = self.text.find("\n")
        limit = first_line_end if first_line_end > 0 else min(len(self.text), 120)
        line = self.text[:limit]
        for pm in self.places:
            if pm.span.start_char >= limit or pm.is_demonym:
                continue
            if pm.entity.kind not in {"city", "country"}:
                continue
            before = line[: pm.span.start_char].strip()
            if before and self._only_dates(before, pm.span.start_char):
                before = ""  # "[December 30, 2015]  HONOLULU (Reuters) -": a page date before it
            after = line[pm.span.end_char : pm.span.end_char + 4].lstrip()
            if "|" in line and ("|" in before[-3:] or not before):
                return pm
            if not before and (pm.span.text.isupper() or after[:1] in {"–", "—", "-", ":", "("}):
                return pm
            # "Riyadh, March 13, 2025, SPA -- ...": place, date and agency, then the dash
            if (
                not before
                and after[:1] == ","
                and (
                    _DATELINE_DASH.search(line, pm.span.end_char, pm.span.end_char + 45)
                    or _DATELINE_AGENCY.match(line, pm.span.end_char)
                )
            ):
                return pm
        return None

    def _only_dates(self, prefix: str, end: int) -> bool:
        """Whether the text before a dateline's place is only dates in brackets or punctuation."""
        dated = "".join(dm.span.text for dm in self.dates if dm.span.end_char <= end)
        squeeze = re.compile(r"[\[\]()\s,.|:-]")
        return bool(dated) and squeeze.sub("", prefix) == squeeze.sub("", dated)

    def _dateline_end(self, dateline: PlaceMention) -> int:
        """Where the dateline's header ends: its dash ("TOKYO, Feb. 12 (Kyodo) --") or its line."""
        start = dateline.span.end_char
        line_end = self.text.find("\n", start)
        line_end = len(self.text) if line_end < 0 else line_end
        dash = _DATELINE_DASH.search(self.text, start, min(line_end, start + 60))
        if dash is not None:
            return dash.end()
        agency = _DATELINE_AGENCY.match(self.text, start, line_end)
        if agency is not None:
            return agency.end()
        return line_end if "|" in self.text[:line_end] else start

    # ----------------------------------------------------------- places
    def places_in(self, start: int, end: int) -> list[PlaceMention]:
        seen: list[PlaceMention] = []
        for i in range(start, end):
            pm = self.place_at.get(i)
            if pm is not None and (not seen or seen[-1] is not pm):
                seen.append(pm)
        return seen

    def country_near(self, token_i: int, window: int = 3) -> PlaceMention | None:
        """A demonym or country right before ``token_i``: "Kazakh President", "Vietnam's PM",
        "Germany's largely ceremonial president", "Vietnam's Communist Party general secretary"."""
        j = token_i - 1
        skipped = 0
        while j >= 0 and skipped < window + 3:
            tok = self.doc[j]
            if tok.text in {"'s", "’s", "'", "the", "The"} or tok.tag_ == "POS":
                j -= 1
                continue
            if (
                j not in self.place_at
                and (
                    (tok.tag_ in {"JJ", "RB"} and tok.lower_ not in {"former", "late"})
                    or (tok.ent_type_ == "ORG" and tok.text[:1].isupper())
                    # "the Vietnamese State leader": a noun modifying the title
                    or (tok.dep_ == "compound" and tok.head.i >= token_i and tok.text[:1].isupper())
                )
            ):
                j -= 1
                skipped += 1
                continue
            pm = self.place_at.get(j)
            if pm is not None and pm.entity.kind in {"country", "bloc", "organization", "city", "site"}:
                return pm
            org = self.org_at.get(j)
            if org is not None:
                org_pm = next((p for p in self.places_in(org.start, org.end)), None)
                if org_pm is not None:
                    return org_pm
            break
        return None

    def place_before(self, token_i: int) -> PlaceMention | None:
        """The place named just before a token, across a dash or comma ("in Pakistan — X's stop")."""
        j = token_i - 1
        while j >= 0 and token_i - j < 6:
            pm = self.place_at.get(j)
            if pm is not None:
                return pm
            if self.doc[j].is_sent_start:
                break
            j -= 1
        return None

    # ----------------------------------------------------------- tense
    def tense(self, token: Token) -> Tense:
        """Tense of the clause a trigger stands in (its verb, or the verb governing a noun)."""
        return self._verb_tense(governing_verb(token, max_hops=4))

    def _verb_tense(self, verb: Token) -> Tense:
        children = list(verb.children)
        lowers = {c.lower_ for c in children if c.dep_ in {"aux", "auxpass", "neg"}}
        if lowers & lx.FUTURE_AUX:
            return "future"
        # "is scheduled to meet", "plans to visit", "is set to pay"
        head = verb.head
        if verb.dep_ in {"xcomp", "ccomp"} and head != verb:
            if head.lower_ in lx.FUTURE_VERBS:
                return "future"
            if head.lower_ in {"is", "are", "was", "were"} and any(c.lower_ == "to" for c in children):
                return "future"
            head_tense = self._verb_tense(head) if head.dep_ != "ROOT" or head.tag_[:2] == "VB" else None
            if head_tense == "future":
                return "future"
        if verb.lower_ in lx.FUTURE_VERBS and any(c.dep_ == "xcomp" for c in children):
            return "future"
        if verb.dep_ == "conj" and head != verb and lowers <= {"be"} and self._verb_tense(head) == "future":
            return "future"  # "he will meet X and be received by Y"
        if verb.tag_ == "MD" and verb.lower_ in lx.FUTURE_AUX | {"would"}:
            return "future"
        if "would" in lowers:
            return "future"
        if lowers & {"has", "have", "'ve"}:
            return "perfect"
        if "having" in lowers:
            # "wrapped up a tour on Thursday, having visited Jordan", "having visited Jordan, she
            # will travel to Qatar": done before the clause it hangs on
            return "perfect"
        if lowers & {"had", "did", "was", "were"}:
            if verb.tag_ == "VBG" and lowers & {"was", "were"}:
                return "past"
            return "past"
        if verb.tag_ == "VBD":
            return "past"
        if (
            verb.tag_ == "VBN"
            and not lowers
            and head != verb
            and (verb.dep_ == "advcl" or (verb.dep_ == "acl" and verb.lower_ in lx.SEQUENCE_PARTICIPLES))
        ):
            # "will fly to Tashkent, followed by an audience with X", "talks with Y, followed by a
            # lunch": the tense of the clause it hangs on, also when that is "is due to fly"
            clause = governing_verb(head, max_hops=4)
            if any(
                c.lower_ in lx.FUTURE_VERBS and any(g.dep_ == "xcomp" for g in c.children)
                for c in clause.children
            ):
                return "future"
            return self._verb_tense(clause)
        if verb.tag_ == "VBN" and verb.dep_ in {"acl", "amod"}:
            return "past"
        if verb.tag_ in {"VBZ", "VBP", "VBG"}:
            if verb.tag_ == "VBG" and verb.dep_ == "pcomp":
                return self._verb_tense(verb.head.head) if verb.head.head != verb.head else "present"
            if verb.tag_ == "VBG" and verb.dep_ == "advcl" and not lowers and head != verb:
                # "flew out on Sunday evening, arriving in Berlin on Monday morning": the participle
                # happens in the time of the clause it hangs on
                return self._verb_tense(head)
            return "present"
        if verb.tag_ == "VB":
            to = any(c.lower_ == "to" and c.dep_ == "aux" for c in children)
            if to and head != verb:
                # "plans to hold talks", "agreed to meet": not yet done
                if head.pos_ in {"NOUN", "PROPN"} or head.lower_ in _INTENT_VERBS:
                    return "future"
                return self._verb_tense(head)
            if verb.dep_ in {"dep", "conj", "xcomp"} and head != verb:
                # "is scheduled to stay in Riyadh ..., then visit Qatar"
                return self._verb_tense(head)
            return "present"
        return "present"

    # ----------------------------------------------------------- dates
    def resolve_date(self, dm: DateMention, tense: Tense | None) -> m.DateRange:
        date_tense: Literal["past", "present", "future"] | None
        date_tense = "past" if tense == "perfect" else tense
        anchor = self._anchor_day(dm) if dm.expr.is_anchored else None
        d = resolve(
            dm.expr, self.published, date_tense, text=dm.span.text, span=self.span_of(dm.span), anchor=anchor
        )
        if self.published is None and d.start is None and (d.start_partial or d.end_partial):
            year = self._text_year(dm)
            if year is not None:
                return _with_year(d, year)
        return d

    def _anchor_day(self, dm: DateMention) -> dt.date | None:
        """The day "the next day" or "two days later" counts from: the story's last day before it.

        That is the nearest earlier date of day granularity, read in its own clause's tense; a month
        or a year between ("talks since 2019") is background and skipped, while a span of several
        days ("December 5-7") leaves the day unknown, so the answer is None rather than a guess.
        """
        if dm.span.start in self._anchors:
            return self._anchors[dm.span.start]
        day: dt.date | None = None
        for prev in reversed([o for o in self.dates if o.span.start < dm.span.start]):
            d = self.resolve_date(prev, self.tense(prev.span.root))
            if d.granularity != "day" or not d.start:
                continue
            if d.start == (d.end or d.start):
                day = dt.date.fromisoformat(d.start)
            break
        self._anchors[dm.span.start] = day
        return day

    def _text_year(self, dm: DateMention) -> int | None:
        """With no publication date, the year the text itself gives: that of the nearest date before
        this one that names its year (a press release headed "April 13, 2012 to April 19, 2012"),
        else of the first one after it."""
        years = [
            (other.span.start, p.year)
            for other in self.dates
            for p in (other.expr.start, other.expr.end)
            if p is not None and p.year is not None
        ]
        before = [y for start, y in years if start < dm.span.start]
        if before:
            return before[-1]
        return next((y for start, y in years if start > dm.span.start), None)

    def dates_for(
        self, trigger: Token, *, scope: Span | None = None, through_talks: bool = True
    ) -> list[DateMention]:
        """Date expressions that belong to a trigger: in its subtree, or on the verb it hangs from.

        ``through_talks=False`` (visits): a date on the talks a trip is for ("will visit the US for
        talks with Blinken on Wednesday") dates the talks, not the trip.
        """
        sent = scope or sentence(trigger)
        candidates = [dm for dm in self.dates if sent.start <= dm.span.start < sent.end]
        if not candidates:
            return []
        anchors = {trigger}
        if trigger.pos_ in {"VERB", "AUX"}:
            if trigger.dep_ == "xcomp":
                anchors.add(trigger.head)  # "is scheduled to meet ... on Wednesday"
        else:
            # a noun takes the dates of its own verb only when it is that verb's argument
            # ("paid a visit on Monday"), not when nested ("the itinerary of X's trip")
            head = trigger.head
            if head.pos_ in {"VERB", "AUX"}:
                anchors.add(head)
            elif head.dep_ in {"prep", "agent"} and head.head.pos_ in {"VERB", "AUX"}:
                anchors.update({head, head.head})
        picked: list[DateMention] = []
        for a in [x for x in anchors if x.pos_ in {"VERB", "AUX"}]:
            if a.dep_ in {"advcl", "relcl"} and any(c.lower_ == "when" for c in a.children):
                # "in April, when Scholz made a visit to China", "met in April, when ...": the
                # when-clause happens at the time of what it hangs on
                picked += [dm for dm in candidates if dm.span.start <= a.head.i < dm.span.end]
                if a.dep_ == "advcl":
                    anchors.add(a.head)
        for dm in candidates:
            if dm in picked:
                continue
            root = dm.span.root
            node = root
            ok = False
            for _ in range(6):
                if node in anchors:
                    ok = True
                    break
                if node.head == node:
                    break
                node = node.head
            if ok and not _crosses_clause(root, node) and not self._crosses_noun(root, node, trigger):
                # (a trip told as attending the summit takes its day: "attended the summit last year")
                events = trigger.lower_ not in lx.ATTEND_VERBS
                if through_talks or not _on_talks(root, node, events):
                    picked.append(dm)
        return picked

    def _crosses_noun(self, start: Token, anchor: Token, trigger: Token) -> bool:
        """ "During his visit on December 5-7, he met ...": the date belongs to "visit", not "met".

        Only for verb triggers; nouns that stand for people ("his counterpart") do not count.
        """
        if trigger.pos_ not in {"VERB", "AUX"}:
            return False
        node = start.head
        while node != anchor and node.head != node:
            if (
                node.pos_ == "NOUN"
                and node != trigger
                and node.i not in self.date_at
                and node.i not in self.office_at
                and node.i not in self.person_at
                and node.lower_ not in {"counterpart", "counterparts"}
                and node.lower_ not in _EVENT_FRAME
                and node.lower_ not in _TIME_OF_DAY
            ):
                return True
            node = node.head
        return False


_OPEN_CLOSE = {"“": "”", "«": "»", "„": "“"}


# The only places where a quotation can open or close, or a paragraph end: a regex of plain
# alternatives without nesting, so the scan is linear and skips ordinary text in C.
_QUOTE_EVENTS = re.compile(r"''|[“”«»„\"]|\n\n")


def find_quotations(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted passages (content only), in one linear pass.

    Curly quotes pair up directly; straight double quotes and doubled apostrophes ('' ... '')
    alternate within a paragraph, which is where news copy closes them; a paragraph break closes a
    dangling quotation.
    """
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    open_mark = ""
    for event in _QUOTE_EVENTS.finditer(text):
        mark, i = event.group(), event.start()
        if open_at is None:
            if mark in _OPEN_CLOSE:
                open_at, open_mark = i + 1, _OPEN_CLOSE[mark]
            elif mark == '"':
                open_at, open_mark = i + 1, '"'
            elif mark == "''":
                open_at, open_mark = i + 2, "''"
        elif (mark == open_mark or (open_mark in {'"', "”"} and mark in {'"', "”"})) and i > open_at:
            # a closing mark, or the other double quote: copy mixes them ('"Distance ... exception,”')
            spans.append((open_at, i))
            open_at = None
        elif mark == "\n\n":
            open_at = None
    return spans


# Nouns of a meeting: a date hanging from one is the meeting's.
_TALKS = frozenset("talks meeting meetings consultations discussions negotiations".split())
# an event a trip is for, whose day is its own unless the trip is told as attending it
_EVENTS = frozenset("summit summits".split())


def _on_talks(start: Token, anchor: Token, events: bool = False) -> bool:
    """Whether the path from a date up to its anchor passes through a meeting noun (or, with
    ``events``, a summit: "will head to Vietnam, with a summit scheduled for Friday")."""
    node = start.head
    while node != anchor and node.head != node:
        if node.pos_ == "NOUN" and (node.lower_ in _TALKS or (events and node.lower_ in _EVENTS)):
            return True
        node = node.head
    return False


def _crosses_clause(start: Token, anchor: Token) -> bool:
    """Whether the path from a date up to its anchor leaves through another clause."""
    node = start
    while node != anchor and node.head != node:
        if (
            node.dep_ in {"ccomp", "advcl", "relcl", "conj"}
            and node.pos_ in {"VERB", "AUX"}
            and node != start
        ):
            return True
        if node.dep_ == "pcomp" and node.head.lower_ in {"since", "before", "until"} and node != start:
            return True  # "her first trip abroad since taking office last month"
        node = node.head
    return False


def is_agency(pm: PlaceMention) -> bool:
    """A news agency of the organisations table (models/hand/organizations.csv)."""
    return pm.entity.id.startswith("org:agency-")


def _with_year(d: m.DateRange, year: int) -> m.DateRange:
    """A date without its year ("--04-16", "--05") in ``year``; a range that runs past December
    ends the next year. Unchanged when a day does not exist in that year (February 29)."""

    def day(partial: str, y: int, last: bool) -> str | None:
        parts = partial[2:].split("-")
        try:
            month = int(parts[0])
            if len(parts) == 1:  # a month: its first or last day
                first = dt.date(y, month, 1)
                nxt = dt.date(y + month // 12, month % 12 + 1, 1)
                return (nxt - dt.timedelta(days=1) if last else first).isoformat()
            return dt.date(y, month, int(parts[1])).isoformat()
        except ValueError:
            return None

    sp, ep = d.start_partial, d.end_partial
    if (sp is not None and not sp.startswith("--")) or (ep is not None and not ep.startswith("--")):
        return d
    start = day(sp, year, False) if sp else None
    end = day(ep, year, True) if ep else None
    if start and end and end < start and ep is not None:
        end = day(ep, year + 1, True)
    if (sp and start is None) or (ep and end is None):
        return d
    return d.model_copy(
        update={"start": start, "end": end, "start_partial": None, "end_partial": None, "year_inferred": True}
    )


def parse_published(value: object) -> dt.date | None:
    """Accept a date, a datetime or an ISO date(time) string; ``None`` stays ``None``.

    ``ValueError``: [E002] for anything else, [E035] for a date too near the ends of the calendar.
    """
    from visitextract.errors import Errors
    from visitextract.normalize.dates import check_published, parse_iso_date

    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return check_published(value.date(), value)
    if isinstance(value, dt.date):
        return check_published(value, value)
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        day = parse_iso_date(text)  # "2022-12-06garbage", "20221206", "2022-W49-2": E002
        if day is not None:
            return check_published(day, value)
    raise ValueError(Errors.E002.format(value=value))
