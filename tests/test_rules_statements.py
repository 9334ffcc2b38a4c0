"""Statements: the specification as a table of short news snippets.

From ../shared/devset/README.md: a statement is something a named person said; ``direct: true`` means
the quote is a verbatim substring of the text, at least six words, from the person's quoted words;
``direct: false`` is reported speech whose quote is a short verbatim substring carrying the claim;
statements attributed to an institution use the institution as speaker. Every sentence is written for
these tests; the officials are fictional.
"""

from __future__ import annotations

from typing import Any

import pytest

from conftest import assert_offsets, assert_span, statements_by, summary

# (id, text, speaker name, speaker type, direct, exact quote or None, a phrase the quote must contain)
StatementCase = tuple[str, str, str, str, bool, str | None, str | None]

DIRECT_CASES: list[StatementCase] = [
    (
        "straight-quote-attribution-after",
        '"We will not accept any change to the borders by force," Australian Foreign Minister Claire Dawson '
        "said on Monday.",
        "Claire Dawson",
        "person",
        True,
        "We will not accept any change to the borders by force",
        None,
    ),
    (
        "straight-quote-attribution-before-colon",
        'Japanese Prime Minister Kenji Morita said: "Japan stands ready to help rebuild the port and the '
        'railway."',
        "Kenji Morita",
        "person",
        True,
        "Japan stands ready to help rebuild the port and the railway",
        None,
    ),
    (
        "curly-quote-attribution-after",
        "“Our two nations share a long history of friendship,” Kenyan President Samuel Otieno said.",
        "Samuel Otieno",
        "person",
        True,
        "Our two nations share a long history of friendship",
        None,
    ),
    (
        "curly-quote-inverted-said-x",
        "“Trade between our countries has doubled in five years,” said Greek Foreign Minister Nikos Andreou.",
        "Nikos Andreou",
        "person",
        True,
        "Trade between our countries has doubled in five years",
        None,
    ),
    (
        "multi-sentence-quote",
        '"The talks were frank and long. We agreed on a road map for the next two years," Turkish Foreign '
        "Minister Emre Yilmaz told reporters.",
        "Emre Yilmaz",
        "person",
        True,
        "The talks were frank and long. We agreed on a road map for the next two years",
        None,
    ),
    (
        "quote-with-underlined",
        "“Dialogue is the only way to settle this dispute for good,” Egyptian Foreign Minister Karim Nassar "
        "underlined.",
        "Karim Nassar",
        "person",
        True,
        "Dialogue is the only way to settle this dispute for good",
        None,
    ),
    (
        "told-reporters-colon",
        "Mexican Foreign Minister Laura Ortega told reporters in Riyadh: “Mexico wants to be a "
        "bridge between "
        "the Gulf and Latin America.”",
        "Laura Ortega",
        "person",
        True,
        "Mexico wants to be a bridge between the Gulf and Latin America",
        None,
    ),
    (
        "pronoun-he-after-named-person",
        "Kenyan President Samuel Otieno opened the energy forum in Nairobi on Monday. “Africa will not be a "
        "bystander in the energy transition,” he said.",
        "Samuel Otieno",
        "person",
        True,
        "Africa will not be a bystander in the energy transition",
        None,
    ),
    (
        "pronoun-she-skips-a-man-in-between",
        "Australian Foreign Minister Claire Dawson met Japanese Prime Minister Kenji Morita in Tokyo on "
        "Monday. “We have agreed to deepen our defence cooperation this year,” she said.",
        "Claire Dawson",
        "person",
        True,
        "We have agreed to deepen our defence cooperation this year",
        None,
    ),
    (
        "institution-quote",
        "“The ambassador was summoned to explain the incident at the border,” the Lithuanian Foreign "
        "Ministry said in a statement.",
        "Lithuanian Foreign Ministry",
        "organization",
        True,
        "The ambassador was summoned to explain the incident at the border",
        None,
    ),
]

