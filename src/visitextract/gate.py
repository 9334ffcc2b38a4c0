"""Relevance gate: can a document hold a visit, meeting or statement by an official at all?

Most of a news feed is sport, business, weather, science and culture. Tagging and parsing such a
document costs as much as a diplomatic story and yields nothing, so the gate decides on the raw
text, before any spaCy processing, whether the pipeline is worth running. It is built for recall:
it says "not relevant" only when the text names no official, or names one with nothing to do and
nowhere to be. A document is relevant when it names

1. an **official** -- an office phrase of the office taxonomy ("Foreign Minister", "Secretary of
   State", "deputy prime minister"), a diplomatic role or official noun ("ambassador", "envoy",
   "minister", "diplomats", "delegation", "ministry") or a seat of government ("the Kremlin",
   "Downing Street") -- together with a trigger word or a place;
2. a **state body** ("government", "officials", "cabinet", "lawmakers") together with a place *and*
   a trigger word: "Japanese officials said ...";
3. a **generic role** that also heads companies, clubs and newsrooms ("spokesman", "chairman",
   "governor", "director", "commissioner", "chief executive") together with a place *and* a
   diplomatic word ("embassy", "bilateral", "counterpart", "state visit").

Trigger words are those of the rules' lexicon (visit, arrived, met, talks, summit, said, called,
...); places are the gazetteer's countries, blocs, international bodies, demonyms, capitals and
seats of government, matched with their case ("Turkey" the country, not "turkey" the bird).

Cost: one pass of a single-character-class regex (``[^\\W_]+``: no alternation, no nesting, hence
no backtracking) splits the text into words; then each word is one dict lookup in phrase indexes
built once per process from ``Gazetteer.default()`` and ``default_taxonomy()``. Time is linear in
the text: a 400-word article takes about 60 microseconds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from visitextract.loading import built_once
from visitextract.normalize.gazetteer import Gazetteer
from visitextract.normalize.offices import OfficeTaxonomy, default_taxonomy
from visitextract.rules import lexicon as lx

__all__ = ["GateResult", "RelevanceGate", "default_gate", "is_relevant", "words_of"]

# One character class repeated: each character is looked at once, whatever the input.
_WORD = re.compile(r"[^\W_]+")

# Taxonomy phrases whose base (modifiers removed) is a generic role: tier 3, not tier 1.
GENERIC_ROLES = (
    "adviser", "advisor", "chair", "chairman", "chairperson", "chairwoman", "commissioner", "director",
    "governor", "mayor", "secretary", "speaker", "spokesman", "spokesperson", "spokeswoman", "leader", "head",
    "chief executive", "general secretary", "director general", "director-general", "chief of staff",
    "first lady", "vice chair", "vice chairman", "deputy chairman", "deputy chair", "deputy head",
    "deputy speaker", "deputy director",
)  # fmt: skip
# Officials by a noun of their own, beside the taxonomy's phrases.
OFFICIAL_WORDS = (
    "minister", "ministers", "ministry", "ministries", "president", "presidents", "premier", "chancellor",
    "king", "queen", "emir", "sultan", "prince", "princess", "sheikh", "pope", "monarch", "ambassador",
    "ambassadors", "envoy", "envoys", "diplomat", "diplomats", "delegation", "delegations", "taoiseach",
    "negotiator", "negotiators",
    "parliamentarians", "speaker of parliament", "parliament speaker", "speaker of the house",
    "speaker of the",
    "speaker of the national assembly", "head of state", "head of government", "heads of state",
    "heads of government",
)  # fmt: skip
# Heads that are officials when a country or body names them ("the US leader", "the UN chief").
_QUALIFIED_ROLES = frozenset({"leader", "leaders", "chief", "head", "official", "officials"})
# Collective actors of the state: officials only where a place and a trigger say so.
STATE_BODIES = (
    "government", "governments", "cabinet", "presidency", "officials", "official", "lawmakers", "lawmaker",
    "legislators", "senator", "senators", "mp", "mps", "congressman", "congresswoman", "authorities",
)  # fmt: skip
# Words that put a generic role into diplomacy ("the embassy spokesman", "bilateral talks").
DIPLOMATIC_PHRASES = (
    "diplomatic", "diplomacy", "embassy", "embassies", "consulate", "consul", "bilateral", "counterpart",
    "counterparts", "ministry", "foreign affairs", "foreign policy", "state visit", "official visit",
    "working visit",
)  # fmt: skip
# Place entities that locate an official's act; other cities are too often something else.
_PLACE_KINDS = frozenset({"country", "bloc", "organization"})
_PLACE_TYPES = frozenset({"demonym", "demonym_plural", "seat"})


def words_of(text: str) -> list[str]:
    """The words of ``text`` as the gate sees them: runs of letters and digits; the rest splits."""
    return _WORD.findall(text)


def _lower_words(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in words_of(text))


@dataclass(frozen=True, slots=True)
class GateResult:
    """The decision, the first evidence of each signal (``None`` when absent) and the reason."""

    relevant: bool
    official: str | None = None
    trigger: str | None = None
    place: str | None = None
    reason: str = ""


class _PhraseIndex:
    """Phrases keyed by their first word: one dict lookup per word, a few tuple slices on a hit."""

    def __init__(self) -> None:
        self._lengths: dict[str, tuple[int, ...]] = {}
        self._phrases: set[tuple[str, ...]] = set()

    def add(self, phrase: Sequence[str]) -> None:
        key = tuple(phrase)
        if not key:
            return
        self._phrases.add(key)
        lengths = self._lengths.get(key[0], ())
        if len(key) not in lengths:  # most phrases add no new length: nothing to sort
            self._lengths[key[0]] = tuple(sorted((*lengths, len(key)), reverse=True))

    def first(self, tokens: Sequence[str]) -> str | None:
        """The first phrase in ``tokens`` (the longest at its position), joined with spaces."""
        lengths = self._lengths
        phrases = self._phrases
        for i, tok in enumerate(tokens):
            found = lengths.get(tok)
            if found is None:
                continue
            for n in found:
                if n == 1:
                    return tok
                cand = tuple(tokens[i : i + n])
                if cand in phrases:
                    return " ".join(cand)
        return None

    def __len__(self) -> int:
        return len(self._phrases)

    def ends_at(self, tokens: Sequence[str], end: int) -> bool:
        """Whether a phrase ends just before position ``end`` ("US" in "US leader", "United Nations")."""
        for n in range(1, min(end, 4) + 1):
            cand = tuple(tokens[end - n : end])
            if cand in self._phrases:
                return True
        return False


class RelevanceGate:
    """The gate's tables, built once; ``gate(text)`` says whether ``text`` is worth extracting."""

    def __init__(self, gazetteer: Gazetteer | None = None, taxonomy: OfficeTaxonomy | None = None) -> None:
        gazetteer = gazetteer or Gazetteer.default()
        taxonomy = taxonomy or default_taxonomy()
        generic = {_lower_words(p) for p in GENERIC_ROLES}
        modifiers = _by_first_word(
            sorted((_lower_words(m) for m in taxonomy.modifiers), key=len, reverse=True)
        )
        self.officials = _PhraseIndex()
        self.generic = _PhraseIndex()
        # "the diplomat", "the official" only refer to an official named elsewhere: not evidence
        phrases = [p for p, info in taxonomy.iter_phrases() if not info.category.endswith("_ref")]
        phrases += list(taxonomy.roles)
        for phrase in phrases:
            toks = _lower_words(phrase)
            target = self.generic if _strip_modifier(toks, modifiers) in generic else self.officials
            _add_with_plural(target, toks)
        for phrase in OFFICIAL_WORDS:
            self.officials.add(_lower_words(phrase))
        for toks in generic:
            _add_with_plural(self.generic, toks)
        self.bodies = _PhraseIndex()
        for word in STATE_BODIES:
            self.bodies.add((word,))
        self.diplomatic = _PhraseIndex()
        for phrase in DIPLOMATIC_PHRASES:
            self.diplomatic.add(_lower_words(phrase))
        self.triggers = _PhraseIndex()
        for form in _trigger_forms():
            self.triggers.add(_lower_words(form))
        # Heads of state and government named without a title ("Tokayev met Wang in Astana"), from
        # the leaders table; names keep their case.
        from visitextract.normalize.leaders import LeaderIndex

        # A full name counts as an official on its own. A surname alone does not: many leaders'
        # surnames are common names in sport and business news too (Santos, Costa, Moon, Khan).
        self.leaders = _PhraseIndex()
        for leader in LeaderIndex.default().leaders:
            for name in (leader.name, *leader.aliases):
                parts = words_of(name)
                if len(parts) > 1 and parts[0][:1].isupper():
                    self.leaders.add(parts)
        # Places keep their case: "Turkey" is a country, "turkey" a bird; "US" a country, "us" not.
        self.places = _PhraseIndex()
        self.seats = _PhraseIndex()
        for text, is_seat in _place_aliases(gazetteer):
            parts = words_of(text)
            if parts and parts[0].lower() == "the":
                parts = parts[1:]
            if not parts:
                continue
            variants: list[list[str]] = [parts]
            if sum(len(t) for t in parts) > 3:
                variants.append([t.upper() for t in parts])  # datelines: "VILNIUS –", "MEXICO CITY"
            for variant in variants:
                self.places.add(variant)
                if is_seat:
                    self.seats.add(variant)

    def check(self, text: str) -> GateResult:
        """Decide for one raw text and say why."""
        if not text or text.isspace():
            return GateResult(False, reason="empty text")
        tokens = words_of(text)
        lower = [t.lower() for t in tokens]
        trigger = self.triggers.first(lower)
        place = self.places.first(tokens)
        official = (
            self.officials.first(lower)
            or self.seats.first(tokens)
            or self.leaders.first(tokens)
            or self._qualified_role(tokens, lower)
        )
        if official is not None:
            if trigger is not None or place is not None:
                return GateResult(True, official, trigger, place, "official")
            return GateResult(False, official, None, None, "official with nothing to do and nowhere to be")
        if place is None:
            return GateResult(False, None, trigger, None, "no official and no place")
        body = self.bodies.first(lower)
        if body is not None and trigger is not None:
            return GateResult(True, body, trigger, place, "state body")
        role = self.generic.first(lower)
        if role is not None:
            marker = self.diplomatic.first(lower)
            if marker is not None:
                return GateResult(
                    True, role, trigger or marker, place, "generic role in a diplomatic context"
                )
        return GateResult(False, body or role, trigger, place, "no official")

    def _qualified_role(self, tokens: Sequence[str], lower: Sequence[str]) -> str | None:
        """ "the US leader", "the United Nations chief": a generic head named by a country or body."""
        for i, low in enumerate(lower):
            if low in _QUALIFIED_ROLES and i > 0 and self.places.ends_at(tokens, i):
                return f"{tokens[i - 1]} {tokens[i]}"
        return None

    def __call__(self, text: str) -> bool:
        return self.check(text).relevant

    def filter(self, texts: Iterable[str]) -> list[bool]:
        """One decision per text, in order."""
        return [self.check(t).relevant for t in texts]


