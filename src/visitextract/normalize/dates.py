"""Date expressions: parse the text of a candidate span, then resolve it against a reference date.

Two steps, because a date found in an article can only be pinned down once we know when the article
was published and the tense of the clause it stands in: ``parse_date_expression`` turns a short text
("Dec. 5–7, 2022", "next Monday", "June last year") into an unresolved :class:`DateExpr`, and
:func:`resolve` turns that into the project's :class:`~visitextract.models.DateRange`.

Why a grammar of our own rather than a library (probed with python-dateutil 4.0 and dateparser 1.5):

* ``dateutil.parser.parse`` reads single absolute dates ("December 5, 2022", "6th of December") but
  silently misreads ranges ("December 5-7" became 2007-12-05) and knows no relative forms, so its
  answers cannot be trusted on spans it was not designed for; and the grammar below reads those
  single dates anyway, so it is not used here.
* ``dateparser`` imports in ~50 ms but its first ``parse`` call takes ~1 s (it loads language data);
  it returned None for "December 5-7", "Dec. 5–7, 2022" and "last July", read "26-28 September 2021"
  as the 26th only, and resolves "next Monday"/"on Tuesday" with its own fixed conventions (no tense).
  It would add a heavy dependency for the easy part of the problem only.

So the grammar is written here: a linear tokenizer over a bounded string, then matching of the short
token signature against a fixed set of shapes. No regex here can backtrack catastrophically: each
runs on a short bounded string and has no nested quantifiers.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from visitextract.models import DateRange, Granularity, Span

Unit = Literal["day", "week", "weekend", "month", "year"]
Rel = Literal["this", "next", "last", "coming"]
Tense = Literal["past", "present", "future"]

__all__ = [
    "MONTHS",
    "PUBLISHED_MAX",
    "PUBLISHED_MIN",
    "WEEKDAYS",
    "DateExpr",
    "DatePoint",
    "check_published",
    "parse_date_expression",
    "parse_iso_date",
    "resolve",
]

# The rules reckon up to a year (and some weeks) either way from the publication date ("next year",
# "last month", a visit's 30-day window): one year of room at each end of ``datetime.date``.
PUBLISHED_MIN = dt.date(2, 1, 1)
PUBLISHED_MAX = dt.date(9998, 12, 31)

# A calendar date, optionally followed by an ISO time ("T10:00:00Z", " 10:00+02:00").
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?=$|[T ])")


def parse_iso_date(text: str) -> dt.date | None:
    """The day of an ISO 8601 extended date or datetime ("2022-12-06", "2022-12-06T10:00:00Z"), else None.

    Stricter than ``date.fromisoformat``, which also takes the basic ("20221206") and week
    ("2022-W49-2") forms: those, and a date with anything but a time after it ("2022-12-06garbage"),
    are too easily a different value mistyped to be read silently.
    """
    text = text.strip()
    if not _ISO_DAY.match(text):
        return None
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        return None


def check_published(day: dt.date, value: object = None) -> dt.date:
    """``day`` when relative dates can be reckoned from it; ``ValueError`` [E035] otherwise."""
    if PUBLISHED_MIN <= day <= PUBLISHED_MAX:
        return day
    from visitextract.errors import Errors

    raise ValueError(
        Errors.E035.format(
            value=value if value is not None else day.isoformat(),
            low=PUBLISHED_MIN.isoformat(),
            high=PUBLISHED_MAX.isoformat(),
        )
    )


# The longest candidate the finder hands over is ~12 tokens; anything much longer is not one date.
_MAX_TEXT = 120

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
# Abbreviated weekdays are read only with their full stop ("Wed.", not "Wed"), since "Sun", "Sat" and
# "Wed" are also ordinary words.
_WEEKDAY_ABBR: dict[str, int] = {
    "mon.": 0, "tue.": 1, "tues.": 1, "wed.": 2, "thu.": 3, "thur.": 3, "thurs.": 3, "fri.": 4,
    "sat.": 5, "sun.": 6,
}  # fmt: skip
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})
_DEICTIC = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_REL_WORDS: dict[str, Rel] = {
    "this": "this",
    "next": "next",
    "last": "last",
    "past": "last",
    "coming": "coming",
}
_MONTH_QUALIFIERS = frozenset({"early", "mid", "late"})
_RANGE_SEPARATORS = frozenset({"-", "–", "—", "to", "through", "thru", "till", "until", "and"})
_OPEN_END = frozenset({"until", "till", "til", "through", "thru"})
_DROPPED = frozenset({",", ".", "the", "of"})
_LEADING_DROPPED = frozenset({"on", "in", "at", "during", "by", "for", "over"})
_REL_SHIFT: dict[Rel | None, int] = {"this": 0, None: 0, "next": 1, "coming": 1, "last": -1}
# Days told from another day of the story: "the next day", "the previous evening", "that same day",
# "two days later", "the day after". The step is in days from that day.
_ANCHOR_STEPS = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "same": 0, "that": 0}
_DAY_WORDS = frozenset({"day", *_PARTS_OF_DAY})
_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_LATER = {"later": 1, "earlier": -1}

# One token per match: an ISO date, a number with an optional ordinal suffix, a word with an optional
# full stop, a dash, or any other single character. Alternatives are disjoint at their first
# character class and none has a nested quantifier, so the scan is linear.
_TOKEN_RE = re.compile(r"\d{4}-\d{2}-\d{2}|\d+(?:st|nd|rd|th)?|[^\W\d_]+\.?|[–—-]|\S")
_ORDINAL_RE = re.compile(r"(\d{1,2})(?:st|nd|rd|th)")


@dataclass(frozen=True, slots=True)
class DatePoint:
    """One end of a date expression, before resolution.

    Which fields are set says what the text gave: ``day``+``month`` for "December 5", ``month`` for
    "in May", ``weekday`` for "on Tuesday", ``offset`` for "yesterday", ``rel`` for "next week" /
    "last July" / "this Wednesday", ``year_offset`` for "June last year". ``unit`` is the granularity
    of the point; "weekend" becomes a Saturday–Sunday day range when resolved. ``anchored`` marks a
    point told from another day of the story, not from the day of writing ("the next day", "two
    days later", "the same evening", "the following Monday"): its ``offset`` or ``weekday`` counts
    from that day, which only the document knows (``resolve(..., anchor=...)``).
    """

    unit: Unit
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    rel: Rel | None = None
    offset: int | None = None
    year_offset: int | None = None
    qualifier: str | None = None  # "early", "mid", "late", "earlier", "later", "evening", ...
    anchored: bool = False

    @property
    def is_calendar_day(self) -> bool:
        """A day of a month ("December 5"), as opposed to a weekday or a deictic day."""
        return self.day is not None

    @property
    def is_plain_weekday(self) -> bool:
        return self.weekday is not None and self.day is None and self.offset is None


@dataclass(frozen=True, slots=True)
class DateExpr:
    """A parsed, unresolved date expression.

    ``start == end`` for a single point; both set and different for a range ("December 5-7");
    ``start=None`` for an open range that gives only its end ("until March 25"); ``end=None`` for one
    that gives only its start ("since Monday"). ``text`` is the text that was parsed.
    """

    start: DatePoint | None
    end: DatePoint | None
    text: str = ""

    @property
    def is_range(self) -> bool:
        return self.start is not None and self.end is not None and self.start != self.end

    @property
    def is_open(self) -> bool:
        return self.start is None or self.end is None

    @property
    def has_explicit_year(self) -> bool:
        """True when the text itself names every year needed (no reference date required)."""
        points = [p for p in (self.start, self.end) if p is not None]
        return all(p.year is not None for p in points)

    @property
    def is_anchored(self) -> bool:
        """Told from another day of the story ("the next day"), not from the day of writing."""
        return any(p is not None and p.anchored for p in (self.start, self.end))

    @property
    def is_weekday_only(self) -> bool:
        """A bare weekday ("on Tuesday", not "next Tuesday"): its week comes from the context."""
        points = [p for p in (self.start, self.end) if p is not None]
        return bool(points) and all(p.is_plain_weekday and p.rel is None for p in points)

    @property
    def granularity(self) -> Granularity:
        points = [p for p in (self.start, self.end) if p is not None]
        units = {_granularity(p.unit) for p in points}
        return units.pop() if len(units) == 1 else "day"


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str  # "M" month, "W" weekday, "D" day number, "Y" year, "N" other number, "ISO", "w" word
    num: int = 0
    word: str = ""
    iso: dt.date | None = None
    ordinal: bool = False  # written "14th": a day of the month on its own


def _granularity(unit: Unit) -> Granularity:
    return "day" if unit == "weekend" else unit


def _days_in_month(year: int | None, month: int) -> int:
    # Without a year, February 29 is possible (2000 was a leap year).
    return calendar.monthrange(2000 if year is None else year, month)[1]


def _valid_day(year: int | None, month: int | None, day: int | None) -> bool:
    if month is None or day is None:
        return True
    return 1 <= day <= _days_in_month(year, month)


def _tokenize(text: str) -> list[_Tok] | None:
    toks: list[_Tok] = []
    for m in _TOKEN_RE.finditer(text):
        raw = m.group()
        low = raw.lower()
        first = raw[0]
        if first.isdigit():
            if len(raw) == 10 and raw[4] == "-":
                try:
                    toks.append(_Tok("ISO", iso=dt.date.fromisoformat(raw)))
                except ValueError:
                    return None
                continue
            ordinal = _ORDINAL_RE.fullmatch(low)
            if ordinal is not None:
                n = int(ordinal.group(1))
                if not 1 <= n <= 31:
                    return None
                toks.append(_Tok("D", num=n, ordinal=True))
                continue
            if not raw.isdigit():
                return None  # "12th" with three digits, "5st", ...
            n = int(raw)
            if len(raw) == 4 and 1900 <= n <= 2099:
                toks.append(_Tok("Y", num=n))
            elif len(raw) <= 2 and 1 <= n <= 31:
                toks.append(_Tok("D", num=n))
            else:
                toks.append(_Tok("N", num=n))
            continue
        if low in _WEEKDAY_ABBR:
            toks.append(_Tok("W", num=_WEEKDAY_ABBR[low]))
            continue
        bare = low[:-1] if low.endswith(".") else low
        if bare in MONTHS:
            toks.append(_Tok("M", num=MONTHS[bare]))
        elif bare in WEEKDAYS:
            toks.append(_Tok("W", num=WEEKDAYS[bare]))
        elif bare not in _DROPPED and low not in _DROPPED:
            toks.append(_Tok("w", word=bare if bare else low))
    return toks


_YEAR_OFFSETS = {"last": -1, "this": 0, "next": 1}


def _in_year(p: DatePoint | None, shift: int) -> DatePoint | None:
    """A day or month point placed in the year ``shift`` years from the reference's."""
    if p is None or p.year is not None or p.year_offset is not None or p.month is None:
        return p
    return dataclasses.replace(p, year_offset=shift)


def _normalize(toks: list[_Tok]) -> list[_Tok]:
    """Merge "mid" "-" into "mid" and "this coming" into "coming"; drop leading "on"/"in"/..."""
    out: list[_Tok] = []
    for tok in toks:
        if tok.kind == "w" and tok.word in ("-", "–") and out and out[-1].word == "mid":
            continue
        if tok.kind == "w" and tok.word == "coming" and out and out[-1].word == "this":
            out[-1] = tok
            continue
        out.append(tok)
    while out and out[0].kind == "w" and out[0].word in _LEADING_DROPPED:
        out.pop(0)
    return out


def _sig(toks: list[_Tok]) -> tuple[str, ...]:
    return tuple(t.word if t.kind == "w" else t.kind for t in toks)


def _day(
    month: int | None, day: int, year: int | None = None, weekday: int | None = None
) -> DatePoint | None:
    if not _valid_day(year, month, day):
        return None
    return DatePoint("day", year=year, month=month, day=day, weekday=weekday)


def _point(toks: list[_Tok], *, fragment: bool = False) -> DatePoint | None:
    """Read one point from a token list; ``fragment`` admits the halves of ranges ("5" in "5-7 May")."""
    sig = _sig(toks)
    n = [t.num for t in toks]
    match sig:
        case ("ISO",):
            iso = toks[0].iso
            assert iso is not None
            return DatePoint("day", year=iso.year, month=iso.month, day=iso.day)
        case ("M", "D"):
            return _day(n[0], n[1])
        case ("D", "M"):
            return _day(n[1], n[0])
        case ("M", "D", "Y"):
            return _day(n[0], n[1], n[2])
        case ("D", "M", "Y"):
            return _day(n[1], n[0], n[2])
        case ("W", "M", "D") | ("W", "M", "D", "Y") | ("W", "D", "M") | ("W", "D", "M", "Y"):
            inner = _point(toks[1:])
            return None if inner is None else replace(inner, weekday=n[0])
        case ("M",):
            return DatePoint("month", month=n[0])
        case ("M", "Y"):
            return DatePoint("month", month=n[0], year=n[1])
        case (q, "M") if q in _MONTH_QUALIFIERS:
            return DatePoint("month", month=n[1], qualifier=q)
        case (q, "M", "Y") if q in _MONTH_QUALIFIERS:
            return DatePoint("month", month=n[1], year=n[2], qualifier=q)
        case (r, "M") if r in _REL_WORDS:
            return DatePoint("month", month=n[1], rel=_REL_WORDS[r])
        case ("M", r, "year") if r in ("last", "next", "this"):
            return DatePoint("month", month=n[0], year_offset=_REL_SHIFT[_REL_WORDS[r]])
        case ("Y",):
            return DatePoint("year", year=n[0])
        case (r, "week" | "weekend" | "month" | "year") if r in _REL_WORDS:
            return DatePoint(_unit(sig[1]), rel=_REL_WORDS[r])
        case ("earlier" | "later", "this", "week" | "weekend" | "month" | "year"):
            return DatePoint(_unit(sig[2]), rel="this", qualifier=sig[0])
        case ("weekend",):
            return DatePoint("weekend")
        case ("W",):
            return DatePoint("day", weekday=n[0])
        case ("W", part) if part in _PARTS_OF_DAY:
            return DatePoint("day", weekday=n[0], qualifier=part)
        case (r, "W") if r in _REL_WORDS:
            return DatePoint("day", weekday=n[1], rel=_REL_WORDS[r])
        case (r, "W", part) if r in _REL_WORDS and part in _PARTS_OF_DAY:
            return DatePoint("day", weekday=n[1], rel=_REL_WORDS[r], qualifier=part)
        case (word,) if word in _DEICTIC:
            return DatePoint("day", offset=_DEICTIC[word], qualifier="night" if word == "tonight" else None)
        case (word, part) if word in _DEICTIC and part in _PARTS_OF_DAY and word != "tonight":
            return DatePoint("day", offset=_DEICTIC[word], qualifier=part)
        case ("last", "night"):
            return DatePoint("day", offset=-1, qualifier="night")
        case ("earlier" | "later", "in", "day"):  # ("the" is dropped)
            return DatePoint("day", offset=0)
        case ("this", part) if part in _PARTS_OF_DAY:
            return DatePoint("day", offset=0, qualifier=part)
        case ("day", "before", "yesterday"):
            return DatePoint("day", offset=-2)
        case ("day", "after", "tomorrow"):
            return DatePoint("day", offset=2)
        case (step, unit) if step in _ANCHOR_STEPS and unit in _DAY_WORDS:
            return _anchored(_ANCHOR_STEPS[step], unit)
        case ("that", "same", unit) | ("earlier" | "later", "that", unit) if unit in _DAY_WORDS:
            return _anchored(0, unit)
        case (count, "day" | "days", later) if later in _LATER and (count in _COUNT_WORDS or count == "D"):
            days = _COUNT_WORDS[count] if count in _COUNT_WORDS else n[0]
            return _anchored(days * _LATER[later], "day")
        case ("day", "after" | "before"):
            return _anchored(1 if sig[1] == "after" else -1, "day")
        case ("following", "W"):
            return DatePoint("day", weekday=n[1], rel="coming", anchored=True)
        case (part, *_) if part in _PERIOD_PARTS and len(toks) > 1:
            return _part_of(toks[1:])
        case (nth, "week" | "weeks" | "half" | "fortnight", *_) if nth in _PERIOD_ORDINALS and len(toks) > 2:
            return _part_of(toks[2:])
        case ("D",) if fragment or toks[0].ordinal:
            # "on the 14th": a day of the month the story is told in (resolve takes the month)
            return DatePoint("day", day=n[0])
        case ("D", "Y") if fragment:
            return DatePoint("day", day=n[0], year=n[1])
    return None


def _anchored(days: int, unit: str) -> DatePoint:
    return DatePoint("day", offset=days, anchored=True, qualifier=unit if unit in _PARTS_OF_DAY else None)


# "the end of November", "the first week of March", "early next year", "the second half of 2026": a
# part of a month or a year is known to that month or year (the devset writes it 'YYYY-MM' or 'YYYY')
_PERIOD_PARTS = frozenset({"start", "beginning", "end", "middle", "close", "turn", "early", "late", "mid"})
_PERIOD_ORDINALS = frozenset({"first", "second", "third", "fourth", "last", "final"})


def _part_of(rest: list[_Tok]) -> DatePoint | None:
    """The month or year that a part-of-period phrase is part of; None for a day or a week."""
    if _sig(rest) == ("year",):
        return DatePoint("year", rel="this")  # "the end of the year"
    inner = _point(rest)
    if inner is None or inner.unit not in {"month", "year"} or inner.qualifier is not None:
        return None
    return inner


def _unit(word: str) -> Unit:
    units: dict[str, Unit] = {"week": "week", "weekend": "weekend", "month": "month", "year": "year"}
    return units[word]


def _fill_years(a: DatePoint, b: DatePoint) -> tuple[DatePoint, DatePoint]:
    """Give both ends a year when one has it: "November 30 to December 2, 2023"."""
    # Only a change of month can wrap into another year; "6-5 December 2022" stays invalid.
    wraps = a.month != b.month and (a.month or 0, a.day or 0) > (b.month or 0, b.day or 0)
    if a.year is None and b.year is not None:
        a = replace(a, year=b.year - 1 if wraps else b.year)
    elif b.year is None and a.year is not None:
        b = replace(b, year=a.year + 1 if wraps else a.year)
    return a, b


def _range(a: DatePoint, b: DatePoint) -> tuple[DatePoint, DatePoint] | None:
    """Complete and check the two ends of a range; None when they do not make one."""
    if a.is_calendar_day and b.is_calendar_day:
        if a.month is None:
            a = replace(a, month=b.month)
        if b.month is None:
            b = replace(b, month=a.month)
        if a.month is None or b.month is None:
            return None  # "5 to 7" with no month at all
        a, b = _fill_years(a, b)
        if not (_valid_day(a.year, a.month, a.day) and _valid_day(b.year, b.month, b.day)):
            return None
        if a.year is not None and b.year is not None:
            if (a.year, a.month, a.day or 0) > (b.year, b.month, b.day or 0):
                return None
        elif a.month == b.month and (a.day or 0) > (b.day or 0):
            return None  # "7-5 December"; "December 30 to January 2" wraps and is fine
        return a, b
    if (a.day is not None and a.month is None) or (b.day is not None and b.month is None):
        return None  # a bare day number on one side needs a calendar date on the other
    if a.unit == "month" and b.unit == "month":
        if a.month is None or b.month is None or a.rel or b.rel or a.year_offset or b.year_offset:
            return None
        a, b = _fill_years(a, b)
        if a.year is not None and b.year is not None and (a.year, a.month) > (b.year, b.month):
            return None
        return a, b
    if a.unit == "year" and b.unit == "year":
        if a.year is None or b.year is None or a.year > b.year:
            return None
        return a, b
    if a.unit == "day" and b.unit == "day":
        return a, b  # weekdays, deictic days, or a mix with a calendar day: resolved end by end
    return None


def parse_date_expression(text: str) -> DateExpr | None:
    """Parse the text of a candidate span; None when it is not a date expression we can read.

    Never raises on bad input: invalid days ("February 30"), times ("11:29 IST"), ambiguous numeric
    dates ("06/12/2022") and unknown words all give None.
    """
    if not text or len(text) > _MAX_TEXT:
        return None
    return _parse_cached(text)


@lru_cache(maxsize=8192)
def _parse_cached(text: str) -> DateExpr | None:
    raw = _tokenize(text)
    if raw is None:
        return None
    toks = _normalize(raw)
    if not toks:
        return None
    sig = _sig(toks)
    if len(toks) > 3 and sig[-1] == "year" and sig[-2] in _YEAR_OFFSETS and "Y" not in sig:
        # "from July 30 to August 1 last year", "on 5 June next year": every end in that year
        inner = _parse_cached(text[: text.lower().rindex(sig[-2])].strip())
        if inner is None:
            return None
        shift = _YEAR_OFFSETS[sig[-2]]
        return DateExpr(_in_year(inner.start, shift), _in_year(inner.end, shift), text)
    mode: str | None = None
    if toks[0].kind == "w" and toks[0].word in ("from", "between", "since", *_OPEN_END):
        mode = "until" if toks[0].word in _OPEN_END else toks[0].word
        toks = toks[1:]
    seps = [i for i, t in enumerate(toks) if t.kind == "w" and t.word in _RANGE_SEPARATORS]
    if not seps:
        point = _point(toks)
        if point is None or mode == "between":
            return None
        if mode == "until":
            return DateExpr(None, point, text)
        if mode in ("since", "from"):
            return DateExpr(point, None, text)
        return DateExpr(point, point, text)
    if len(seps) > 1 or mode in ("until", "since"):
        return None
    i = seps[0]
    left = _point(toks[:i], fragment=True)
    right = _point(toks[i + 1 :], fragment=True)
    if left is None or right is None:
        return None
    ends = _range(left, right)
    if ends is None:
        return None
    return DateExpr(ends[0], ends[1], text)


# --------------------------------------------------------------------------------------------------
# Resolution


@dataclass(frozen=True, slots=True)
class _Interval:
    first: dt.date
    last: dt.date
    unit: Granularity
    inferred: bool


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _month_interval(year: int, month: int, inferred: bool) -> _Interval:
    return _Interval(
        dt.date(year, month, 1), dt.date(year, month, _days_in_month(year, month)), "month", inferred
    )


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


_WINDOW = dt.timedelta(days=30)
_FAR = dt.timedelta(days=243)  # ~8 months


def _nearest_day_of_month(day: int, ref: dt.date, tense: Tense | None) -> dt.date:
    """ "on the 14th": that day of the reference month, or of the next month when told as ahead and
    already past (or of the month before when told as past and not yet come)."""
    year, month = ref.year, ref.month
    if tense == "future" and day < ref.day:
        year, month = _shift_month(year, month, 1)
    elif tense == "past" and day > ref.day:
        year, month = _shift_month(year, month, -1)
    if day > _days_in_month(year, month):
        raise ValueError("no such day in that month")
    return dt.date(year, month, day)


def _infer_year(month: int, day: int | None, ref: dt.date, tense: Tense | None) -> int:
    """The year of a month (and day) written without one.

    The reference year, except: a future event more than ~30 days before the reference date is next
    year's ("in January ... will", written in December); a past one more than ~30 days after it is last
    year's. Without a tense the reference year stands unless its date is over ~8 months away, when the
    neighbouring year's is much nearer ("January 3" in an article of December 28 is next January).
    """
    year = ref.year
    last_day = _days_in_month(year, month)
    first = dt.date(year, month, min(day or 1, last_day))
    last = dt.date(year, month, min(day or last_day, last_day))
    if tense == "future":
        if last < ref - _WINDOW:
            year += 1
    elif tense == "past":
        if first > ref + _WINDOW:
            year -= 1
    elif first - ref > _FAR:
        year -= 1
    elif ref - last > _FAR:
        year += 1
    return year


def _resolve_weekday(ref: dt.date, weekday: int, rel: Rel | None, tense: Tense | None) -> dt.date:
    back = (ref.weekday() - weekday) % 7  # days since the weekday, 0 when ref is that weekday
    fwd = (weekday - ref.weekday()) % 7  # days until it
    if rel == "this":
        return _monday(ref) + dt.timedelta(days=weekday)
    if rel == "next":
        return _monday(ref) + dt.timedelta(days=7 + weekday)
    if rel == "last":
        return ref - dt.timedelta(days=back or 7)
    if rel == "coming":
        return ref + dt.timedelta(days=fwd or 7)
    if tense == "past":
        return ref - dt.timedelta(days=back)
    if tense == "future":
        return ref + dt.timedelta(days=fwd)
    # Present or unknown: the nearest within ±3 days (back + fwd == 7, so there is never a tie).
    return ref - dt.timedelta(days=back) if back <= 3 else ref + dt.timedelta(days=fwd)


def _resolve_weekend(ref: dt.date, rel: Rel | None, tense: Tense | None) -> _Interval:
    if rel is None:
        in_weekend = ref.weekday() >= 5
        if tense == "past":
            shift = 0 if in_weekend else -1
        elif tense == "future":
            shift = 0
        else:
            shift = 0 if ref.weekday() >= 3 else -1
    else:
        shift = _REL_SHIFT[rel]
    saturday = _monday(ref) + dt.timedelta(days=7 * shift + 5)
    return _Interval(saturday, saturday + dt.timedelta(days=1), "day", True)


def _resolve_point(p: DatePoint, ref: dt.date, tense: Tense | None) -> _Interval:
    """Resolve one point against the reference date; ValueError when no real day results.

    "later this year" is the rest of the year after ``ref``, "earlier this month" its part before."""
    iv = _resolve_unqualified(p, ref, tense)
    if p.rel == "this" and p.unit in {"week", "month", "year"} and iv.first < ref < iv.last:
        if p.qualifier == "later":
            return _Interval(ref + dt.timedelta(days=1), iv.last, iv.unit, iv.inferred)
        if p.qualifier == "earlier":
            return _Interval(iv.first, ref - dt.timedelta(days=1), iv.unit, iv.inferred)
    return iv


def _resolve_unqualified(p: DatePoint, ref: dt.date, tense: Tense | None) -> _Interval:
    if p.unit == "day":
        if p.offset is not None:
            day = ref + dt.timedelta(days=p.offset)
            return _Interval(day, day, "day", True)
        if p.day is None:
            if p.weekday is None:
                raise ValueError("a day point needs a day, a weekday or an offset")
            day = _resolve_weekday(ref, p.weekday, p.rel, tense)
            return _Interval(day, day, "day", True)
        if p.month is None:
            day = _nearest_day_of_month(p.day, ref, tense)
            return _Interval(day, day, "day", True)
        if p.year is not None:
            year = p.year
        elif p.year_offset is not None:
            year = ref.year + p.year_offset  # "on July 30 last year"
        else:
            year = _infer_year(p.month, p.day, ref, tense)
        day = dt.date(year, p.month, p.day)
        return _Interval(day, day, "day", p.year is None)
    if p.unit == "week":
        monday = _monday(ref) + dt.timedelta(days=7 * _REL_SHIFT[p.rel])
        return _Interval(monday, monday + dt.timedelta(days=6), "week", True)
    if p.unit == "weekend":
        return _resolve_weekend(ref, p.rel, tense)
    if p.unit == "month":
        if p.month is None:
            year, month = _shift_month(ref.year, ref.month, _REL_SHIFT[p.rel])
            return _month_interval(year, month, True)
        if p.year is not None:
            return _month_interval(p.year, p.month, False)
        if p.year_offset is not None:
            return _month_interval(ref.year + p.year_offset, p.month, True)
        if p.rel == "last":
            # The most recent such month before the reference month: "last July" written in December
            # 2022 is July 2022, written in March 2023 it is July 2022 too.
            return _month_interval(ref.year if p.month < ref.month else ref.year - 1, p.month, True)
        if p.rel in ("next", "coming"):
            return _month_interval(ref.year if p.month > ref.month else ref.year + 1, p.month, True)
        if p.rel == "this":
            return _month_interval(ref.year, p.month, True)
        return _month_interval(_infer_year(p.month, None, ref, tense), p.month, True)
    # year
    if p.year is not None:
        return _Interval(dt.date(p.year, 1, 1), dt.date(p.year, 12, 31), "year", False)
    year = ref.year + _REL_SHIFT[p.rel]
    return _Interval(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", True)


def _resolve_range(
    a: DatePoint, b: DatePoint, ref: dt.date, tense: Tense | None
) -> tuple[_Interval, _Interval]:
    calendar_pair = (a.is_calendar_day and b.is_calendar_day) or (
        a.unit == b.unit == "month" and a.rel is None and a.year_offset is None and a.month is not None
    )
    if calendar_pair and a.year is None and b.year is None and a.month is not None and b.month is not None:
        # One inferred year for the whole range (or the one "last year" gives); the end rolls into
        # the next year when it wraps.
        if a.year_offset is not None:
            year = ref.year + a.year_offset
        else:
            year = _infer_year(a.month, a.day, ref, tense)
        wraps = (b.month, b.day or 0) < (a.month, a.day or 0)
        a_iv = _resolve_point(replace(a, year=year), ref, tense)
        b_iv = _resolve_point(replace(b, year=year + 1 if wraps else year), ref, tense)
        return replace(a_iv, inferred=True), replace(b_iv, inferred=True)
    if b.is_plain_weekday and a.unit == "day":
        # The end weekday is the first one after the start: "from next Monday to Saturday".
        assert b.weekday is not None
        a_iv = _resolve_point(a, ref, tense)
        day = a_iv.last + dt.timedelta(days=(b.weekday - a_iv.last.weekday()) % 7 or 7)
        return a_iv, _Interval(day, day, "day", True)
    b_iv = _resolve_point(b, ref, tense)
    if a.is_plain_weekday and b.unit == "day":
        # The start weekday is the last one before the end: "from Monday to December 9".
        assert a.weekday is not None
        day = b_iv.first - dt.timedelta(days=(b_iv.first.weekday() - a.weekday) % 7 or 7)
        return _Interval(day, day, "day", True), b_iv
    a_iv = _resolve_point(a, ref, tense)
    if b_iv.last < a_iv.first and b.year is None and b.month is not None and b.offset is None:
        b_iv = _resolve_point(replace(b, year=b_iv.last.year + 1), ref, tense)
        b_iv = replace(b_iv, inferred=True)
    if b_iv.last < a_iv.first:
        raise ValueError("the range ends before it starts")
    return a_iv, b_iv


def _partial_day(p: DatePoint) -> str | None:
    if p.month is None:
        return None
    return f"--{p.month:02d}-{p.day:02d}" if p.day is not None else f"--{p.month:02d}"


def _unanchored(expr: DateExpr, text: str, span: Span | None) -> DateRange:
    """What can be said without a reference date: full dates only when the text gives the year."""
    start: str | None = None
    end: str | None = None
    start_partial: str | None = None
    end_partial: str | None = None
    weekday: str | None = None
    for which, p in (("start", expr.start), ("end", expr.end)):
        if p is None:
            continue
        full: _Interval | None = None
        if p.year is not None and p.offset is None and p.rel is None:
            # Any reference date gives the same answer when the text names the year.
            try:
                full = _resolve_point(p, dt.date(p.year, 1, 1), None)
            except (ValueError, OverflowError):
                full = None
        if full is not None:
            if which == "start":
                start = full.first.isoformat()
            else:
                end = full.last.isoformat()
            continue
        partial = _partial_day(p) if p.unit in ("day", "month") else None
        if which == "start":
            start_partial = partial
        else:
            end_partial = partial
        if p.weekday is not None and weekday is None:
            weekday = WEEKDAY_NAMES[p.weekday]
    return DateRange(
        start=start,
        end=end,
        granularity=expr.granularity,
        year_inferred=False,
        text=text,
        start_partial=start_partial,
        end_partial=end_partial,
        weekday=weekday,
        span=span,
    )


def resolve(
    expr: DateExpr,
    published: dt.date | None,
    tense: Tense | None = None,
    *,
    text: str = "",
    span: Span | None = None,
    anchor: dt.date | None = None,
) -> DateRange:
    """Resolve ``expr`` against the publication date into a :class:`DateRange`.

    Conventions (news usage; ``published`` is the reference date):

    * Missing year: the reference year (``year_inferred=True``), moved to the next year for a future
      event that would fall more than ~30 days before ``published``, to the previous year for a past
      one more than ~30 days after it, and, without a tense, to the neighbouring year when the
      reference year's date is over ~8 months away.
    * "on Tuesday": past → the latest Tuesday on or before ``published``; future → the first on or
      after it; present/None → the nearest within ±3 days. ``published``'s own weekday is
      ``published``. "this Wednesday" → the Wednesday of ``published``'s Monday–Sunday week; "next
      Monday" → the Monday of the following week; "last Friday" → the latest Friday strictly before
      ``published``; "(this) coming Friday" → the first Friday strictly after it. A weekday range
      ends on the first end weekday after its start ("from next Monday to Saturday").
    * Open ranges without a past/future tense read "since X" as past and "until X" as future.
    * "last July" → the latest July before ``published``'s month; "next July" the first after it;
      "June last year" → June of the previous year.
    * Weeks run Monday–Sunday; months and years run from their first to their last day.

    Without ``published`` no year is invented: what the text gives is kept in ``start_partial`` /
    ``end_partial`` ("--12-05", "--05") and ``weekday``; a text with its year resolves fully.

    An anchored expression ("the next day", "two days later", "the following Monday") counts from
    ``anchor``, the day of the story it follows, which the caller finds; without one it gives no day.
    """
    label = text or expr.text
    if expr.is_anchored:
        published = anchor
    if isinstance(published, dt.datetime):
        published = published.date()
    if published is None:
        return _unanchored(expr, label, span)
    start, end = expr.start, expr.end
    effective = tense
    if tense not in ("past", "future"):
        if start is not None and end is None and not (expr.text or "").lower().startswith("from"):
            effective = "past"  # "since Monday" looks back; "from Monday" does not
        elif start is None and end is not None:
            effective = "future"
    try:
        if start is not None and end is not None:
            if start == end:
                a_iv = b_iv = _resolve_point(start, published, effective)
            else:
                a_iv, b_iv = _resolve_range(start, end, published, effective)
        elif start is not None:
            a_iv, b_iv = _resolve_point(start, published, effective), None
        elif end is not None:
            a_iv, b_iv = None, _resolve_point(end, published, effective)
        else:
            return _unanchored(expr, label, span)
    except (ValueError, OverflowError):
        # February 29 in an inferred non-leap year, a mixed range that resolves backwards ("today to
        # last Friday"), or a date pushed off the calendar ("next year" in 9999): keep what the text
        # says rather than invent dates.
        return _unanchored(expr, label, span)
    units = {iv.unit for iv in (a_iv, b_iv) if iv is not None}
    return DateRange(
        start=a_iv.first.isoformat() if a_iv is not None else None,
        end=b_iv.last.isoformat() if b_iv is not None else None,
        granularity=units.pop() if len(units) == 1 else "day",
        year_inferred=any(iv.inferred for iv in (a_iv, b_iv) if iv is not None),
        text=label,
        span=span,
    )