REPORTED_CASES: list[StatementCase] = [
    # the whole claim, however the parser cuts it
    (
        "said-he-believed-two-clauses",
        "In an interview in early May, Chilean President Ana Rojas said she believed the leaders of the "
        "two rebel groups, or the ELN, would keep their promise to lay down arms within a year.",
        "Ana Rojas",
        "person",
        False,
        "she believed the leaders of the two rebel groups, or the ELN, would keep their promise to lay "
        "down arms within a year",
        None,
    ),
    (
        "rejected-object-with-participle",
        "On Monday, the Peruvian government rejected the accusations and insulting remarks that the "
        "Bolivian Interior Minister Luis Pardo made about the border crossing.",
        "Peruvian government",
        "organization",
        False,
        "rejected the accusations and insulting remarks that the Bolivian Interior Minister Luis Pardo "
        "made about the border crossing",
        None,
    ),
    (
        "said-that",
        "Greek Foreign Minister Nikos Andreou said that the dispute must be settled through dialogue.",
        "Nikos Andreou",
        "person",
        False,
        None,
        "the dispute must be settled through dialogue",
    ),
    (
        "underlined-that",
        "Egyptian Foreign Minister Karim Nassar underlined that Cairo would not accept any delay in the "
        "talks.",
        "Karim Nassar",
        "person",
        False,
        None,
        "would not accept any delay",
    ),
    (
        "called-for",
        "Egyptian President Omar Fathy called for an immediate ceasefire in the region.",
        "Omar Fathy",
        "person",
        False,
        None,
        "an immediate ceasefire",
    ),
    (
        "expressed-concern",
        "Italian Prime Minister Marco Bellini expressed concern over rising energy prices.",
        "Marco Bellini",
        "person",
        False,
        None,
        "concern over rising energy prices",
    ),
    (
        "thanked-for",
        "German Chancellor Paul Brandt thanked Kenya for its hospitality and support.",
        "Paul Brandt",
        "person",
        False,
        None,
        "hospitality",
    ),
    (
        "stressed-importance",
        "Indian External Affairs Minister Arjun Mehta stressed the importance of a free and open "
        "Indo-Pacific.",
        "Arjun Mehta",
        "person",
        False,
        None,
        "free and open Indo-Pacific",
    ),
    (
        "told-the-meeting-without-that",
        "Vietnamese Foreign Minister Tran Duc Minh met Australian Foreign Minister Ann Gray. Mr Minh told "
        "the meeting both sides should prepare for an upgrade of ties.",
        "Tran Duc Minh",
        "person",
        False,
        None,
        "both sides should prepare for an upgrade of ties",
    ),
    (
        "affirmed-a-position",
        "Saudi Foreign Minister Faisal Rahman affirmed the Kingdom's support for all efforts aimed at "
        "reaching a political solution.",
        "Faisal Rahman",
        "person",
        False,
        None,
        "support for all efforts",
    ),
    (
        "affirmed-keenness-to",
        "UAE President Hamad bin Saeed affirmed the UAE's keenness to strengthen its relations with Italy.",
        "Hamad bin Saeed",
        "person",
        False,
        None,
        "keenness to strengthen its relations with Italy",
    ),
    (
        "proposed-that",
        "Vietnamese Prime Minister Tran Van Minh proposed that the two sides study the possibility of "
        "upgrading their partnership.",
        "Tran Van Minh",
        "person",
        False,
        None,
        "upgrading their partnership",
    ),
    (
        "noted-that",
        "U.S. Secretary of State Robert Hale noted that trade between the two countries had doubled since "
        "2015.",
        "Robert Hale",
        "person",
        False,
        None,
        "trade between the two countries had doubled",
    ),
    (
        "told-reporters-that",
        "Mexican Foreign Minister Laura Ortega told reporters that Mexico would open an embassy in "
        "Riyadh next "
        "year.",
        "Laura Ortega",
        "person",
        False,
        None,
        "Mexico would open an embassy in Riyadh",
    ),
    (
        "urged",
        "Australian Foreign Minister Claire Dawson urged both sides to return to the negotiating table.",
        "Claire Dawson",
        "person",
        False,
        None,
        "return to the negotiating table",
    ),
    (
        "according-to",
        "According to Japanese Foreign Minister Hiro Sato, the two countries will sign a visa waiver "
        "agreement in the spring.",
        "Hiro Sato",
        "person",
        False,
        None,
        "sign a visa waiver agreement",
    ),
    (
        "institution-the-foreign-ministry-said",
        "Kenyan President Samuel Otieno will travel to Tokyo next week. The foreign ministry said the visit "
        "would strengthen economic ties.",
        "foreign ministry",
        "organization",
        False,
        None,
        "strengthen economic ties",
    ),
    (
        "institution-possessive-ministry",
        "Poland's Foreign Ministry said in a statement that the consulate in Lviv would reopen on Monday.",
        "Poland's Foreign Ministry",
        "organization",
        False,
        None,
        "the consulate in Lviv would reopen",
    ),
    (
        "relayed-to-the-inner-speaker",
        "The ministry said Greek Foreign Minister Nikos Andreou called for restraint on both sides.",
        "Nikos Andreou",
        "person",
        False,
        None,
        "restraint on both sides",
    ),
]


