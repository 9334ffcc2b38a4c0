"""People across documents: the same person gets the same id in every document of a batch.

The issue's check: five documents name the same two officials in different ways (full name with
title, surname only, a transliteration, title and surname, "the Kazakh president") and the batch
has exactly two person ids. Then the guards (a shared surname in two countries, a lone surname that
fits two people), the registry's determinism and plain-data round trip, and the batch runner, whose
output ids do not depend on where a run was interrupted.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from visitextract import Extractor
from visitextract.batch import BatchConfig, InProcessEngine, Record, ShardTask, run_batch
from visitextract.cli import app
from visitextract.errors import KnowledgeTableError
from visitextract.io.writers import read_jsonl
from visitextract.models import Extraction, Meeting, Mention, Person, Span, Statement, Visit
from visitextract.normalize.people import PersonRef, PersonRegistry, link_people, link_records

TOKAYEV = "person:kassym-jomart-tokayev"
WANG = "person:wang-yi"

FIVE_DOCS = [
    (
        "Kazakh President Kassym-Jomart Tokayev met Chinese Foreign Minister Wang Yi in Astana on Monday.",
        "2023-05-15",
    ),
    ("Tokayev met Wang in Astana on Tuesday to discuss trade.", "2023-05-16"),
    (
        "Kazakh President Kassym-Jomart Tokaev met Chinese Foreign Minister Wang Yi in Astana on Wednesday.",
        "2023-05-17",
    ),
    ("President Tokayev met Chinese Foreign Minister Wang in Astana on Thursday.", "2023-05-18"),
    (
        "The Kazakh president arrived in Beijing on Friday for talks with the Chinese foreign minister.",
        "2023-05-19",
    ),
]
LEES = [
    ("Singapore's Prime Minister Lee met Japanese Prime Minister Kishida in Tokyo on Monday.", "2023-05-15"),
    ("South Korean President Lee met Japanese Prime Minister Kishida in Seoul on Tuesday.", "2023-05-16"),
]


def person_ids(ex: Extraction | Mapping[str, Any]) -> set[str]:
    """Every person id an Extraction (or its JSON) uses, wherever a person appears."""
    data = ex.model_dump(mode="json") if isinstance(ex, Extraction) else ex
    ids = {p["id"] for p in data["people"]}
    ids |= {v["visitor"]["id"] for v in data["visits"]}
    ids |= {p["id"] for m in data["meetings"] for p in m["participants"]}
    ids |= {s["speaker"]["id"] for s in data["statements"] if s["speaker"]["type"] == "person"}
    ids |= {m["entity_id"] for m in data["mentions"] if m["kind"] == "person"}
    return ids


def _items(docs: Iterable[tuple[str, str]]) -> list[dict[str, str]]:
    return [{"text": t, "published": d, "id": f"doc-{k}"} for k, (t, d) in enumerate(docs)]


# ------------------------------------------------------------------------------- the check
def test_five_documents_name_two_officials_with_two_ids(ungated: Extractor) -> None:
    # linking, not the relevance gate, is under test (document 2 names the two by surname only)
    results = list(ungated.pipe(_items(FIVE_DOCS)))
    per_doc = [person_ids(ex) for ex in results]
    assert set().union(*per_doc) == {TOKAYEV, WANG}, per_doc
    assert all(TOKAYEV in ids for ids in per_doc), per_doc  # named in all five, one way or another
    assert sum(WANG in ids for ids in per_doc) == 4
    # the names as each document wrote them are kept; only the ids are shared
    assert {p.name for ex in results for p in ex.people if p.id == TOKAYEV} == {
        "Kassym-Jomart Tokayev",
        "Tokayev",
        "Kassym-Jomart Tokaev",
        "Kazakh President",
    }


def test_without_linking_each_document_keeps_its_own_ids(extractor: Extractor) -> None:
    ids = set().union(*(person_ids(ex) for ex in extractor.pipe(_items(FIVE_DOCS), link_people=False)))
    assert len(ids) > 2 and "person:tokayev" in ids and "role:kazakh-president" in ids


def test_same_surname_in_two_countries_gives_two_ids(extractor: Extractor) -> None:
    singapore, korea = extractor.pipe(_items(LEES))
    lee_sgp = next(p for p in singapore.people if p.name == "Lee")
    lee_kor = next(p for p in korea.people if p.name == "Lee")
    assert (lee_sgp.country, lee_kor.country) == ("SGP", "KOR")
    assert lee_sgp.id != lee_kor.id
    kishida = {p.id for ex in (singapore, korea) for p in ex.people if p.name == "Kishida"}
    assert kishida == {"person:kishida"}  # the same Kishida in both


# ------------------------------------------------------------------------------------- the registry
def ref(pid: str, name: str, country: str | None = None, category: str | None = None) -> PersonRef:
    return PersonRef(pid, name, country, category)


def role(pid: str, label: str, country: str, category: str) -> PersonRef:
    return PersonRef(pid, label, country, category, named=False)


@pytest.mark.parametrize(
    ("first", "later"),
    [
        (ref("person:kassym-jomart-tokayev", "Kassym-Jomart Tokayev", "KAZ"), ref("person:tokaev", "Tokaev")),
        (
            ref("person:kassym-jomart-tokayev", "Kassym-Jomart Tokayev"),
            ref("p:x", "Kassym-Jomart Tokaev", "KAZ"),
        ),
        (ref("person:kassym-jomart-tokayev", "Kassym-Jomart Tokayev"), ref("p:x", "Mr Tokayev")),
        (ref("person:kassym-jomart-tokayev", "Kassym-Jomart Tokayev"), ref("p:x", "Jomart Tokaev")),
        (ref("person:xi-jinping", "Xi Jinping", "CHN"), ref("person:xi", "Xi")),
        (ref("person:marcelo-ebrard", "Marcelo Ebrard", "MEX"), ref("p:x", "Marcelo Ebrard Casaubon")),
        (
            ref("person:marcelo-ebrard-casaubon", "Marcelo Ebrard Casaubon"),
            ref("p:x", "Marcelo Ebrard", "MEX"),
        ),
        (ref("person:subrahmanyam-jaishankar", "Subrahmanyam Jaishankar", "IND"), ref("p:x", "S Jaishankar")),
        (ref("person:volodymyr-zelensky", "Volodymyr Zelensky", "UKR"), ref("p:x", "Volodymyr Zelenskyy")),
        (ref("person:jens-stoltenberg", "Jens Stoltenberg", "NOR"), ref("p:x", "Jens Stoltenberg", "NATO")),
        (ref("person:tokayev", "Tokayev", "KAZ"), ref("p:x", "Kassym-Jomart Tokayev", "KAZ")),
    ],
    ids=lambda r: r.name,
)
def test_name_variants_link(first: PersonRef, later: PersonRef) -> None:
    registry = PersonRegistry()
    assert registry.link_document([first]) == {first.id: first.id}
    assert registry.link_document([later]) == {later.id: first.id}  # the first document's id


@pytest.mark.parametrize(
    ("first", "later"),
    [
        (ref("person:kim-jong-un", "Kim Jong Un", "PRK"), ref("person:kim-jong-il", "Kim Jong Il", "PRK")),
        (ref("person:lee-hsien-loong", "Lee Hsien Loong", "SGP"), ref("person:lee", "Lee", "KOR")),
        (ref("person:wang-yi", "Wang Yi", "CHN", "foreign_minister"), ref("person:wang", "Wang", "TWN")),
        (
            ref("person:wang-yi", "Wang Yi", "CHN", "foreign_minister"),
            ref("person:wang", "Wang", None, "head_of_state"),
        ),
        (ref("person:marcelo-ebrard", "Marcelo Ebrard", "MEX"), ref("p:x", "Marcelo Ebrard Casaubon", "ESP")),
        (ref("person:jose-garcia", "Jose Garcia", "ESP"), ref("p:x", "Jose Garcya", "MEX")),
        (
            ref("person:li-qiang", "Li Qiang", "CHN", "head_of_government"),
            ref("person:li", "Li", "CHN", "foreign_minister"),
        ),
    ],
    ids=lambda r: f"{r.name}-{r.country}",
)
def test_guards_keep_different_people_apart(first: PersonRef, later: PersonRef) -> None:
    registry = PersonRegistry()
    registry.link_document([first])
    linked = registry.link_document([later])[later.id]
    assert linked != first.id


def test_the_same_full_name_links_although_a_document_gave_another_country() -> None:
    """Countries come from the words around a name and are sometimes wrong; a full name is not."""
    registry = PersonRegistry()
    registry.link_document([ref("person:chuck-schumer", "Chuck Schumer", "USA", "legislator")])
    mapping = registry.link_document([ref("person:chuck-schumer", "Chuck Schumer", "UKR", "legislator")])
    assert mapping == {"person:chuck-schumer": "person:chuck-schumer"}
    # the country most documents gave stays the person's country, and guards the surname
    registry.link_document([ref("person:chuck-schumer", "Chuck Schumer", "USA")])
    entry = registry.get("person:chuck-schumer")
    assert entry is not None and entry["country"] == "USA"
    assert (
        registry.link_document([ref("person:schumer", "Schumer", "USA")])["person:schumer"]
        == "person:chuck-schumer"
    )
    assert (
        registry.link_document([ref("person:schumer", "Schumer", "FRA")])["person:schumer"]
        != "person:chuck-schumer"
    )


def test_a_lone_surname_links_only_to_the_one_person_who_fits() -> None:
    registry = PersonRegistry()
    registry.link_document(
        [ref("person:lee-hsien-loong", "Lee Hsien Loong", "SGP", "head_of_government")], "2023-05-01"
    )
    registry.link_document(
        [ref("person:lee-jae-myung", "Lee Jae-myung", "KOR", "head_of_state")], "2023-05-02"
    )
    assert registry.link_document([ref("person:lee", "Lee", "SGP")]) == {
        "person:lee": "person:lee-hsien-loong"
    }
    assert registry.link_document([ref("person:lee", "Lee", "KOR")]) == {"person:lee": "person:lee-jae-myung"}
    # "Mr Lee" with no country fits both: a batch-unique id of its own, and nobody is registered under it
    unplaced = registry.link_document([ref("person:lee", "Mr Lee")])["person:lee"]
    again = registry.link_document([ref("person:lee", "Mr Lee")])["person:lee"]
    assert len({unplaced, again, "person:lee-hsien-loong", "person:lee-jae-myung"}) == 4
    assert len(registry) == 2


def test_unnamed_office_holder_links_to_the_one_holder_of_that_office() -> None:
    registry = PersonRegistry()
    registry.link_document([ref(TOKAYEV, "Kassym-Jomart Tokayev", "KAZ", "head_of_state")], "2023-05-15")
    president = role("role:kazakh-president", "Kazakh President", "KAZ", "head_of_state")
    leader = role("role:kazakh-leader", "Kazakh Leader", "KAZ", "leader")
    minister = role("role:kazakh-minister", "Kazakh Minister", "KAZ", "minister")
    assert registry.link_document([president], "2023-06-01") == {president.id: TOKAYEV}
    assert registry.link_document([leader], "2023-06-01") == {leader.id: TOKAYEV}
    assert registry.link_document([minister], "2023-06-01") == {
        minister.id: minister.id
    }  # not a unique office
    assert registry.link_document([president], "2015-06-01") == {president.id: president.id}  # years apart
    registry.link_document(
        [ref("person:nursultan-nazarbayev", "Nursultan Nazarbayev", "KAZ", "head_of_state")]
    )
    assert registry.link_document([president], "2023-06-01") == {president.id: president.id}  # two fit


def test_two_people_of_one_document_never_share_an_id() -> None:
    registry = PersonRegistry()
    registry.link_document([ref("person:xi-jinping", "Xi Jinping", "CHN")])
    mapping = registry.link_document([ref("person:xi-jinping", "Xi Jinping"), ref("person:xi", "Xi")])
    assert mapping["person:xi-jinping"] == "person:xi-jinping"
    assert mapping["person:xi"] != "person:xi-jinping"
    # and a new person whose slug is taken by someone else gets an id of their own
    other = registry.link_document([ref("person:xi", "Xi", "TWN")])["person:xi"]
    assert other == "person:xi-twn"


DOCS = [
    [
        ref(TOKAYEV, "Kassym-Jomart Tokayev", "KAZ", "head_of_state"),
        ref(WANG, "Wang Yi", "CHN", "foreign_minister"),
    ],
    [ref("person:tokayev", "Tokayev"), ref("person:wang", "Wang")],
    [ref("person:lee", "Lee", "SGP")],
    [ref("person:lee", "Lee", "KOR")],
    [ref("person:lee", "Mr Lee")],
    [role("role:kazakh-president", "Kazakh President", "KAZ", "head_of_state")],
]


def test_registry_is_deterministic_and_plain_data() -> None:
    def run(registry: PersonRegistry, docs: list[list[PersonRef]]) -> list[dict[str, str]]:
        return [registry.link_document(d, "2023-05-15") for d in docs]

    whole = run(PersonRegistry(), DOCS)
    assert whole == run(PersonRegistry(), DOCS)
    # saved half-way as JSON and reloaded, it carries on exactly as if it had never stopped
    first = PersonRegistry()
    head = run(first, DOCS[:3])
    reloaded = PersonRegistry.from_dict(json.loads(json.dumps(first.to_dict())))
    assert reloaded.to_dict() == first.to_dict()
    assert head + run(reloaded, DOCS[3:]) == whole
    entry = reloaded.get(TOKAYEV)
    assert entry is not None and entry["name"] == "Kassym-Jomart Tokayev" and entry["country"] == "KAZ"


@pytest.mark.parametrize(
    "bad", [{}, {"version": 99, "entries": []}, {"version": 1, "entries": [{"id": "x"}]}]
)
def test_registry_from_bad_data_says_what_is_wrong(bad: dict[str, Any]) -> None:
    with pytest.raises(KnowledgeTableError, match=r"\[E032\]"):
        PersonRegistry.from_dict(bad)


def test_link_people_rewrites_the_id_everywhere_a_person_appears() -> None:
    span = Span(start=0, end=7, text="Tokayev")
    tokayev = Person(id="person:tokayev", name="Tokayev", country="KAZ", mentions=[span])
    wang = Person(id="person:wang", name="Wang", country="CHN")
    ex = Extraction(
        doc_id="d2",
        people=[tokayev, wang],
        visits=[Visit(visitor=tokayev, host_country="CHN", status="ongoing", confidence=0.9, rule="r")],
        meetings=[Meeting(participants=[tokayev, wang], status="held", confidence=0.9, rule="r")],
        statements=[Statement(speaker=tokayev, quote="q", direct=True, confidence=0.9, rule="r")],
        mentions=[Mention(text="Tokayev", start=0, end=7, entity_id="person:tokayev", kind="person")],
    )
    first = Extraction(
        doc_id="d1",
        people=[
            Person(id=TOKAYEV, name="Kassym-Jomart Tokayev", country="KAZ"),
            Person(id=WANG, name="Wang Yi", country="CHN"),
        ],
    )
    out = list(link_people([first, ex]))
    assert out[0] == first
    assert person_ids(out[1]) == {TOKAYEV, WANG}
    assert out[1].statements[0].speaker.id == TOKAYEV and out[1].visits[0].visitor.id == TOKAYEV
    assert out[1].people[0].name == "Tokayev"  # names stay as written
    # the same with the JSON records of a batch
    records = [first.model_dump(mode="json"), ex.model_dump(mode="json")]
    assert [person_ids(r) for r in link_records(records)] == [{TOKAYEV, WANG}, {TOKAYEV, WANG}]


# ---------------------------------------------------------------------------------------- batches
def _write_folder(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for k, (text, published) in enumerate(FIVE_DOCS + LEES):
        (folder / f"{k:02d}.txt").write_text(f"---\npublished: {published}\n---\n{text}\n", encoding="utf-8")
    return folder


def _ids_by_doc(records: list[dict[str, Any]]) -> dict[str, set[str]]:
    return {r["doc_id"]: person_ids(r) for r in records}


@pytest.fixture(scope="module")
def engine() -> InProcessEngine:
    eng = InProcessEngine(None, batch_size=2)
    _ = eng.extractor.nlp
    return eng


def test_batch_cli_gives_the_same_ids_across_documents(tmp_path: Path) -> None:
    folder = _write_folder(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["batch", str(folder), "-o", str(out), "-b", "2", "-q"])
    assert result.exit_code == 0, result.output
    by_doc = _ids_by_doc(read_jsonl(out))
    assert set().union(*(by_doc[f"{k:02d}.txt"] for k in range(5))) == {TOKAYEV, WANG}
    lee_sgp = by_doc["05.txt"] - {"person:kishida"}
    lee_kor = by_doc["06.txt"] - {"person:kishida"}
    assert len(lee_sgp) == len(lee_kor) == 1 and lee_sgp != lee_kor
    assert "person:kishida" in by_doc["05.txt"] & by_doc["06.txt"]


class _Interrupted(Exception):
    pass


class _StopsAfterOneShard:
    """An engine that dies after its first shard, as a killed run would."""

    def __init__(self, inner: InProcessEngine) -> None:
        self.inner = inner

    def run(self, tasks: Iterator[ShardTask]) -> Iterator[tuple[int, list[Record]]]:
        for k, item in enumerate(self.inner.run(tasks)):
            if k == 1:
                raise _Interrupted
            yield item

    def close(self) -> None:
        pass


def test_resumed_batch_gives_the_ids_of_an_uninterrupted_one(tmp_path: Path, engine: InProcessEngine) -> None:
    folder = _write_folder(tmp_path / "in")
    whole = tmp_path / "whole.jsonl"
    run_batch(BatchConfig([folder], str(whole), batch_size=2), engine=engine)
    resumed = tmp_path / "resumed.jsonl"
    cfg = BatchConfig([folder], str(resumed), batch_size=2)
    with pytest.raises(_Interrupted):
        run_batch(cfg, engine=_StopsAfterOneShard(engine))
    assert not resumed.exists()
    summary = run_batch(cfg, engine=engine)
    assert summary.resumed == 2
    assert _ids_by_doc(read_jsonl(resumed)) == _ids_by_doc(read_jsonl(whole))
    assert set().union(*(_ids_by_doc(read_jsonl(whole)).values())) >= {TOKAYEV, WANG}


def test_batch_to_stdout_links_people_too(tmp_path: Path) -> None:
    folder = _write_folder(tmp_path / "in")
    result = CliRunner().invoke(app, ["batch", str(folder), "-o", "-", "-b", "3"])
    assert result.exit_code == 0, result.output
    records = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    assert set().union(*(person_ids(r) for r in records[:5])) == {TOKAYEV, WANG}
