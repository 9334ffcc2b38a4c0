"""`visitextract evaluate`: the matching rules of docs/evaluation.md, and the scores of a small gold
folder written for this test (our own text), end to end through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from visitextract.cli import app
from visitextract.errors import GoldFormatError
from visitextract.evaluation.devset import PRF, evaluate, load_gold
from visitextract.evaluation.matching import (
    country,
    gold_notation,
    quote_match,
    same_date,
    same_person,
    same_speaker,
)
from visitextract.models import DateRange


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Marcelo Ebrard", "Marcelo Ebrard Casaubon", True),  # a contiguous part
        ("Kassym-Jomart Tokayev", "Kassym-Jomart Tokaev", True),  # a transliteration
        ("Prince Faisal bin Farhan", "Faisal bin Farhan", True),  # an honorific
        ("José Manuel Albares", "Jose Manuel Albares", True),  # accents folded
        ("Barack Obama", "Michelle Obama", False),
        ("Yoon Suk Yeol", "Moon Jae-in", False),
        ("Li", "Li Qiang", False),  # a two-letter part is too weak
        (None, "Wang Yi", False),
    ],
)
def test_same_person(a: str | None, b: str | None, same: bool) -> None:
    assert same_person(a, b) is same


@pytest.mark.parametrize(
    ("gold", "pred", "is_person", "same"),
    [
        ("MEA", "Ministry of External Affairs", False, True),  # an acronym
        ("foreign ministry", "the Mexican foreign ministry", False, True),
        ("Ministry of Defence", "Ministry of Finance", False, False),
        ("Penny Wong", "Wong", True, True),
    ],
)
def test_same_speaker(gold: str, pred: str, is_person: bool, same: bool) -> None:
    assert same_speaker(gold, pred, is_person) is same


@pytest.mark.parametrize(
    ("gold", "pred", "same"),
    [
        ("the two countries would sign a trade pact", "the two countries would sign a trade pact soon", True),
        ("the two countries would sign a trade pact", "a trade pact", False),  # covers too little
        ("trade pact", "the minister spoke for an hour about fishing rights and a trade pact", False),
    ],
)
def test_quote_match(gold: str, pred: str, same: bool) -> None:
    assert quote_match(gold, pred) is same


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        (None, (None, None)),
        (
            DateRange(start="2024-05-01", end="2024-05-31", granularity="month", text="in May"),
            ("2024-05", None),
        ),
        (DateRange(start="2021-01-01", end="2021-12-31", granularity="year", text="in 2021"), (None, None)),
        (
            DateRange(start="2024-05-06", end="2024-05-08", granularity="day", text="May 6-8"),
            ("2024-05-06", "2024-05-08"),
        ),
        # a range over two months stays days: the gold writes it with days too
        (
            DateRange(start="2024-05-30", end="2024-06-02", granularity="day", text="30 May to 2 June"),
            ("2024-05-30", "2024-06-02"),
        ),
    ],
)
def test_predicted_dates_in_gold_notation(
    dates: DateRange | None, expected: tuple[str | None, str | None]
) -> None:
    assert gold_notation(dates) == expected


@pytest.mark.parametrize(
    ("gold", "pred", "same"),
    [
        ("2024-05", "2024-05-17", True),
        ("2024-05", "2024-06-01", False),
        ("2024-05-17", "2024-05-17", True),
        (None, None, True),
        (None, "2024-05-17", False),
    ],
)
def test_same_date(gold: str | None, pred: str | None, same: bool) -> None:
    assert same_date(gold, pred) is same


def test_country_codes_of_other_coders_are_read_as_iso() -> None:
    assert [country(c) for c in ("JAP", "ITL", "CH", "kaz", None)] == ["JPN", "ITA", "CHE", "KAZ", None]


def test_prf_with_nothing_to_find_is_perfect_and_f1_is_harmonic() -> None:
    assert (PRF().precision, PRF().recall) == (1.0, 1.0)
    prf = PRF(tp=3, fp=1, fn=3)
    assert (prf.precision, prf.recall, round(prf.f1, 3)) == (0.75, 0.5, 0.6)


TEXT = (
    "Chilean Foreign Minister Ana Rojas arrived in Tokyo on Monday for a three-day visit to Japan. "
    'Rojas held talks with her Japanese counterpart Kenji Mori on Tuesday. "Our two countries share '
    'a long and friendly history of trade," Rojas told reporters after the talks.'
)
GOLD = {
    "id": "chl-rojas-tokyo",
    "url": None,
    "outlet": "written for the test",
    "published": "2024-05-07",
    "text": TEXT,
    "people": [
        {"name": "Ana Rojas", "office": "Foreign Minister", "country": "CHL"},
        {"name": "Kenji Mori", "office": "Foreign Minister", "country": "JPN"},
    ],
    "visits": [
        {
            "visitor": "Ana Rojas",
            "visitor_country": "CHL",
            "host_country": "JPN",
            "places": ["Tokyo"],
            "start": "2024-05-06",
            "end": "2024-05-08",  # arrived on Monday on a three-day visit (the devset's convention)
            "status": "ongoing",
        }
    ],
    "meetings": [
        {
            "participants": ["Ana Rojas", "Kenji Mori"],
            "date": "2024-05-07",
            "place": "Tokyo",
            "status": "held",
        }
    ],
    "statements": [
        {
            "speaker": "Ana Rojas",
            "quote": "Our two countries share a long and friendly history of trade",
            "direct": True,
        }
    ],
    "aliases": [{"mention": "Chilean", "canonical": "CHL"}, {"mention": "Tokyo", "canonical": "JPN"}],
    "notes": "",
}


def _gold_dir(tmp_path: Path, gold: dict[str, object]) -> Path:
    d = tmp_path / "gold"
    d.mkdir()
    (d / f"{gold['id']}.json").write_text(json.dumps(gold), encoding="utf-8")
    return d


def test_evaluate_scores_a_gold_folder(tmp_path: Path, extractor) -> None:
    report = evaluate(_gold_dir(tmp_path, GOLD), extractor.pipe)
    t = report.total()
    assert (t.visits.tp, t.visits.fp, t.visits.fn) == (1, 0, 0), t.misses
    assert (t.meetings.tp, t.statements.tp, t.people.tp) == (1, 1, 2), t.misses
    assert (t.aliases.hit, t.aliases.total) == (2, 2)
    assert (t.visit_dates.hit, t.visit_status.hit) == (1, 1), t.misses
    assert (t.meeting_dates.hit, t.meeting_dates.total) == (1, 1), t.misses


@pytest.mark.parametrize(("date", "hit"), [("2024-05-07", 1), ("2024-05", 1), ("2024-05-08", 0), (None, 0)])
def test_meeting_date_exactness_on_matched_meetings(tmp_path: Path, extractor, date, hit) -> None:
    """The meeting still matches whatever its date; the date is scored on its own (a month in the
    gold takes any day of it, a null gold date wants none)."""
    gold = {**GOLD, "meetings": [{**GOLD["meetings"][0], "date": date}]}  # type: ignore[dict-item]
    report = evaluate(_gold_dir(tmp_path, gold), extractor.pipe)
    t = report.total()
    assert t.meetings.tp == 1
    assert (t.meeting_dates.hit, t.meeting_dates.total) == (hit, 1), t.misses
    assert any(m.startswith("meeting date") for m in report.articles[0].misses) is (hit == 0)


def test_evaluate_counts_a_wrong_host_as_a_miss_and_a_false_positive(tmp_path: Path, extractor) -> None:
    wrong = {**GOLD, "visits": [{**GOLD["visits"][0], "host_country": "KOR"}]}  # type: ignore[dict-item]
    report = evaluate(_gold_dir(tmp_path, wrong), extractor.pipe)
    v = report.total().visits
    assert (v.tp, v.fp, v.fn) == (0, 1, 1)
    assert any(m.startswith("visit FN Ana Rojas") for m in report.articles[0].misses)


def test_the_cli_prints_the_table_and_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "scores.json"
    result = CliRunner().invoke(app, ["evaluate", str(_gold_dir(tmp_path, GOLD)), "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "TOTAL" in result.output and "chl-rojas-tokyo" in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["total"]["visits"]["f1"] == 1.0


def test_a_gold_file_without_its_fields_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"id": "x", "text": "..."}), encoding="utf-8")
    with pytest.raises(GoldFormatError, match="missing fields"):
        load_gold(bad)


def test_the_accuracy_report_renders_both_gold_folders(tmp_path: Path) -> None:
    from visitextract.evaluation.report import main

    gold = _gold_dir(tmp_path, GOLD)
    (tmp_path / "README.md").write_text("# A tiny gold set\n\nWritten for the test.\n", encoding="utf-8")
    out = tmp_path / "docs" / "accuracy.md"
    main(["--devset", str(gold), "--own", str(gold), "--out", str(out)])
    text = out.read_text(encoding="utf-8")
    assert "## Development set" in text
    assert f"## A tiny gold set (`visitextract evaluate {gold.as_posix()}`)" in text
    assert "| visits | 1.00 | 1.00 | 1.00 | 0.82 |" in text
    data = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert set(data) == {"devset", tmp_path.name}


def test_the_accuracy_report_measures_each_devset_batch(tmp_path: Path) -> None:
    from visitextract.evaluation.report import main

    gold = _gold_dir(tmp_path, GOLD)
    (tmp_path / "batches.tsv").write_text(f"id\tbatch\n{GOLD['id']}\t2\n", encoding="utf-8")
    out = tmp_path / "accuracy.md"
    main(["--devset", str(gold), "--out", str(out)])
    text = out.read_text(encoding="utf-8")
    assert "Batch 2 (1 articles, `batches.tsv`):" in text
    data = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert data["devset_batch_2"]["total"]["visits"]["tp"] == 1


def test_cancelled_predictions_are_not_scored(tmp_path: Path, extractor) -> None:
    # the devset does not record cancelled events: a cancelled prediction is neither right nor wrong
    text = (
        "Chilean Foreign Minister Ana Rojas has cancelled her visit to Japan, her ministry said on Tuesday."
    )
    gold = {**GOLD, "id": "chl-rojas-cancelled", "text": text, "visits": [], "meetings": [], "statements": []}
    gold["people"] = [{"name": "Ana Rojas", "office": "Foreign Minister", "country": "CHL"}]
    gold["aliases"] = []
    report = evaluate(_gold_dir(tmp_path, gold), extractor.pipe)
    t = report.total()
    assert t.unscored_cancelled == 1, t.misses
    assert (t.visits.tp, t.visits.fp, t.visits.fn) == (0, 0, 0), t.misses
    assert "cancelled visits and meetings predicted (not scored) 1" in report.table()


@pytest.mark.parametrize(
    ("gold", "pred", "ok"),
    [
        (("2011", "2011"), ("2011-01-01", "2011-12-31", "year"), True),
        ((None, None), ("2011-01-01", "2011-12-31", "year"), True),
        (("2012", "2012"), ("2011-01-01", "2011-12-31", "year"), False),
        (("2023-02", "2023-02"), ("2023-02-01", "2023-02-28", "month"), True),
        (("2023-02", None), ("2023-02-01", "2023-02-28", "month"), True),
        (("2023-03", None), ("2023-02-01", "2023-02-28", "month"), False),
        (("2024-05-26", "2024-05-28"), ("2024-05-26", "2024-05-28", "day"), True),
        (("2024-05-26", None), ("2024-05-26", "2024-05-28", "day"), False),
        # a week without a day ("next week") is written null, as the devset does
        ((None, None), ("2023-03-27", "2023-04-02", "week"), True),
        (("2023-03-27", "2023-04-02"), ("2023-03-27", "2023-04-02", "week"), False),
    ],
)
def test_visit_dates_in_each_notation_of_the_gold(gold, pred, ok) -> None:
    from visitextract.evaluation.matching import same_visit_dates
    from visitextract.models import DateRange

    dates = DateRange(start=pred[0], end=pred[1], granularity=pred[2], text="x")
    assert same_visit_dates(gold[0], gold[1], dates) is ok