# The class of verbs of saying beyond "said": answers, remarks, admissions, predictions. Each
# introduces a quotation (before or after it) or a reported clause the same way "said" does.
SPEECH_VERB_CASES: list[StatementCase] = [
    (
        "replied-colon-quote",
        'Asked about the tariffs, Brazilian Trade Minister Paulo Ramos replied: "We will answer every '
        'measure with a measure of our own."',
        "Paulo Ramos",
        "person",
        True,
        "We will answer every measure with a measure of our own",
        None,
    ),
    (
        "responded-quote-first",
        '"Nobody in this government has ever seen that letter," Irish Foreign Minister Aoife Byrne '
        "responded on Tuesday.",
        "Aoife Byrne",
        "person",
        True,
        "Nobody in this government has ever seen that letter",
        None,
    ),
    (
        "answered-pronoun-after-quote",
        'Norwegian Prime Minister Ola Haugen took questions in Oslo. "The talks will resume once the '
        'ceasefire holds," he answered.',
        "Ola Haugen",
        "person",
        True,
        "The talks will resume once the ceasefire holds",
        None,
    ),
    (
        "admitted-that-clause",
        "Thai Foreign Minister Somchai Prasert admitted that the border crossings would stay closed "
        "until March.",
        "Somchai Prasert",
        "person",
        False,
        None,
        "the border crossings would stay closed",
    ),
    (
        "predicted-that-clause",
        "Egyptian President Karim Adel predicted that the pipeline would carry gas to Europe by 2027.",
        "Karim Adel",
        "person",
        False,
        None,
        "the pipeline would carry gas to Europe",
    ),
    (
        "underscored-that-clause",
        "Mexican Foreign Minister Lucia Ortega underscored that migration was a shared responsibility.",
        "Lucia Ortega",
        "person",
        False,
        None,
        "migration was a shared responsibility",
    ),
    (
        "recalled-that-clause",
        "Polish President Marek Zielinski recalled that Warsaw had hosted the first round of talks in 2019.",
        "Marek Zielinski",
        "person",
        False,
        None,
        "Warsaw had hosted the first round of talks",
    ),
    (
        "cautioned-quote-first",
        '"A deal signed in a hurry will not survive the winter," Finnish Foreign Minister Eero Lahti '
        "cautioned.",
        "Eero Lahti",
        "person",
        True,
        "A deal signed in a hurry will not survive the winter",
        None,
    ),
]


# Verbs that characterise report the characterisation, with the verb, as written.
CHARACTERISE_CASES: list[StatementCase] = [
    (
        "described-as",
        'Czech government spokesman Tomas Dvorak described the talks in Vienna as "frank and useful".',
        "Tomas Dvorak",
        "person",
        False,
        'described the talks in Vienna as "frank and useful"',
        None,
    ),
    (
        "describing-participle",
        "Zambian President Hakainde Banda opened the bridge on Friday, describing it as a gift to the "
        "whole region.",
        "Hakainde Banda",
        "person",
        False,
        "describing it as a gift to the whole region",
        None,
    ),
    (
        "termed-predicate",
        "Slovak Prime Minister Juraj Hlinka termed the agreement a turning point for the railway.",
        "Juraj Hlinka",
        "person",
        False,
        None,
        "a turning point for the railway",
    ),
    # a verbless quotation that characterises is the speaker's words (six words or more)
    (
        "called-quoted-characterisation",
        'Irish Foreign Minister Helen McEntee called the talks "open, honest and useful for both sides".',
        "Helen McEntee",
        "person",
        True,
        "open, honest and useful for both sides",
        None,
    ),
    (
        "described-as-quoted-noun-phrase",
        'Irish Foreign Minister Helen McEntee described the visit as "a new chapter for our two peoples".',
        "Helen McEntee",
        "person",
        True,
        "a new chapter for our two peoples",
        None,
    ),
    # an attribution inside the claim: the longer side of it carries the claim
    (
        "parenthetical-said",
        "Grain exports, Irish Foreign Minister Helen McEntee said, would resume within a fortnight.",
        "Helen McEntee",
        "person",
        False,
        "would resume within a fortnight",
        None,
    ),
]


