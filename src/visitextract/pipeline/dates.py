"""A spaCy component that finds date expressions and attaches their parsed, unresolved form.

Resolution needs the publication date and the clause's tense, which the rules layer knows and this
component does not; so each found span carries a :class:`~visitextract.normalize.dates.DateExpr` in
``span._.ve_date`` and the rules call :func:`~visitextract.normalize.dates.resolve` later.

Candidates come from one token ``Matcher`` built once per component (linear in the doc length); each is
parsed by ``parse_date_expression`` and dropped when that fails, then the longest non-overlapping ones
are kept. Context checks that token patterns cannot express (the modal "may", "Theresa May", a year in
"the 2030 World Expo" or "2021-22") run on the few candidates only, and work with or without a tagger.
"""

from __future__ import annotations

from typing import Any

import numpy
import srsly  # type: ignore[import-untyped]  # no stubs; only its msgpack registries are used
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from visitextract.normalize.dates import (
    _ANCHOR_STEPS,
    _COUNT_WORDS,
    _DAY_WORDS,
    _LATER,
    _WEEKDAY_ABBR,
    MONTHS,
    WEEKDAYS,
    DateExpr,
    parse_date_expression,
)

__all__ = ["DateFinder", "make_date_finder"]

if not Span.has_extension("ve_date"):
    Span.set_extension("ve_date", default=None)

_MSGPACK_KEY = "__visitextract_date__"
# Words without which no pattern can match, and how far a pattern reaches around them.
_ANCHOR_WORDS = frozenset(
    "today tonight yesterday tomorrow week weekend month year night morning afternoon evening day".split()
) | {"days"}
_BEFORE, _AFTER = 6, 10


def _encode_date_expr(obj: Any, chain: Any = None) -> Any:
    """Let ``Doc.to_bytes`` (and so ``nlp.pipe(n_process=...)``) carry ``_.ve_date`` values.

    The value is rebuilt from its text on the other side: parsing is deterministic and cached.
    """
    if isinstance(obj, DateExpr):
        return {_MSGPACK_KEY: obj.text}
    return obj if chain is None else chain(obj)


def _decode_date_expr(obj: Any, chain: Any = None) -> Any:
    if isinstance(obj, dict):
        text = obj.get(_MSGPACK_KEY, obj.get(_MSGPACK_KEY.encode()))
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        if isinstance(text, str):
            return parse_date_expression(text)
    return obj if chain is None else chain(obj)


srsly.msgpack_encoders.register("visitextract_date", func=_encode_date_expr)
srsly.msgpack_decoders.register("visitextract_date", func=_decode_date_expr)

# Token vocabularies (lower case). Full month names may stand alone ("in March"); abbreviations only
# next to a day or year, because "Jan", "Mar" and "Dec" are also names and words.
_MONTH_FULL = sorted(k for k in MONTHS if len(k) > 4 or k in ("may", "june", "july"))
_MONTH_ANY = sorted({*MONTHS, *(f"{k}." for k in MONTHS if k not in _MONTH_FULL)})
_WEEKDAY = sorted(WEEKDAYS)
_DAY_RE = r"^(0?[1-9]|[12][0-9]|3[01])(st|nd|rd|th)?$"
_DAY_RANGE_RE = r"^(0?[1-9]|[12][0-9]|3[01])(st|nd|rd|th)?[–—-](0?[1-9]|[12][0-9]|3[01])(st|nd|rd|th)?$"
_YEAR_RE = r"^(19|20)[0-9][0-9]$"
# "on the 14th": a day of the month without its month (the month is the story's; resolve takes it)
_DAY_OF_MONTH: list[list[dict[str, Any]]] = [
    [{"LOWER": "on"}, {"LOWER": "the"}, {"LOWER": {"REGEX": r"^(0?[1-9]|[12][0-9]|3[01])(st|nd|rd|th)$"}}]
]

