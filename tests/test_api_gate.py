"""The relevance gate inside Extractor.pipe: ordinary news takes the cheap path (mentions, no
records), diplomacy does not."""

from __future__ import annotations

SPORT = (
    "Harbour City beat Northfield 3-1 on Saturday. The striker scored twice before the break and the "
    "coach praised the defence after the match in Madrid in front of 40,000 fans."
)
DIPLOMACY = "Chilean Foreign Minister Rosa Vidal arrived in Lima on Monday for talks on trade."
# a head of state named without a title, by full name (a surname alone is not enough: too common)
LEADER_ONLY = "Kassym-Jomart Tokayev arrived in Beijing on Friday for talks."
SURNAME_ONLY = "Santos arrived in Lisbon on Friday and met the coach."


def test_ordinary_news_is_gated_and_comes_back_without_records(extractor) -> None:
    (result,) = extractor.pipe([{"text": SPORT, "id": "sport-1", "published": "2023-05-06"}])
    assert result.gated is True
    assert (result.doc_id, result.published) == ("sport-1", "2023-05-06")
    assert not (result.visits or result.meetings or result.statements)
    # gated: no records were looked for; the mentions are still resolved
    assert ("Madrid", "city:madrid") in [(m.text, m.entity_id) for m in result.mentions]


def test_diplomatic_news_goes_through(extractor) -> None:
    (result,) = extractor.pipe([DIPLOMACY])
    assert result.gated is False
    assert [(v.visitor.name, v.host_country) for v in result.visits] == [("Rosa Vidal", "PER")]


def test_a_leader_named_without_a_title_passes_the_gate(extractor) -> None:
    assert extractor.relevant(LEADER_ONLY)
    assert not extractor.relevant(SURNAME_ONLY)
    assert not extractor.relevant(SPORT)


def test_without_the_gate_every_text_is_processed(ungated) -> None:
    (result,) = ungated.pipe([SPORT])
    assert result.gated is False
    assert "Madrid" in [m.text for m in result.mentions]  # the pipeline ran


def test_empty_text_is_not_gated_but_empty(extractor) -> None:
    (result,) = extractor.pipe(["   "])
    assert result.gated is False and result.is_empty


def test_heads_named_by_a_country_or_body_pass_the_gate(extractor) -> None:
    for text in (
        "The stop came as the Brazilian leader prepared to attend the summit in Lima.",
        "The UN chief spoke in Doha at the start of a regional trip.",
        "Japanese and Korean negotiators return to Geneva this week for talks.",
    ):
        assert extractor.relevant(text), text
    assert not extractor.relevant("The league leader won 2-0 in Madrid and the coach was happy.")