def _matching(ex: Any, speaker: str, speaker_type: str) -> list[Any]:
    if speaker_type == "person":
        return statements_by(ex, speaker)
    # institutions: the name as written may or may not keep the article or the possessive
    want = speaker.lower().replace("'s", "")
    return [
        s
        for s in ex.statements
        if s.speaker.type == "organization"
        and want.split()[-2:] == s.speaker.name.lower().replace("'s", "").split()[-2:]
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "speaker_type", "direct", "quote", "phrase"),
    [c[1:] for c in DIRECT_CASES + REPORTED_CASES + SPEECH_VERB_CASES + CHARACTERISE_CASES],
    ids=[c[0] for c in DIRECT_CASES + REPORTED_CASES + SPEECH_VERB_CASES + CHARACTERISE_CASES],
)
def test_statement(extract, text, speaker, speaker_type, direct, quote, phrase):
    ex = extract(text)
    assert_offsets(text, ex)
    found = [s for s in _matching(ex, speaker, speaker_type) if s.direct is direct]
    assert len(found) == 1, (
        f"expected one {'direct' if direct else 'reported'} statement by {speaker!r}\n{summary(ex)}"
    )
    st = found[0]
    assert st.speaker.type == speaker_type, summary(ex)
    assert st.quote in text, f"quote is not verbatim: {st.quote!r}"
    if quote is not None:
        assert st.quote == quote, summary(ex)
    if phrase is not None:
        assert phrase in st.quote, f"{phrase!r} not in quote {st.quote!r}"
    if direct:
        assert len(st.quote.split()) >= 6
        assert st.rule == "statement.quote", st.rule
    else:
        assert st.rule in {"statement.reported", "statement.according"}, st.rule
    assert st.quote_span is not None, "quote_span is missing"
    assert_span(text, st.quote_span, "quote_span")
    assert st.quote_span.text == st.quote
    assert st.evidence and 0.0 <= st.confidence <= 1.0


def test_institution_speaker_gets_its_country(extract):
    text = "The Lithuanian Foreign Ministry said the ambassador had been summoned over the incident."
    ex = extract(text)
    orgs = [s.speaker for s in ex.statements if s.speaker.type == "organization"]
    assert len(orgs) == 1, summary(ex)
    assert orgs[0].country == "LTU"
    assert "Foreign Ministry" in orgs[0].name


def test_quote_span_offsets_in_a_paragraph(extract):
    text = (
        "Greek Foreign Minister Nikos Andreou arrived in Ankara on Monday.\n\n"
        "“We came here to listen and to find common ground,” Andreou said after the talks. "
        "“Nobody should expect miracles from a single meeting,” he added."
    )
    ex = extract(text)
    quotes = sorted(
        (s for s in statements_by(ex, "Nikos Andreou") if s.direct), key=lambda s: s.quote_span.start
    )
    assert [s.quote for s in quotes] == [
        "We came here to listen and to find common ground",
        "Nobody should expect miracles from a single meeting",
    ], summary(ex)
    first = text.index("We came")
    assert (quotes[0].quote_span.start, quotes[0].quote_span.end) == (first, first + len(quotes[0].quote))
    second = text.index("Nobody")
    assert (quotes[1].quote_span.start, quotes[1].quote_span.end) == (second, second + len(quotes[1].quote))


# ---------------------------------------------------------------------------------------- no statement
NO_STATEMENT_CASES = [
    (
        "called-someone-about-a-quoted-phrase",
        'Irish Foreign Minister Helen McEntee called President Ana Ruiz to discuss "the next steps".',
        "the next steps",
    ),
    (
        "scare-quote-single-word",
        'The Greek foreign minister, Nikos Andreou, described the proposal as "unrealistic" and '
        "left the room.",
        "unrealistic",
    ),
    (
        "scare-quote-short-phrase",
        "Critics call the deal a “historic sellout”, but U.S. Secretary of State Robert Hale disagrees.",
        "historic sellout",
    ),
    (
        "title-of-a-document",
        "Japanese Prime Minister Kenji Morita presented the “Free and Open Indo-Pacific Plan” in Delhi.",
        "Free and Open Indo-Pacific Plan",
    ),
]