_M: dict[str, Any] = {"LOWER": {"IN": _MONTH_ANY}}
_M_FULL: dict[str, Any] = {"LOWER": {"IN": _MONTH_FULL}}
_D: dict[str, Any] = {"LOWER": {"REGEX": _DAY_RE}}
_DD: dict[str, Any] = {"LOWER": {"REGEX": _DAY_RANGE_RE}}
_Y: dict[str, Any] = {"TEXT": {"REGEX": _YEAR_RE}}
_COMMA: dict[str, Any] = {"ORTH": ",", "OP": "?"}
_OF: dict[str, Any] = {"LOWER": "of"}
_SEP: dict[str, Any] = {"LOWER": {"IN": ["-", "–", "—", "to", "through", "thru", "till", "until", "and"]}}
_W: dict[str, Any] = {"LOWER": {"IN": _WEEKDAY}}
_REL: dict[str, Any] = {"LOWER": {"IN": ["this", "next", "last", "coming", "past"]}}
_UNIT: dict[str, Any] = {"LOWER": {"IN": ["week", "weekend", "month", "year"]}}
_PART: dict[str, Any] = {"LOWER": {"IN": ["morning", "afternoon", "evening", "night"]}, "OP": "?"}
_RANGE_PREFIX: dict[str, Any] = {"LOWER": {"IN": ["from", "between"]}, "OP": "?"}
_OPEN_PREFIX: dict[str, Any] = {"LOWER": {"IN": ["until", "till", "til", "through", "thru", "since", "from"]}}


def _opt(spec: dict[str, Any]) -> dict[str, Any]:
    return {**spec, "OP": "?"}


