"""Typed records: the output contract (../shared/contract.md), as pydantic models.

Field names and meanings in the contract are frozen; fields marked "extra" are additions that the
contract allows. ``Extraction.model_dump(mode="json")`` gives the documented JSON.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

PlaceKind = Literal["country", "city", "region", "site", "bloc"]
MentionKind = Literal["country", "city", "region", "site", "bloc", "person", "organization"]
Granularity = Literal["day", "week", "month", "year"]
VisitStatus = Literal["planned", "ongoing", "completed", "cancelled"]
MeetingStatus = Literal["held", "planned", "cancelled"]
MeetingMode = Literal["in_person", "phone", "video"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Span(_Record):
    """A piece of the input: ``text == input[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        return self


class Person(_Record):
    type: Literal["person"] = "person"  # extra: tells a Person speaker from an Organization
    id: str
    name: str
    office: str | None = None
    country: str | None = None
    mentions: list[Span] = Field(default_factory=list)
    title: str | None = None  # extra: the office as written ("External Affairs Minister")
    office_category: str | None = None  # extra: taxonomy key ("foreign_minister")
    named: bool = True  # extra: False for "a French minister" (a role without a name)
    country_source: str | None = None  # extra: how the country was found ("demonym", "leaders table", ...)


class Organization(_Record):
    type: Literal["organization"] = "organization"  # extra
    id: str
    name: str
    country: str | None = None
    mentions: list[Span] = Field(default_factory=list)


Speaker = Annotated[Person | Organization, Field(discriminator="type")]


class Place(_Record):
    id: str
    name: str
    kind: PlaceKind
    country: str | None = None


class DateRange(_Record):
    start: str | None = None  # YYYY-MM-DD
    end: str | None = None  # YYYY-MM-DD; equal to start for a single day
    granularity: Granularity | None = None
    year_inferred: bool = False
    text: str
    # extra: what is known when no year can be given ("--12-05", "--12"): ISO 8601 reduced forms
    start_partial: str | None = None
    end_partial: str | None = None
    weekday: str | None = None  # extra: "Tuesday" when only a weekday is known
    span: Span | None = None  # extra: where the date expression stands in the input


class Visit(_Record):
    visitor: Person
    visitor_country: str | None = None
    host_country: str | None = None
    places: list[Place] = Field(default_factory=list)
    dates: DateRange | None = None
    status: VisitStatus
    evidence: list[Span] = Field(default_factory=list)
    confidence: float = Field(ge=0.0, le=1.0)
    rule: str
    explanation: list[str] = Field(default_factory=list)  # extra: why each field has its value


class Meeting(_Record):
    participants: list[Person] = Field(min_length=2)
    date: DateRange | None = None
    place: Place | None = None
    status: MeetingStatus
    mode: MeetingMode = "in_person"
    evidence: list[Span] = Field(default_factory=list)
    confidence: float = Field(ge=0.0, le=1.0)
    rule: str
    explanation: list[str] = Field(default_factory=list)  # extra


class Statement(_Record):
    speaker: Speaker
    quote: str
    direct: bool
    date: DateRange | None = None
    evidence: list[Span] = Field(default_factory=list)
    confidence: float = Field(ge=0.0, le=1.0)
    rule: str
    quote_span: Span | None = None  # extra: offsets of ``quote`` in the input


class Mention(_Record):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    entity_id: str
    kind: MentionKind
    country: str | None = None
    name: str | None = None  # extra: canonical name of the entity ("Kazakhstan")
    alias_type: str | None = None  # extra: "demonym", "capital", "seat", "former", ...


class ExtractionError(_Record):
    """Why an item of ``Extractor.pipe`` gave no records (extra): the stream goes on without it."""

    code: str | None = None  # "E036": the numbered code the message starts with, when it has one
    message: str
    type: str  # the exception class ("ValueError", "TypeError", ...)


class Extraction(_Record):
    doc_id: str | None = None
    published: str | None = None  # YYYY-MM-DD
    people: list[Person] = Field(default_factory=list)
    visits: list[Visit] = Field(default_factory=list)
    meetings: list[Meeting] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)  # extra
    # extra: the relevance gate found nothing an official did, so no records were looked for;
    # mentions and named people are still resolved
    gated: bool = False
    # extra: set (and every list empty) when Extractor.pipe could not extract this item
    error: ExtractionError | None = None
    _exception: BaseException | None = PrivateAttr(default=None)

    @property
    def is_empty(self) -> bool:
        return not (self.people or self.visits or self.meetings or self.statements or self.mentions)