@pytest.mark.parametrize(
    ("text", "scare"), [c[1:] for c in NO_STATEMENT_CASES], ids=[c[0] for c in NO_STATEMENT_CASES]
)
def test_scare_quotes_are_not_statements(extract, text, scare):
    ex = extract(text)
    assert_offsets(text, ex)
    assert not [s for s in ex.statements if s.direct], summary(ex)
    assert not [s for s in ex.statements if s.quote.strip() == scare], summary(ex)


def test_analysts_are_not_the_named_subject(extract):
    """ "Analysts say X may ..." reports the analysts, not X; the analysts are not named."""
    text = "Analysts say French President Jean Dumas may soften his position on farm subsidies."
    ex = extract(text)
    assert statements_by(ex, "Jean Dumas") == [], summary(ex)


def test_direct_flag_distinguishes_quote_from_reported(extract):
    text = (
        "Italian Prime Minister Marco Bellini said Rome would double its aid. "
        "“We cannot stand aside while the harvest rots in the fields,” Bellini said."
    )
    ex = extract(text)
    mine = statements_by(ex, "Marco Bellini")
    assert sorted(s.direct for s in mine) == [False, True], summary(ex)
    reported = next(s for s in mine if not s.direct)
    assert "Rome would double its aid" in reported.quote
    direct = next(s for s in mine if s.direct)
    assert direct.quote == "We cannot stand aside while the harvest rots in the fields"


# ------------------------------------------------------------------ wire copy: found on tests/data/owndev
def test_an_unattributed_quote_after_a_speakers_quote_is_theirs(extract):
    text = (
        'ABUJA - "Nigeria sees Peru as a dependable partner in our drive to diversify," Foreign Minister '
        'Musa Danladi was quoted as saying. "We want Peruvian investors in farming and mining, and we will '
        'remove the bottlenecks they have complained about."\n\nPeruvian Foreign Minister Ana Rojas, '
        "according to the statement, noted that Lima regarded Nigeria as a key partner in Africa."
    )
    ex = extract(text)
    danladi = sorted(
        (s for s in statements_by(ex, "Musa Danladi") if s.direct), key=lambda s: s.quote_span.start
    )
    assert [s.quote[:20] for s in danladi] == ["Nigeria sees Peru as", "We want Peruvian inv"], summary(ex)
    assert danladi[1].rule == "statement.quote_continued"
    assert not [s for s in statements_by(ex, "Ana Rojas") if s.direct], summary(ex)


@pytest.mark.parametrize(
    ("text", "speaker", "quote"),
    [
        (
            '"Productive talks with my friend Prime Minister Ravi Menon today," Australian Prime Minister '
            "Tom Baker wrote on X after the meeting in New Delhi.",
            "Tom Baker",
            "Productive talks with my friend Prime Minister Ravi Menon today",
        ),
        (
            '"A historic day for the partnership between our two nations," said Kenyan President Samuel '
            "Otieno after the signing.",
            "Samuel Otieno",
            "A historic day for the partnership between our two nations",
        ),
    ],
    ids=["wrote-on-x", "said-inverted"],
)
def test_a_verbless_quotation_closed_by_its_comma_and_attributed_is_said(extract, text, speaker, quote):
    ex = extract(text)
    assert_offsets(text, ex)
    assert [s.quote for s in statements_by(ex, speaker) if s.direct] == [quote], summary(ex)


def test_a_verbless_quoted_phrase_inside_a_sentence_stays_a_scare_quote(extract):
    text = (
        'Prime Minister Tom Baker praised the "productive talks with my friend Ravi Menon today" in New '
        "Delhi."
    )
    ex = extract(text)
    assert not [s for s in ex.statements if s.direct], summary(ex)


@pytest.mark.parametrize(
    ("text", "speaker", "continued"),
    [
        (
            'Japanese Prime Minister Fumio Kishida arrived in Manila on Friday. "Japan stands with the '
            'Philippines," Kishida told a joint news conference. "We will continue to support your coast '
            'guard."',
            "Fumio Kishida",
            "We will continue to support your coast guard",
        ),
        (
            'Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Arusha. "We are '
            'one people," Hassan said. "Our borders must never again stand in the way of our traders."',
            "Samia Suluhu Hassan",
            "Our borders must never again stand in the way of our traders",
        ),
    ],
    ids=["told-a-news-conference", "short-quote-by-the-second-person"],
)
def test_a_quote_too_short_to_count_still_names_who_speaks_on(extract, text, speaker, continued):
    """A quotation under six words is no statement, but the speaker it names keeps the next one."""
    ex = extract(text)
    assert_offsets(text, ex)
    mine = [s for s in statements_by(ex, speaker) if s.direct]
    assert [s.quote for s in mine] == [continued], summary(ex)
    assert mine[0].rule == "statement.quote_continued"
    assert text[mine[0].quote_span.start : mine[0].quote_span.end] == continued


