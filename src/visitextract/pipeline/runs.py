"""Pathological runs of punctuation, symbols or emoji, capped before spaCy's tokenizer sees them.

spaCy's tokenizer splits a prefix or suffix off a whitespace-free chunk one character at a time and
searches the rest again each time, so a chunk made of affix characters costs time quadratic in its
length: a sentence followed by 5,000 ``"`` (or emoji, or ``(``) takes 2 s, 20,000 take 39 s.
Letters, digits and runs of characters that are not affixes (``-----``, ``.....``) are linear.

:func:`cap_runs` finds the runs of characters that are neither word characters nor whitespace and
are at least :data:`RUN_LIMIT` long, keeps their first :data:`RUN_KEEP` characters and replaces the
rest, character for character, with ``x``: one long word that the tokenizer passes over in linear
time. The replacement keeps the length, so every token of the capped text stands at the same
offsets as in the original; :class:`RunCappingTokenizer` then rebuilds the Doc from the *original*
characters at those offsets, so ``doc.text`` is the input exactly and every span and offset the
rules produce slices the original text. Texts without such a run (every news article) are tokenized
as they are, unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Runs shorter than this are left alone: 64 affix characters cost ~0.3 ms, and rules ("-----",
# "*****", "....") of up to a line's width tokenize as they always did.
RUN_LIMIT = 64
RUN_KEEP = 16
# One character class repeated (no alternation, no nesting): each character is looked at once.
_RUN = re.compile(rf"[^\w\s]{{{RUN_LIMIT},}}")


def cap_runs(text: str) -> str:
    """``text`` with every run of >= RUN_LIMIT non-word, non-space characters capped; the same
    object when there is none. The result has the same length as ``text``."""
    if _RUN.search(text) is None:
        return text
    return _RUN.sub(lambda m: m.group()[:RUN_KEEP] + "x" * (len(m.group()) - RUN_KEEP), text)


class RunCappingTokenizer:
    """Wraps a spaCy tokenizer: tokenizes the capped text, returns a Doc of the original text."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        capped = cap_runs(text)
        doc = self.tokenizer(capped)
        if capped is text:
            return doc
        from spacy.tokens import Doc

        words = [text[t.idx : t.idx + len(t.text)] for t in doc]
        spaces = [bool(t.whitespace_) for t in doc]
        return Doc(doc.vocab, words=words, spaces=spaces)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        # add_special_case, rules, to_bytes ...: the wrapped tokenizer's
        if name == "tokenizer":
            raise AttributeError(name)
        return getattr(self.tokenizer, name)
