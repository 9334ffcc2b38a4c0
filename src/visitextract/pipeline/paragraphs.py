"""A blank line ends a sentence: ``visitextract_paragraphs``.

The English parsers were trained on text without paragraph breaks, and they often run a paragraph
on into the next one when the first ends without a full stop or the second opens with a name
("... against both Canada and the EU.\\n\\nJoly, for her part, said ..."): one "sentence" whose root
and subject belong to the first paragraph, so a pronoun in the next sentence finds the wrong
subject. News paragraphs never share a sentence, so this component, placed before the parser, marks
the first token after a blank line as a sentence start, which the parser keeps.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("visitextract_paragraphs", requires=[], assigns=["token.is_sent_start"])
def make_paragraph_marker(nlp: Language, name: str) -> ParagraphMarker:
    """Factory registered as ``visitextract_paragraphs``; add it before ``parser``."""
    return ParagraphMarker(name)


class ParagraphMarker:
    """Marks the token after each blank line (a whitespace token with two line breaks) as the
    start of a sentence."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if doc.has_annotation("DEP"):
            return doc  # parsed already: spaCy refuses to move sentence starts of a parse
        last = len(doc) - 1
        for tok in doc:
            if tok.is_space and tok.i < last and tok.text.count("\n") >= 2:
                doc[tok.i + 1].is_sent_start = True
        return doc