@pytest.mark.parametrize(
    ("text", "not_speaker", "speaker"),
    [
        (  # the outlet that carries the story is not a source
            "ABUJA (NAN) - Foreign Minister Musa Danladi arrived in Lima on Monday.\n\nThe News Agency of "
            "Nigeria (NAN) reports that trade between the two countries reached about 22 billion dollars "
            "last year.",
            "News Agency of Nigeria",
            None,
        ),
        (  # a country inside a person's claim is what the claim is about
            "Vietnamese Prime Minister Van Minh Tran said Vietnam welcomed more Chilean investment in "
            "renewable energy and lithium.",
            "Vietnam",
            "Van Minh Tran",
        ),
    ],
    ids=["news-agency-reports", "country-inside-a-claim"],
)
def test_who_is_not_the_speaker(extract, text, not_speaker, speaker):
    ex = extract(text)
    assert_offsets(text, ex)
    assert not [s for s in ex.statements if s.speaker.name == not_speaker], summary(ex)
    if speaker is not None:
        assert statements_by(ex, speaker), summary(ex)


def test_a_claim_never_starts_inside_the_dateline(extract):
    text = (
        "NEW DELHI, Mar 10 (PTI) - External Affairs Minister Arjun Mehta will visit Chile from March 13 to "
        "15 to boost trade ties, the Ministry of External Affairs said on Monday."
    )
    ex = extract(text, published="2025-03-10")
    claims = [s for s in ex.statements if s.speaker.type == "organization"]
    assert claims and all(s.quote.startswith("External Affairs Minister") for s in claims), summary(ex)


def test_disclosed_this_is_no_claim(extract):
    text = (
        "The spokesperson of the ministry, Mr Tunde Bakare, disclosed this in a statement issued in Abuja "
        "on Thursday."
    )
    ex = extract(text)
    assert not statements_by(ex, "Tunde Bakare"), summary(ex)


@pytest.mark.parametrize(
    "text",
    [
        "Dutch Foreign Minister Anke de Vries described the route of the new pipeline to reporters.",
        "Portuguese President Rui Matos dubbed the ship in Lisbon on Saturday.",
    ],
    ids=["described-without-characterisation", "dubbed-without-name"],
)
def test_a_characterising_verb_without_its_characterisation_reports_nothing(extract, text):
    ex = extract(text)
    assert not ex.statements, summary(ex)