# A calendar day, with or without its year: "December 5", "Dec. 5, 2022", "5 December 2022",
# "6th of December", "Tuesday, December 6".
_CALENDAR_DAYS: list[list[dict[str, Any]]] = [
    [_M, _D],
    [_M, _D, _COMMA, _Y],
    [_D, _M, _opt(_Y)],
    [_D, _OF, _M, _opt(_Y)],
    [_W, _COMMA, _M, _D],
    [_W, _COMMA, _M, _D, _COMMA, _Y],
    [_W, _COMMA, _D, _M, _opt(_Y)],
]
_ISO: list[list[dict[str, Any]]] = [
    [{"TEXT": {"REGEX": r"^(19|20)[0-9][0-9]-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"}}],
    [
        _Y,
        {"ORTH": "-"},
        {"TEXT": {"REGEX": r"^(0[1-9]|1[0-2])$"}},
        {"ORTH": "-"},
        {"TEXT": {"REGEX": r"^(0[1-9]|[12][0-9]|3[01])$"}},
    ],
]
_DAY_RANGES: list[list[dict[str, Any]]] = [
    [_M, _D, _SEP, _D],  # December 5-7
    [_M, _D, _SEP, _D, _COMMA, _Y],  # Dec. 5–7, 2022
    [_M, _DD],  # Dec. 5–7 (one token)
    [_M, _DD, _COMMA, _Y],
    [_D, _SEP, _D, _M, _opt(_Y)],  # 26-28 September 2021, from 12 to 14 March
    [_DD, _M, _opt(_Y)],
    [_D, _M, _SEP, _D, _M, _opt(_Y)],  # 30 November to 2 December
    [_D, _M, _Y, _SEP, _D, _M, _Y],
    [_M, _D, _SEP, _M, _D, _COMMA, _opt(_Y)],  # November 30 to December 2(, 2023)
    [_M, _D, _COMMA, _Y, _SEP, _M, _D, _COMMA, _opt(_Y)],  # December 30, 2022 to January 2, 2023
]
_MONTHS: list[list[dict[str, Any]]] = [
    [_M, _COMMA, _Y],  # May 2021
    [_M_FULL],  # in May: checked for context after matching
    [{"LOWER": {"IN": ["early", "mid", "late"]}}, {"ORTH": "-", "OP": "?"}, _M_FULL, _opt(_Y)],
    [_REL, _M_FULL],  # last July
    [_M_FULL, {"LOWER": {"IN": ["last", "next", "this"]}}, {"LOWER": "year"}],  # June last year
]
_MONTH_RANGES: list[list[dict[str, Any]]] = [
    [{"LOWER": {"IN": ["from", "between"]}}, _M_FULL, _SEP, _M_FULL, _opt(_Y)],
]
_YEARS: list[list[dict[str, Any]]] = [
    # A year alone only after a preposition; "in"/"by"/"during" are trimmed from the span later.
    [{"LOWER": {"IN": ["in", "since", "by", "until", "till", "during"]}}, _Y],
    [{"LOWER": {"IN": ["from", "between"]}}, _Y, _SEP, _Y],
]
_EVENT_YEARS: list[list[dict[str, Any]]] = [
    [
        # "his 2019 visit", "Erdogan's 2021 visit to Abuja", "the 2022 official visit"
        {"LOWER": {"IN": ["his", "her", "their", "its", "our", "my", "the", "a", "an", "'s", "’s"]}},
        _Y,
        {"LOWER": {"IN": ["official", "working", "historic", "landmark", "first", "last"]}, "OP": "?"},
        {"LOWER": {"IN": ["visit", "visits", "trip", "trips", "tour", "summit", "stay", "state"]}},
    ],
]
_RELATIVE: list[list[dict[str, Any]]] = [
    [_REL, _UNIT],
    [{"LOWER": "this"}, {"LOWER": "coming"}, _UNIT],
    [{"LOWER": {"IN": ["earlier", "later"]}}, {"LOWER": "this"}, _UNIT],
    [{"LOWER": {"IN": ["over", "at", "during"]}}, {"LOWER": "the"}, {"LOWER": "weekend"}],
    [{"LOWER": {"IN": ["today", "tonight", "yesterday", "tomorrow"]}}, _PART],
    [{"LOWER": "last"}, {"LOWER": "night"}],
    # "arrived earlier in the day", "will be received later in the day": the day of the story
    [{"LOWER": {"IN": ["earlier", "later"]}}, {"LOWER": "in"}, {"LOWER": "the"}, {"LOWER": "day"}],
    [{"LOWER": "this"}, {"LOWER": {"IN": ["morning", "afternoon", "evening"]}}],
    [{"LOWER": "the"}, {"LOWER": "day"}, {"LOWER": {"IN": ["before", "after"]}},
     {"LOWER": {"IN": ["yesterday", "tomorrow"]}}],
]  # fmt: skip
# Days told from another day of the story, which the rules find: "the next day", "the following
# evening", "on the same day", "that same morning", "later that day", "two days later", "the day
# after" (only when nothing follows: "the day after the summit" counts from the summit), "the
# following Monday".
# (the words are the parser's own tables, so what is found is what can be read)
_DAY_WORD: dict[str, Any] = {"LOWER": {"IN": sorted(_DAY_WORDS)}}
_LATER_WORD: dict[str, Any] = {"LOWER": {"IN": sorted(_LATER)}}
_ANCHORED: list[list[dict[str, Any]]] = [
    [{"LOWER": "the"}, {"LOWER": {"IN": sorted(set(_ANCHOR_STEPS) - {"that"})}}, _DAY_WORD],
    [{"LOWER": "that"}, {"LOWER": "same", "OP": "?"}, _DAY_WORD],
    [_LATER_WORD, {"LOWER": "that"}, _DAY_WORD],
    [{"LOWER": {"IN": sorted(_COUNT_WORDS)}}, {"LOWER": {"IN": ["day", "days"]}}, _LATER_WORD],
    [{"LOWER": {"REGEX": r"^[2-6]$"}}, {"LOWER": "days"}, _LATER_WORD],
    [{"LOWER": "the"}, {"LOWER": "day"}, {"LOWER": {"IN": ["after", "before"]}}],
    [{"LOWER": "the"}, {"LOWER": "following"}, _W],
]
# A part of a month or a year: "the end of November", "the first week of March", "the second half
# of 2026", "the beginning of next month", "early next year", "mid-2026". The whole phrase is one
# span, so its nouns ("week", "end") do not stand between the date and the verb it dates.
_PERIOD_WHOLE: list[list[dict[str, Any]]] = [
    [_M_FULL, _opt(_Y)],
    [_Y],
    [_REL, {"LOWER": {"IN": ["month", "year"]}}],
    [{"LOWER": "the"}, {"LOWER": "year"}],
]
_THE: dict[str, Any] = {"LOWER": "the", "OP": "?"}
_PART_NOUN: dict[str, Any] = {"LOWER": {"IN": ["start", "beginning", "end", "middle", "close", "turn"]}}
_NTH: dict[str, Any] = {"LOWER": {"IN": ["first", "second", "third", "fourth", "last", "final"]}}
_STRETCH: dict[str, Any] = {"LOWER": {"IN": ["week", "weeks", "half", "fortnight"]}}
_QUALIFIER: dict[str, Any] = {"LOWER": {"IN": ["early", "late", "mid"]}}
_PERIOD_PARTS: list[list[dict[str, Any]]] = [
    *([_THE, _PART_NOUN, _OF, *whole] for whole in _PERIOD_WHOLE),
    *([_THE, _NTH, _STRETCH, _OF, *whole] for whole in _PERIOD_WHOLE),
    [_QUALIFIER, {"ORTH": "-", "OP": "?"}, _REL, {"LOWER": "year"}],
    [_QUALIFIER, {"ORTH": "-", "OP": "?"}, _Y],
]  # fmt: skip
_WEEKDAYS: list[list[dict[str, Any]]] = [
    [_W, _PART],
    [_REL, _W, _PART],
    [{"LOWER": "this"}, {"LOWER": "coming"}, _W, _PART],
]
_WEEKDAY_RANGES: list[list[dict[str, Any]]] = [
    [_opt(_REL), _W, _SEP, _W],  # Tuesday and Wednesday, next Monday to Saturday
]

