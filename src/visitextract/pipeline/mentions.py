"""The mentions of a document the relevance gate turned away: places and people, no records.

The gate (``visitextract.gate``) says a document cannot hold a visit, meeting or statement by an
official, so no record is looked for in it. Its mentions are still wanted (analysts count countries
in all news), and they need less of the pipeline: the dependency parse serves only the rules, and
the dates only the records. A gated document therefore goes through every component but
:data:`SKIPPED` -- the tokenizer, tagger, NER and ``visitextract_entities`` give exactly the place
spans the full pipeline gives (tests/test_gated_mentions.py compares both on realistic texts and on
every gold set) -- and :func:`mentions_only` turns the Doc into an Extraction:

* ``mentions``: every place (country, city, region, site, bloc, body) as the full pipeline resolves
  it, and the mentions of the people below;
* ``people``: the named persons, one per name as the rules link names within a document ("Jonas
  Berger ... Berger"); offices and countries are resolved with the records, so not here;
* ``gated=True``: no records were looked for (``visits``, ``meetings``, ``statements`` stay empty).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from spacy.attrs import SENT_START

from visitextract import models as m
from visitextract.rules.assemble import _mentions
from visitextract.rules.context import DocContext
from visitextract.rules.people import PeopleResolver

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from visitextract.normalize.gazetteer import Gazetteer

# Components a gated document skips: what only the rules read. The tagger stays: the entity
# component reads fine-grained tags ("Israel Katz" is a name because "Katz" is NNP).
SKIPPED = ("parser", "visitextract_dates")


def mentions_only(
    doc: Doc, published: dt.date | None, doc_id: str | None, gazetteer: Gazetteer
) -> m.Extraction:
    """The Extraction of a gated document: its place and person mentions, ``gated=True``."""
    if len(doc) and not doc.has_annotation("SENT_START"):
        # nothing split the text into sentences (no parser ran); the context wants boundaries for
        # its dateline and quotations only, which decide no mention: one sentence. Set in one
        # array: ``Token.is_sent_start = False`` scans the whole Doc for a parse each time (quadratic)
        starts = doc.to_array([SENT_START]).astype("int64")
        starts[1:] = -1
        doc.from_array([SENT_START], starts.view("uint64"))  # type: ignore[arg-type]  # thinc Ints2d
    ctx = DocContext.build(doc, published, gazetteer)
    names = NamedPeople(ctx)
    persons: list[m.Person] = []
    ids: set[str] = set()
    for c in names.clusters:
        p = names.to_person(c)
        if p.id in ids:  # two people whose names fold to one slug, as in the full pipeline
            p = p.model_copy(update={"id": f"{p.id}-{c.key}"})
        ids.add(p.id)
        persons.append(p)
    return m.Extraction(
        doc_id=doc_id,
        published=published.isoformat() if published else None,
        people=persons,
        mentions=_mentions(ctx, persons, []),
        gated=True,
    )


class NamedPeople(PeopleResolver):
    """The rules' first pass only: names linked into persons. Titles, pronouns and offices read the
    parse, which a gated document does not get."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.clusters = []
        self.by_token = {}
        self.attached_offices = set()
        self._build_named()