# A second reporting verb coordinated with the first ("said X and stressed that Y", '"...", but
# noted that Y', "told reporters that X and said Y") is a second claim of the same speaker, however
# the parser hangs it; the first claim ends before the "and".
COORDINATED_CLAIMS = [
    (
        "inside-the-first-claim",
        "Chilean Foreign Minister Rosa Vidal said Chile valued Japan's help after the earthquake and "
        "stressed that Santiago opposed any new tariffs on copper.",
        [
            ("Rosa Vidal", "Chile valued Japan's help after the earthquake"),
            ("Rosa Vidal", "Santiago opposed any new tariffs on copper"),
        ],
    ),
    (
        "after-a-direct-quote",
        'Kazakh Foreign Minister Arman Sadykov told reporters that Astana "will not become a route for '
        'banned goods", but noted that trade with its northern neighbour remained vital.',
        [
            ("Arman Sadykov", "will not become a route for banned goods"),
            ("Arman Sadykov", "trade with its northern neighbour remained vital"),
        ],
    ),
    (
        "the-relay-and-the-person-who-told",
        "Japanese Foreign Minister Ken Ito arrived in Cairo. Ito held phone talks with Israeli Foreign "
        "Minister Dan Levi and told him that the situation in Gaza had become unacceptable, the "
        "ministry said.",
        [
            ("ministry", "Ito held phone talks with Israeli Foreign Minister Dan Levi"),
            ("Ken Ito", "the situation in Gaza had become unacceptable"),
        ],
    ),
    (
        "that-a-and-that-b",
        "Mexican Economy Minister Luis Ruiz told reporters on Monday that Mexico wanted the review to "
        'preserve duty-free access for its exports, and that talks with Washington had been "intense '
        'but constructive".',
        [
            ("Luis Ruiz", "Mexico wanted the review to preserve duty-free access for its exports"),
            ("Luis Ruiz", 'talks with Washington had been "intense but constructive"'),
        ],
    ),
    (
        "told-and-said",
        "Finnish Foreign Minister Aino Laine told reporters that Helsinki saw India as a key partner and "
        "said Finnish firms were keen to invest in the Indian market.",
        [
            ("Aino Laine", "Helsinki saw India as a key partner"),
            ("Aino Laine", "Finnish firms were keen to invest in the Indian market"),
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in COORDINATED_CLAIMS], ids=[c[0] for c in COORDINATED_CLAIMS]
)
def test_coordinated_claims_are_the_first_speakers(extract, text, expected):
    ex = extract(text)
    assert_offsets(text, ex)
    assert sorted((s.speaker.name, s.quote) for s in ex.statements) == sorted(expected), summary(ex)


RELEASE = (
    "12.03.2024 - Press release\n\n"
    "Statement by Foreign Minister Lena Vogt ahead of her trip to Lima and Santiago:\n\n"
    "Chile and Peru are partners we can rely on in difficult times. I will use this trip to listen.\n\n"
    "Our companies want to invest in clean hydrogen and in copper that is mined responsibly."
)


def test_a_statement_in_its_authors_name_is_theirs_sentence_by_sentence(extract):
    ex = extract(RELEASE, published="2024-03-12")
    assert_offsets(RELEASE, ex)
    assert {s.rule for s in ex.statements} == {"statement.release_body"}, summary(ex)
    assert all(s.direct and s.speaker.name == "Lena Vogt" for s in ex.statements), summary(ex)
    assert [s.quote for s in ex.statements] == [
        "Chile and Peru are partners we can rely on in difficult times",
        "I will use this trip to listen",
        "Our companies want to invest in clean hydrogen and in copper that is mined responsibly",
    ], summary(ex)


@pytest.mark.parametrize(
    "text",
    [
        # a heading without a named author
        "Statement by the Ministry of Foreign Affairs on the situation in the region:\n\n"
        "The ministry is following the events in the border region with great concern.",
        # the words "statement by" inside a sentence are no heading
        "The statement by Foreign Minister Lena Vogt was read out in Lima. The talks will resume "
        "in the second week of May in the capital.",
    ],
    ids=["no-named-author", "not-a-heading"],
)
def test_no_release_body_without_a_named_authors_heading(extract, text):
    ex = extract(text, published="2024-03-12")
    assert not [s for s in ex.statements if s.rule == "statement.release_body"], summary(ex)


@pytest.mark.parametrize(
    "text",
    [
        "Vietnamese Prime Minister Tran Van Minh proposed a toast to the friendship of the two peoples.",
        "The plan proposed by Foreign Minister Ana Ruiz was rejected by the assembly.",
    ],
    ids=["proposed-a-toast", "a-plan-proposed-by"],
)
def test_a_proposal_without_a_clause_is_no_statement(extract, text) -> None:
    ex = extract(text)
    assert not ex.statements, summary(ex)


def test_told_someone_who_is_no_claim(extract) -> None:
    text = (
        "Foreign Minister Ann Gray told the students who came to the embassy about Australia's universities."
    )
    ex = extract(text)
    assert not ex.statements, summary(ex)


@pytest.mark.parametrize(
    "text",
    [
        "Foreign Minister Ann Gray has not confirmed the date of the visit.",
        "Foreign Minister Ann Gray did not say when the talks would resume.",
        "The foreign ministry has not confirmed the plans, according to a ministry official.",
    ],
    ids=["has-not-confirmed", "did-not-say-when", "ministry-has-not-confirmed"],
)
def test_a_denied_report_says_nothing(extract, text) -> None:
    ex = extract(text)
    assert not ex.statements, summary(ex)


def test_a_negated_claim_is_still_a_statement(extract) -> None:
    ex = extract("Foreign Minister Ann Gray said the talks would not resume this year.")
    assert [s.quote for s in ex.statements] == ["the talks would not resume this year"], summary(ex)
