"""Mentions on every document: what the gate turns away still gets its places and people resolved.

The relevance gate decides that a document holds no record worth looking for; the document then goes
through the pipeline without the parser and the dates (``visitextract.pipeline.mentions``). The
cases below check that this cheaper path resolves the same places as the full pipeline, on ordinary
news written for this file and on every gold set, and that ``gated=True`` means "no records were
looked for", never "nothing was resolved".
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from visitextract import Extractor
from visitextract.evaluation.aliases import PLACE_KINDS, accuracy, read_cases, score
from visitextract.models import Extraction

DATA = Path(__file__).resolve().parent / "data"
ALIASES = read_cases(DATA / "aliases_in_context.tsv")
GOLD_SETS = {
    "devset": Path(__file__).resolve().parents[1].parent / "shared" / "devset" / "articles",
    "owndev": DATA / "owndev" / "articles",
    "heldout": DATA / "heldout" / "articles",
}

# Ordinary news, written for this file: no official at work, so the gate turns each away.
ORDINARY = {
    "sport": (
        "Jordan Henderson scored late as Harbour Athletic beat Rovers 2-1 in Glasgow on Saturday. "
        "The midfielder, back from a knee injury, struck from the edge of the box in the 88th "
        "minute. Chad Kelly, the visiting goalkeeper, got a hand to it but could not keep it out.\n\n"
        "Harbour Athletic now sit three points clear at the top of the table, with a trip to Cardiff "
        "next weekend. Henderson said the squad had shown character after a difficult month. The "
        "crowd of 41,200 was the largest of the season."
    ),
    "business": (
        "Shares in Nordvik Shipping fell 6 percent in Oslo after the company cut its profit "
        "forecast, blaming weaker demand for container freight between Asia and Europe. Chief "
        "executive Marte Lund said rates on the route had halved since January.\n\n"
        "The group, which also runs ferries in the Baltic, expects to return to growth next year "
        "once new vessels built in South Korea are delivered. Analysts at a Frankfurt bank said "
        "Chinese exports remained the main risk for the sector."
    ),
    "weather": (
        "Heavy rain moved across northern Italy on Tuesday, flooding streets in Milan and closing "
        "two motorways near the Swiss border. Forecasters expect the storm to reach Slovenia and "
        "Croatia by Thursday before it weakens over the Balkans.\n\n"
        "In Georgia, the weather service warned of landslides in mountain villages near Tbilisi. "
        "Farmers in the Po valley said the downpour came too late to save the maize harvest."
    ),
    "science": (
        "Researchers in Kenya and Brazil have mapped how quickly tropical forests recover after "
        "fires. The study followed 300 plots in the Amazon and around Mount Kenya for twelve years.\n\n"
        "Lead author Israel Mendoza, an ecologist in Sao Paulo, said the forests regained half "
        "their carbon within a decade. Teams from Japan and Norway helped to read the satellite "
        "images, and Icelandic volcanologists lent a drone."
    ),
    "culture": (
        "Georgia Clarke's second novel, set between Dublin and Atlanta, Georgia, has won this "
        "year's fiction prize. The judges praised its portrait of two Irish sisters who run a diner "
        "in the American South.\n\n"
        "Clarke, who grew up in Cork, said she wrote most of it on trains. The book will be "
        "translated into Spanish and Turkish next spring, and the producer Kenya Barris has bought "
        "the film rights."
    ),
    "cycling": (
        "Wildfires in New Mexico and Arizona forced the cancellation of a cycling race that was to "
        "finish in Santa Fe on Sunday. Organisers said riders from Colombia, Slovenia and Denmark "
        "had already arrived.\n\nThe race may move to Colorado in October, when the Tour of the "
        "Rockies ends in Denver."
    ),
    "markets": (
        "Tokyo stocks closed higher on Friday while Seoul slipped, as investors weighed a weaker "
        "yen against falling chip prices. Oil rose after Riyadh signalled further output cuts, and "
        "the Turkish lira hit another record low.\n\nIn Europe, Frankfurt and Paris ended flat; "
        "London gained on mining shares, led by a copper producer with mines in Chile and Zambia."
    ),
    "dateline": (
        "LAGOS, May 3 (Newswire) - Nigerian cement makers raised prices for the second time this "
        "year, citing the cost of imported fuel.\n\nBuyers in Abuja and Kano said bags now cost a "
        "third more than in January, while builders in neighbouring Ghana and Benin reported "
        "shortages."
    ),
}


def _places(extraction: Extraction) -> list[tuple[int, int, str, str | None]]:
    """The gazetteer's mentions (places and bodies); an organisation that speaks in a record (alias
    type "organization") comes with the records."""
    return [
        (m.start, m.end, m.entity_id, m.country)
        for m in extraction.mentions
        if m.kind in PLACE_KINDS and m.alias_type != "organization"
    ]


def _diff(text: str, full: Extraction, cheap: Extraction) -> str:
    a, b = set(_places(full)), set(_places(cheap))
    lines = [f"  only with the parser: {text[s:e]!r}@{s}:{e} -> {i} ({c})" for s, e, i, c in sorted(a - b)]
    lines += [f"  only on the gated path: {text[s:e]!r}@{s}:{e} -> {i} ({c})" for s, e, i, c in sorted(b - a)]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def gated_only(extractor: Extractor) -> Extractor:
    """Every text on the gated path (as if the gate turned each away)."""
    ex = extractor.with_gate(True)
    ex.relevant = lambda text: False  # type: ignore[method-assign]
    return ex


# ------------------------------------------------------------------------------- aliases in context
def test_alias_cases_cover_what_the_issue_lists() -> None:
    categories = {c.category for c in ALIASES}
    assert {
        "capital as subject",
        "demonym",
        "seat of government",
        "US state named like a country",
        "person named like a country",
        "region that is not a country",
    } <= categories
    assert len(ALIASES) >= 80


def test_alias_accuracy_with_the_default_extractor(extractor: Extractor) -> None:
    """The issue's measure: >= 0.97 with the gate on (it was 0.26 when gated documents came back empty)."""
    results = score(extractor, ALIASES)
    wrong = [
        f"{r.case.text!r}: {r.case.surface!r} should be {r.case.entity_id}; got {r.got}"
        for r in results
        if not r.ok
    ]
    assert accuracy(results) >= 0.97, "\n".join(wrong)