def _by_first_word(phrases: Iterable[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    """Phrases grouped by their first word, each group in the given order (8,800 taxonomy phrases
    are each tried against only the modifiers that can start them)."""
    groups: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        if phrase:
            groups.setdefault(phrase[0], []).append(phrase)
    return groups


def _strip_modifier(toks: tuple[str, ...], modifiers: dict[str, list[tuple[str, ...]]]) -> tuple[str, ...]:
    """ "former deputy chairman" -> "deputy chairman": the taxonomy puts one modifier in front
    (the longest that fits; ``modifiers`` by first word, longest first)."""
    for mod in modifiers.get(toks[0], ()) if toks else ():
        if len(toks) > len(mod) and toks[: len(mod)] == mod:
            return toks[len(mod) :]
    return toks


def _add_with_plural(index: _PhraseIndex, toks: tuple[str, ...]) -> None:
    index.add(toks)
    if toks and not toks[-1].endswith("s"):
        index.add((*toks[:-1], toks[-1] + "s"))  # "foreign ministers", "envoys"


def _trigger_forms() -> frozenset[str]:
    """Every trigger word of the rules' lexicon: the gate and the rules key on the same words."""
    groups = (
        lx.VISIT_VERBS, lx.ARRIVE_VERBS, lx.DEPART_VERBS, lx.MOTION_VERBS, lx.STAY_VERBS, lx.ATTEND_VERBS,
        lx.HOST_VERBS, lx.VISIT_NOUNS, lx.EVENT_NOUNS, lx.MEET_VERBS, lx.TALK_VERBS, lx.MEETING_NOUNS,
        lx.PHONE_WORDS, lx.VIDEO_WORDS, lx.REPORT_VERBS, lx.CANCEL_WORDS, lx.REFUSE_WORDS,
    )  # fmt: skip
    forms: set[str] = set().union(*groups)
    forms |= {f"{verb} {particle}" for verb, particle in lx.REPORT_PHRASAL}
    forms |= {"according to", "statement", "readout", "communique", "communiqué"}
    return frozenset(forms)


def _place_aliases(gazetteer: Gazetteer) -> set[tuple[str, bool]]:
    """(alias, is a seat of government) for countries, blocs, bodies, demonyms, seats and capitals."""
    out: set[tuple[str, bool]] = set()
    for alias in gazetteer.iter_aliases():
        entity = gazetteer.entities.get(alias.entity_id)
        if entity is None:
            continue
        if (
            entity.kind in _PLACE_KINDS
            or alias.type in _PLACE_TYPES
            or (entity.kind == "city" and entity.capital)
        ):
            out.add((alias.text, alias.type == "seat"))
    return out


@built_once
def default_gate() -> RelevanceGate:
    """The gate over the shipped tables, built on first use and shared by the process."""
    return RelevanceGate()


def is_relevant(text: str) -> bool:
    """Whether ``text`` can hold a visit, meeting or statement by an official (a high-recall check)."""
    return default_gate()(text)
