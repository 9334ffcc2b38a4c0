"""Records before the last pass: they point at person clusters, whose countries may still change."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Span

from visitextract import models as m
from visitextract.rules.context import DateMention, PlaceMention
from visitextract.rules.people import PersonCluster

DateRole = Literal["full", "start", "end", "activity"]


@dataclass
class VisitCandidate:
    visitor: PersonCluster
    host: str | None
    places: list[PlaceMention]
    status: str
    rule: str
    confidence: float
    evidence: list[Span]
    dates: list[tuple[m.DateRange, DateRole]] = field(default_factory=list)
    strength: int = 1  # 2: a verb of travel; 1: a noun ("his visit"); 0: inferred
    origin: str | None = None
    explanation: list[str] = field(default_factory=list)
    region: PlaceMention | None = None  # "a trip to North Africa" when no country is named
    returning: bool = False  # "return to X": a trip home ends a visit instead of making one
    duration: int | None = None  # days, from "a three-day visit"
    trip_days: int | None = None  # days of the whole tour this leg belongs to ("a four-day tour")
    by_departure: bool = False  # its start is a day of departure for it ("will fly to X on Monday")
    tenses: set[str] = field(default_factory=set)  # of the clauses that mention it
    leg: tuple[int, int] | None = None  # (trigger, position) in an itinerary: "to Paris, Brussels and Warsaw"
    current: bool = False  # the text puts the visitor there now ("is in", "at the start of the tour")
    ended: bool = False  # the text says it is over ("has wrapped up a tour that took him to X")


@dataclass
class MeetingCandidate:
    participants: list[PersonCluster]
    status: str
    mode: str
    rule: str
    confidence: float
    evidence: list[Span]
    date: m.DateRange | None = None
    place: PlaceMention | None = None
    country: str | None = None  # the country the meeting is in, when named ("in Pakistan")
    place_inferred: bool = False
    explanation: list[str] = field(default_factory=list)
    trigger_i: int = 0
    attendees: list[PersonCluster] = field(default_factory=list)  # "attended by": the visitor's side
    date_mention: DateMention | None = None  # kept to re-read a weekday inside a visit's dates
    tense: str | None = None
    past: bool = False  # "their meeting at the recent conference"


@dataclass
class StatementCandidate:
    speaker_person: PersonCluster | None
    speaker_org: Span | None
    quote_start: int
    quote_end: int
    direct: bool
    rule: str
    confidence: float
    evidence: list[Span]
    date: m.DateRange | None = None