@pytest.mark.parametrize("case", ALIASES, ids=[f"{c.category}:{c.surface}@{c.start}" for c in ALIASES])
def test_alias_gated_path_resolves_like_the_full_pipeline(case, ungated: Extractor, gated_only) -> None:
    (full,) = ungated.pipe([case.text])
    (cheap,) = gated_only.pipe([case.text])
    assert cheap.gated and not full.gated
    assert _places(cheap) == _places(full), _diff(case.text, full, cheap)


# ----------------------------------------------------------------------------------- ordinary news
@pytest.mark.parametrize("name", sorted(ORDINARY))
def test_ordinary_news_is_gated_and_keeps_its_mentions(name: str, extractor: Extractor, ungated) -> None:
    text = ORDINARY[name]
    assert not extractor.relevant(text), f"{name} should be turned away by the gate"
    (cheap,) = extractor.pipe([text])
    (full,) = ungated.pipe([text])
    assert cheap.gated is True
    assert not (cheap.visits or cheap.meetings or cheap.statements)
    assert _places(cheap), "a gated document still has its places"
    assert _places(cheap) == _places(full), _diff(text, full, cheap)
    for mention in cheap.mentions:
        assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    ("name", "person", "mentions"),
    [
        ("sport", "Jordan Henderson", ["Jordan Henderson", "Henderson"]),
        ("science", "Israel Mendoza", ["Israel Mendoza"]),
        ("culture", "Georgia Clarke", ["Georgia Clarke", "Clarke"]),
        ("business", "Marte Lund", ["Marte Lund"]),
    ],
)
def test_gated_documents_name_their_people(name: str, person: str, mentions: list[str], extractor) -> None:
    text = ORDINARY[name]
    (result,) = extractor.pipe([text])
    [found] = [p for p in result.people if p.name == person]
    assert [s.text for s in found.mentions] == mentions
    # offices and countries are resolved with the records; a gated document has none
    assert (found.office, found.country) == (None, None)
    as_mentions = [m for m in result.mentions if m.kind == "person" and m.entity_id == found.id]
    assert [(m.start, m.end) for m in as_mentions] == [(s.start, s.end) for s in found.mentions]
    # the name is no place: "Israel", "Georgia", "Jordan" here are people
    first = found.mentions[0]
    assert not [
        m for m in result.mentions if m.kind in PLACE_KINDS and m.start < first.end and first.start < m.end
    ]