# Words before a bare month that make it a date ("in May", "by March", "the end of June").
_MONTH_CONTEXT = frozenset(
    {
        "in", "by", "since", "until", "till", "of", "early", "late", "mid", "from", "during", "last",
        "this", "next", "through", "before", "after", "between", "for", "coming", "past", "-",
        "throughout",
    }
)  # fmt: skip
# Words that make a bare month a date only after another month or a number ("April and May").
_WEAK_MONTH_CONTEXT = frozenset({"and", "or", "to"})
# Words after a weekday that make it the name of a newspaper ("the Sunday Times").
_NEWSPAPER = frozenset(
    {"times", "telegraph", "express", "guardian", "mail", "herald", "post", "observer", "tribune",
     "independent", "standard", "mirror", "star"}
)  # fmt: skip
_TRIMMED_PREPOSITIONS = frozenset({"in", "by", "during", "over", "at"})
# Month words that are also common lower-case English words.
_AMBIGUOUS_MONTH_WORDS = frozenset({"may", "march", "august"})
_NOUN_TAGS = frozenset({"NN", "NNS"})
# Words that may follow "on the 14th" when it is a day: a clause goes on ("on the 14th and ...")
_AFTER_DAY_OF_MONTH = frozenset("and or but to for with when where after before as in at while ahead".split())


