"""How a predicted record is matched to a gold one (documented in docs/evaluation.md)."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from rapidfuzz import fuzz

_HONORIFICS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prince",
    "princess",
    "sheikh",
    "senator",
    "h.e",
    "he",
    "sir",
    "the",
    "president",
    "pope",
    "king",
    "queen",
}
_WORD = re.compile(r"[\w@]+", re.UNICODE)
_COUNTRY_FIXES = {"JAP": "JPN", "ITL": "ITA", "CH": "CHE", "UK": "GBR"}


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def name_tokens(name: str) -> list[str]:
    return [t for t in _WORD.findall(fold(name)) if t not in _HONORIFICS]


def same_person(a: str | None, b: str | None) -> bool:
    """Full name, a contiguous part of it, or a close transliteration ("Tokaev"/"Tokayev")."""
    if not a or not b:
        return False
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return fold(a).strip() == fold(b).strip()
    if ta == tb:
        return True
    short, long = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1)):
        return any(len(t) >= 3 for t in short)
    return fuzz.token_sort_ratio(" ".join(ta), " ".join(tb)) >= 90


def same_org(a: str | None, b: str | None) -> bool:
    """Institution names: fuzzy token-set match, or an acronym of the other's capitalised words."""
    if not a or not b:
        return False
    na = " ".join(_WORD.findall(fold(a).replace("’s", "").replace("'s", "")))
    nb = " ".join(_WORD.findall(fold(b).replace("’s", "").replace("'s", "")))
    na = re.sub(r"^the ", "", na)
    nb = re.sub(r"^the ", "", nb)
    if na == nb:
        return True
    if fuzz.token_set_ratio(na, nb) >= 85 and min(len(na), len(nb)) >= 4:
        return True
    return _acronym(a) == b.upper().replace(".", "") or _acronym(b) == a.upper().replace(".", "")


def _acronym(text: str) -> str:
    return "".join(w[0] for w in text.split() if w[:1].isupper())


def same_speaker(gold: str, pred_name: str, pred_is_person: bool) -> bool:
    if pred_is_person:
        return same_person(gold, pred_name)
    return same_org(gold, pred_name) or same_person(gold, pred_name)


def quote_match(gold: str, pred: str) -> bool:
    """The prediction covers most of the gold quote and is not mostly something else."""
    g = _WORD.findall(fold(gold))
    p = _WORD.findall(fold(pred))
    if not g or not p:
        return False
    gs, ps = set(g), set(p)
    inter = len(gs & ps)
    return inter / len(gs) >= 0.6 and inter / len(ps) >= 0.2


def country(code: str | None) -> str | None:
    if code is None:
        return None
    code = code.strip().upper()
    return _COUNTRY_FIXES.get(code, code)


def gold_notation(dates: Any) -> tuple[str | None, str | None]:
    """A predicted DateRange in the gold files' notation: a month-only date ("in May") is written
    'YYYY-MM' with no end there, a year-only date ("in 2021") null, while the DateRange spells them
    as the month's or year's first and last day with their granularity. A week without a day
    ("next week") is null there too: the gold writes null when neither a day nor a month is known
    (the devset README's "Dates"), while the DateRange keeps the week's days."""
    if dates is None:
        return None, None
    if dates.granularity == "week":
        return None, None
    if dates.granularity == "month" and dates.start and dates.start[:7] == (dates.end or dates.start)[:7]:
        return dates.start[:7], None
    if dates.granularity == "year":
        return None, None
    return dates.start, dates.end


def same_visit_dates(gold_start: str | None, gold_end: str | None, dates: Any) -> bool:
    """A predicted visit DateRange against the gold's start and end.

    The devset's annotators write a month-only visit as 'YYYY-MM' with the end either null or the
    same month, and a year-only visit ("his 2019 visit") as 'YYYY'..'YYYY' (the README's rule) or,
    in some files, null: each of these notations of the same knowledge is accepted.
    """
    if dates is not None and dates.granularity == "year" and dates.start:
        year = dates.start[:4]
        return (gold_start, gold_end) in {(year, year), (year, None), (None, None)}
    start, end = gold_notation(dates)
    if dates is not None and dates.granularity == "month" and start is not None and end is None:
        return same_date(gold_start, start) and gold_end in {None, start}
    return same_date(gold_start, start) and same_date(gold_end, end)


def same_date(gold: str | None, pred: str | None) -> bool:
    """Gold 'YYYY-MM' (month only) matches any day of that month; None matches None."""
    if gold is None or pred is None:
        return gold is None and pred is None
    if len(gold) == 7:
        return pred[:7] == gold
    return pred == gold