def test_a_title_named_without_a_name_gives_no_person(extractor: Extractor) -> None:
    (result,) = extractor.pipe(["Brazilian coffee prices rose after the frost, traders in Santos said."])
    assert result.gated and [m.entity_id for m in result.mentions] == ["country:BRA", "city:santos"]
    assert result.people == []


def test_gated_people_are_not_linked_across_documents(extractor: Extractor) -> None:
    """A name in ordinary news must not keep an official's surname from linking: the gated "Jason
    Lee" (no office, no country) would be a second registered Lee beside Singapore's, and "Mr Lee"
    would link to neither."""
    official = (
        "Singapore Prime Minister Lee Hsien Loong arrived in Jakarta on Monday for talks with "
        "Indonesian President Joko Widodo."
    )
    sport = "Jason Lee scored twice as Harbour Athletic beat Rovers 3-0 in Glasgow on Saturday."
    later = "Mr Lee arrived in Kuala Lumpur on Tuesday for talks with Prime Minister Anwar Ibrahim."
    a, b, c = extractor.pipe([official, sport, later])
    assert (a.gated, b.gated, c.gated) == (False, True, False)
    assert [p.id for p in b.people] == ["person:jason-lee"]
    [lee] = [p for p in c.people if p.name == "Lee"]
    assert lee.id == "person:lee-hsien-loong"


def test_long_gated_document_gets_mentions_in_every_piece() -> None:
    ex = Extractor(chunk_chars=1000)
    text = "\n\n".join([ORDINARY["markets"], ORDINARY["weather"], ORDINARY["cycling"]])
    (whole,) = ex.pipe([text])
    assert whole.gated is True
    got = {(text[m.start : m.end], m.entity_id) for m in whole.mentions}
    assert {("Tokyo", "city:tokyo"), ("Tbilisi", "city:tbilisi"), ("Denver", "city:denver")} <= got


def test_a_document_that_names_nothing_is_still_gated_and_empty(extractor: Extractor) -> None:
    (result,) = extractor.pipe(["The bakery on the corner sold out of bread by nine o'clock."])
    assert result.gated is True and result.is_empty


# -------------------------------------------------------------------------------------- gold sets
def _gold_texts() -> list[tuple[str, str]]:
    out = []
    for name, folder in GOLD_SETS.items():
        for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
            out.append((f"{name}/{path.name}", json.loads(path.read_text(encoding="utf-8"))["text"]))
    return out


@pytest.mark.slow
def test_gated_path_resolves_every_gold_article_like_the_full_pipeline(
    ungated: Extractor, gated_only
) -> None:
    """Real articles (all pass the gate): their places, through the cheaper path, are the same."""
    articles = _gold_texts()
    assert len(articles) >= 40
    texts = [t for _, t in articles]
    problems = []
    for (name, text), full, cheap in zip(articles, ungated.pipe(texts), gated_only.pipe(texts), strict=True):
        if _places(full) != _places(cheap):
            problems.append(f"{name}:\n{_diff(text, full, cheap)}")
    assert not problems, "\n".join(problems)


def test_registry_lookup_without_learning() -> None:
    from visitextract.normalize.people import PersonRef, PersonRegistry

    registry = PersonRegistry()
    registry.link_document(
        [PersonRef("person:lee-hsien-loong", "Lee Hsien Loong", "SGP", "head_of_government")]
    )
    before = registry.to_dict()
    mapping = registry.link_document(
        [PersonRef("person:lee", "Lee"), PersonRef("person:jason-lee-x", "Jason Lee")], learn=False
    )
    assert mapping["person:lee"] == "person:lee-hsien-loong"
    assert mapping["person:jason-lee-x"] == "person:jason-lee-x"  # unplaced: its own, batch-unique id
    assert registry.to_dict()["entries"] == before["entries"]