class DateFinder:
    """Find date expressions; ``doc.spans[spans_key]`` gets them, each with ``span._.ve_date``."""

    def __init__(self, nlp: Language, name: str = "visitextract_dates", spans_key: str = "ve_dates") -> None:
        self.name = name
        self.spans_key = spans_key
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("DAY", _CALENDAR_DAYS + _ISO)
        self.matcher.add("RANGE", [[_RANGE_PREFIX, *p] for p in _DAY_RANGES] + _MONTH_RANGES)
        self.matcher.add("MONTH", _MONTHS)
        self.matcher.add("YEAR", _YEARS)
        self.matcher.add("PERIOD_PART", _PERIOD_PARTS)
        # "his 2019 visit", "the 2022 summit": a year naming an event; the span is the year alone
        self.matcher.add("EVENT_YEAR", _EVENT_YEARS)
        self.matcher.add("RELATIVE", _RELATIVE)
        self.matcher.add("ANCHORED", _ANCHORED)
        self.matcher.add("WEEKDAY", _WEEKDAYS)
        self.matcher.add("WEEKDAY_RANGE", [[_RANGE_PREFIX, *p] for p in _WEEKDAY_RANGES])
        # Open ranges: "until March 25", "since Monday", "through Sunday".
        self.matcher.add("OPEN", [[_OPEN_PREFIX, *p] for p in [*_CALENDAR_DAYS, *_MONTHS, *_WEEKDAYS]])

        self.matcher.add("DAY_OF_MONTH", _DAY_OF_MONTH)
        self._event_year_id = nlp.vocab.strings.add("EVENT_YEAR")
        self._day_of_month_id = nlp.vocab.strings.add("DAY_OF_MONTH")
        self._anchored_id = nlp.vocab.strings.add("ANCHORED")
        # Every date expression contains one of these words or shapes; the Matcher (whose regex
        # predicates are its cost) runs only on windows around them.
        strings = nlp.vocab.strings
        anchors = {*MONTHS, *(f"{k}." for k in MONTHS), *WEEKDAYS, *_WEEKDAY_ABBR, *_ANCHOR_WORDS}
        self._anchor_lower = numpy.array(sorted(strings.add(w) for w in anchors), dtype="uint64")
        self._anchor_shape = numpy.array(
            sorted(strings.add(w) for w in ("dddd", "dddd-dd-dd", "dxx", "ddxx")), dtype="uint64"
        )

    def _windows(self, doc: Doc) -> list[tuple[int, int]]:
        if not len(doc):
            return []
        cols = doc.to_array(["LOWER", "SHAPE"])
        hits = numpy.flatnonzero(
            numpy.isin(cols[:, 0], self._anchor_lower) | numpy.isin(cols[:, 1], self._anchor_shape)
        )
        windows: list[tuple[int, int]] = []
        for i in hits.tolist():
            start, end = max(0, i - _BEFORE), min(len(doc), i + _AFTER)
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(windows[-1][1], end))
            else:
                windows.append((start, end))
        return windows

    def __call__(self, doc: Doc) -> Doc:
        tagged = doc.has_annotation("TAG")
        candidates: list[tuple[Span, DateExpr]] = []
        matches = [
            (m, w_start + s, w_start + e)
            for w_start, w_end in self._windows(doc)
            for m, s, e in self.matcher(doc[w_start:w_end])
        ]
        event_year = self._event_year_id
        for match_id, start, end in matches:
            if match_id == event_year:
                year = doc[start + 1 : start + 2]  # the year of "his 2019 visit"
                year_expr = parse_date_expression(year.text)
                if year_expr is not None:
                    candidates.append((year, year_expr))
                continue
            if match_id == self._day_of_month_id:
                nxt = doc[end] if end < len(doc) else None
                if nxt is not None and (nxt.is_alpha and nxt.lower_ not in _AFTER_DAY_OF_MONTH):
                    continue  # "on the 14th floor", "on the 21st century", "on the 5th of May" (a day)
                start += 1  # the span is "the 14th"
            if match_id == self._anchored_id and doc[end - 1].lower_ in {"after", "before"}:
                nxt = doc[end] if end < len(doc) else None
                if nxt is not None and not (nxt.is_punct or nxt.lower_ in {"and", "but"}):
                    continue  # "the day after the summit": counted from the summit, not a day of the story
            span = self._checked(doc, start, end, tagged)
            if span is None:
                continue
            expr = parse_date_expression(span.text)
            if expr is not None:
                candidates.append((span, expr))
                if (
                    span.end + 2 <= len(doc)
                    and doc[span.end].lower_ in {"last", "next", "this"}
                    and doc[span.end + 1].lower_ == "year"
                ):
                    # "from July 30 to August 1 last year": the year the trailing words give
                    longer = parse_date_expression(doc[span.start : span.end + 2].text)
                    if longer is not None:
                        candidates.append((doc[span.start : span.end + 2], longer))
        exprs = {(s.start, s.end): e for s, e in candidates}
        kept = filter_spans([s for s, _ in candidates])
        for span in kept:
            span._.ve_date = exprs[(span.start, span.end)]
        doc.spans[self.spans_key] = kept
        return doc

    def _checked(self, doc: Doc, start: int, end: int, tagged: bool) -> Span | None:
        """The candidate as a span after the context checks, or None when it is not a date here."""
        first = doc[start]
        if first.lower_ in _TRIMMED_PREPOSITIONS:
            start += 1  # "in 2000" -> "2000": the preposition adds nothing to the date
        span = doc[start:end]
        tokens = list(span)
        if any(t.lower_ in _AMBIGUOUS_MONTH_WORDS and t.is_lower for t in tokens):
            return None  # "may", "march", "august" in lower case are the words, not the months
        if any(t.lower_.rstrip(".") in MONTHS and len(t.lower_) <= 4 and t.is_lower for t in tokens):
            return None  # abbreviations in lower case ("dec", "jan") are not months
        has_number = any(t.like_num or t.text[:1].isdigit() for t in tokens)
        if not has_number and not self._months_ok(doc, span, tagged):
            return None
        if has_number and not self._numbers_ok(doc, span, tagged):
            return None
        last = tokens[-1]
        if last.lower_ in WEEKDAYS and end < len(doc) and doc[end].lower_ in _NEWSPAPER and doc[end].is_title:
            return None  # "the Sunday Times"
        return span

    @staticmethod
    def _months_ok(doc: Doc, span: Span, tagged: bool) -> bool:
        """A month without a day or year needs context: "in May", "early March", "the March visit"."""
        months = [t for t in span if t.lower_ in MONTHS]
        if not months:
            return True
        if len(span) > len(months):
            return True  # a modifier or a preposition is part of the span ("last July", "from March to May")
        if tagged and any(t.tag_ == "MD" or t.pos_ in ("VERB", "AUX") for t in months):
            return False  # the modal "May", the verb "March"
        prev = doc[span.start - 1] if span.start > 0 else None
        if prev is not None and prev.lower_ in _MONTH_CONTEXT:
            return True
        if prev is not None and prev.lower_ in _WEAK_MONTH_CONTEXT and span.start > 1:
            before = doc[span.start - 2]
            if before.lower_ in MONTHS or before.like_num:
                return True  # "in April and May", but not "Johnson and May"
        if not tagged or any(t.lower_ == "may" for t in months):
            return False  # "Theresa May", the modal "May": only with a context word
        if any(t.pos_ != "PROPN" for t in months):
            return False
        if prev is not None and prev.is_title and prev.pos_ == "PROPN":
            return False  # a name: "June Smith" is caught below, "Prime Minister May" here
        nxt = doc[span.end] if span.end < len(doc) else None
        return not (nxt is not None and nxt.is_title and nxt.pos_ == "PROPN")

    @staticmethod
    def _numbers_ok(doc: Doc, span: Span, tagged: bool) -> bool:
        """Reject years that are part of a season ("2021-22") or a count ("in 2000 troops")."""
        if any(t.whitespace_ for t in span[:-1]) and _is_iso_tokens(span):
            return False
        if not _year_alone(span):
            return True
        nxt: Token | None = doc[span.end] if span.end < len(doc) else None
        if nxt is None:
            return True
        if (
            nxt.text in ("-", "–", "—", "/")
            and span.end + 1 < len(doc)
            and doc[span.end + 1].text[:1].isdigit()
        ):
            return False  # "2021-22", "2021/22": a season or fiscal year, not one year
        return not (tagged and nxt.tag_ in _NOUN_TAGS and nxt.is_lower)


def _year_alone(span: Span) -> bool:
    digits = [t for t in span if t.text[:1].isdigit()]
    return len(digits) == 1 and len(digits[0].text) == 4 and not any(t.lower_ in MONTHS for t in span)


def _is_iso_tokens(span: Span) -> bool:
    return len(span) == 5 and span[1].text == "-" and span[3].text == "-"


@Language.factory(
    "visitextract_dates",
    requires=["token.orth"],
    assigns=["doc.spans"],
    default_config={"spans_key": "ve_dates"},
)
def make_date_finder(nlp: Language, name: str, spans_key: str) -> DateFinder:
    """Build the date finder; its matcher is compiled once here, not per document."""
    return DateFinder(nlp, name=name, spans_key=spans_key)
