"""The relevance gate: a table of short texts, each with the decision it must get.

Every text is written for these tests; the people are fictional. The gate is built for recall: any
text that could hold a visit, a meeting or a statement by an official must pass; ordinary news that
names no official must be gated out, even when it names countries, travels or quotes people.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from visitextract.gate import GateResult, RelevanceGate, default_gate, is_relevant, words_of

DEVSET = Path(__file__).resolve().parents[1].parent / "shared" / "devset" / "articles"

# (id, text) that must pass the gate.
RELEVANT: list[tuple[str, str]] = [
    ("fm-arrives", "Estonian Foreign Minister Liis Kaasik arrived in Tbilisi on Monday for a two-day visit."),
    ("president-meets-counterpart",
     "The president met his Kenyan counterpart in Nairobi to discuss rail links."),
    ("secstate-planned",
     "Secretary of State Dana Whitcombe will travel to Beijing next week, her office said."),
    ("pm-phone-call", "Prime Minister Arjun Rao held a phone call with the German chancellor on Friday."),
    ("dateline-caps", "ASTANA – The president received the visiting delegation at Akorda on Tuesday."),
    ("ministry-statement",
     "The Ministry of External Affairs said on Thursday that the remarks were unacceptable."),
    ("seat-statement", "The Kremlin said the talks would take place in Minsk later this month."),
    ("crown-prince-hosts",
     "Crown Prince Faris bin Saleh hosted the Emir of Qatar in Riyadh for talks on energy."),
    ("king-state-visit",
     "King Olaf Brenner will pay a state visit to Portugal in April, the palace announced."),
    ("premier-told", "Chinese Premier Zhao Ming told reporters in Beijing that trade would keep growing."),
    ("top-diplomat", "The EU's top diplomat said the bloc was ready to resume talks with Tehran."),
    ("video-talks",
     "German Chancellor Petra Lindau and French President Luc Armand held talks by video link."),
    ("taoiseach",
     "The Taoiseach will visit Washington next month for the traditional St Patrick's Day meeting."),
    ("deputy-fm-trip", "Deputy Foreign Minister Nam Hoang is on a working trip to Hanoi until Friday."),
    ("pope-arrives", "Pope Clement arrived in Lisbon on Wednesday evening for a four-day pilgrimage."),
    ("ambassador-credentials",
     "The new Japanese ambassador presented her credentials to President Okafor in Abuja."),
    ("g7-ministers", "Foreign ministers of the G7 will meet in Tokyo to coordinate sanctions."),
    ("state-body-said",
     "Japanese officials said on Friday that the two governments had agreed to meet again."),
    ("embassy-spokesman",
     "A spokesman for the Indian embassy in Kathmandu said the visit had been postponed."),
    ("eu-commissioner",
     "The EU trade commissioner held bilateral talks in Tokyo on Monday."),
    ("cancelled-trip",
     "Polish President Adam Wierzba has called off his trip to Kyiv, citing security concerns."),
    ("plural-diplomats", "Moroccan diplomats visited Madrid last week to prepare the summit."),
    ("speaker-visit", "The speaker of parliament of Kazakhstan visited Seoul on Tuesday."),
    ("white-house", "The White House said the two leaders would meet on the sidelines of the summit."),
    # Tricky: ordinary news that does quote an official -- a statement by an official, so it passes.
    ("business-quotes-minister", "Shares in Harlow Foods rose 4 percent. 'We welcome this investment,' "
     "Finance Minister Grace Mensah said in Accra."),
    ("weather-pm-visit",
     "Floods cut off three villages; Prime Minister Oskar Lund visited the area on Sunday."),
    ("sport-president-congratulates", "Argentina won the final 2-1, and President Elena Rojas "
     "congratulated the players."),
]  # fmt: skip

# (id, text) that must be gated out.
NOT_RELEVANT: list[tuple[str, str]] = [
    ("football-with-countries", "Brazil beat Argentina 2-1 in Rio, and the visiting side's coach said "
     "his players were tired after the long trip."),
    ("tennis-arrives", "Japanese player Kenta Mori arrived in Melbourne on Saturday ahead of the Open."),
    ("fans-travel", "Thousands of Chilean fans travelled to Lima for the final."),
    ("ceo-talks", "The chief executive said talks with Japanese investors were going well."),
    ("chairman-met-analysts", "The chairman met analysts in London to explain the results."),
    ("storm", "Storm Alder hit the coast overnight, and forecasters said more rain was on the way."),
    ("science", "Researchers at Carrow University found that the bacterium digests plastic, they said."),
    ("band-tour", "The band announced a world tour that will visit 30 cities, including Paris and Tokyo."),
    ("cooking", "Roast the turkey for three hours and serve it on the good china."),
    ("head-coach", "Head coach Lena Vogt said the squad would travel to Spain for a training camp."),
    ("mayor-bridge", "Mayor Tom Ridley opened the new footbridge in Leeds on Saturday."),
    ("central-bank-governor", "The governor of the central bank said inflation would ease next year."),
    ("film-director", "Director Ines Palma's new film won the top prize at the festival on Sunday."),
    ("company-spokesman", "A company spokesman said the factory in Vietnam would reopen next week."),
    ("officials-no-place", "Officials said the road would reopen on Monday after repairs."),
    ("official-idle", "Prime ministers' favourite soups: a cookbook with forty winter recipes."),
    ("club-visit", "Chelsea's visit to Madrid ended in a 3-0 defeat."),
    ("empty", ""),
    ("blank", "   \n\n  "),
]  # fmt: skip


@pytest.mark.parametrize(("case_id", "text"), RELEVANT, ids=[c[0] for c in RELEVANT])
def test_relevant(case_id: str, text: str) -> None:
    result = default_gate().check(text)
    assert result.relevant, f"{case_id}: gated out ({result.reason}); evidence {result}"


@pytest.mark.parametrize(("case_id", "text"), NOT_RELEVANT, ids=[c[0] for c in NOT_RELEVANT])
def test_not_relevant(case_id: str, text: str) -> None:
    result = default_gate().check(text)
    assert not result.relevant, f"{case_id}: passed ({result.reason}); evidence {result}"


def test_result_names_its_evidence() -> None:
    result = default_gate().check("Lithuanian Foreign Minister Jonas Varna visited Astana on Monday.")
    assert isinstance(result, GateResult)
    assert result.official == "foreign minister"
    assert result.place == "Lithuanian"
    assert result.trigger == "visited"


def test_places_keep_their_case() -> None:
    gate = default_gate()
    assert gate.places.first(words_of("Turkey and China signed")) == "Turkey"
    assert gate.places.first(words_of("turkey on china plates")) is None
    assert gate.places.first(words_of("HANOI - the talks")) == "HANOI"


def test_default_gate_is_built_once() -> None:
    assert default_gate() is default_gate()
    assert is_relevant("The foreign minister said so in Paris.") is True


def test_custom_tables() -> None:
    """A gate can be built over other tables (user gazetteers); the default one is not touched."""
    from visitextract.normalize.gazetteer import Gazetteer
    from visitextract.normalize.offices import default_taxonomy

    gate = RelevanceGate(Gazetteer.default(), default_taxonomy())
    assert gate("Moroccan diplomats met in Rabat.")
    assert gate.filter(["Moroccan diplomats met in Rabat.", "Rain is forecast."]) == [True, False]


def test_time_is_linear_in_the_text() -> None:
    """No backtracking: pathological inputs take about as long per character as ordinary prose."""
    gate = default_gate()
    prose = "The committee discussed the budget and the weather in the north. " * 2000
    hostile = ("a" * 5000 + "_" + "-" * 5000 + " ") * 14
    for text in (prose, hostile):
        start = time.perf_counter()
        gate.check(text)
        assert time.perf_counter() - start < 0.5


def test_import_does_not_load_spacy() -> None:
    """The gate runs before any spaCy processing: importing and using it must not import spaCy."""
    code = (
        "import sys; from visitextract.gate import is_relevant; "
        "is_relevant('The president visited Paris.'); print('spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.skipif(not DEVSET.is_dir(), reason="../shared/devset is not beside the project")
def test_every_devset_article_is_relevant() -> None:
    gate = default_gate()
    for path in sorted(DEVSET.glob("*.json")):
        text = json.loads(path.read_text(encoding="utf-8"))["text"]
        assert gate(text), f"{path.name} gated out: {gate.check(text)}"
