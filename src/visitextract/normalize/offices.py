"""Office taxonomy: titles as written ("External Affairs Minister") mapped to one normalised office.

The knowledge is data (models/offices/*.csv); this module expands it into phrases once per process
and normalises any office text, so the entity component and the evaluation use the same mapping.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from visitextract.loading import built_once
from visitextract.normalize.gazetteer import models_dir


@dataclass(frozen=True, slots=True)
class OfficeInfo:
    """A normalised office. ``title`` keeps the words as written in the text."""

    office: str
    category: str
    country: str | None = None
    title: str = ""
    former: bool = False
    posting: str | None = None  # the country an ambassador or envoy is posted to ("Ambassador to Japan")

    @property
    def is_minister(self) -> bool:
        return self.category.endswith("_minister") or self.category in {"minister", "deputy_minister"}


# Forms in which a portfolio combines with a role word; {p} is the portfolio phrase.
_PORTFOLIO_FORMS = (
    "{p} minister",
    "minister of {p}",
    "minister for {p}",
    "minister of the {p}",
    "{p} secretary",
    "secretary of {p}",
    "secretary for {p}",
    "secretary of the {p}",
)

# Words that head an institution: an office "X of <institution>" ends after one of these (unless
# the institution continues with "of", "on", "for" or "and").
INSTITUTION_HEADS = frozenset(
    """senate committee parliament assembly council commission ministry office house union
    organisation organization bank fund party government cabinet duma congress chamber majlis
    presidency secretariat court agency department board league forum delegation embassy
    administration service bureau authority federation republic kingdom state states nations
    alliance community conference group senate's forces army navy police guard corps
    enterprises company corporation industries holdings foundation institute university""".split()
)

# Institution words of legislatures: their president or chair is a legislator.
LEGISLATURE_HEADS = frozenset(
    """senate parliament assembly duma congress chamber majlis house senate's""".split()
)

_WS = re.compile(r"\s+")
# Possessive quantifiers and bounds (a name is at most 12 words of at most 60 characters): a match
# attempt reads a bounded stretch, so a title of 50 KB of "A.A.A." is linear, not quadratic.
_POSSESSIVE_COUNTRY = re.compile(r"\b([A-Z][\w.-]{1,60}+(?: [A-Z][\w.-]{1,60}+){0,11}+)['’]s\s+")


@dataclass(frozen=True, slots=True)
class _Modifier:
    text: str
    kind: str


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


class OfficeTaxonomy:
    """Phrases for offices and roles, with their normalised form."""

    def __init__(self, directory: Path | None = None) -> None:
        base = directory or (models_dir() / "offices")
        self.titles: dict[str, OfficeInfo] = {}
        for row in _read_csv(base / "titles.csv"):
            self.titles[row["phrase"]] = OfficeInfo(
                office=row["office"], category=row["category"], country=row["country"] or None
            )
        self.portfolios: dict[str, tuple[str, str]] = {
            row["phrase"]: (row["portfolio"], row["category"]) for row in _read_csv(base / "portfolios.csv")
        }
        self.roles: dict[str, OfficeInfo] = {
            row["phrase"]: OfficeInfo(office=row["role"], category=row["category"])
            for row in _read_csv(base / "roles.csv")
        }
        # What an office "for" is about, beside the portfolios: "High Commissioner for Human Rights".
        topics = base / "topics.csv"
        self.topics: frozenset[str] = frozenset(
            [row["phrase"] for row in _read_csv(topics)] if topics.exists() else []
        ) | frozenset(self.portfolios)
        # Upper-case abbreviations written before a name ("FM Wang Yi", "PM Modi"), matched by case.
        abbreviations = base / "abbreviations.csv"
        self.abbreviations: dict[str, str] = (
            {row["abbreviation"]: row["phrase"] for row in _read_csv(abbreviations)}
            if abbreviations.exists()
            else {}
        )
        # The words a ministry's list of portfolios is made of ("Foreign Affairs, European Union and
        # Cooperation"): where such a list ends, the holder's name begins.
        extra = base / "portfolio_words.csv"
        self.portfolio_words: frozenset[str] = frozenset(
            word
            for phrase in [
                *self.portfolios,
                *self.topics,
                *([r["word"] for r in _read_csv(extra)] if extra.exists() else []),
            ]
            for word in phrase.split()
            if word not in {"and", "the", "of", "for"}
        )
        self.modifiers: dict[str, _Modifier] = {
            row["phrase"]: _Modifier(row["modifier"], row["kind"])
            for row in _read_csv(base / "modifiers.csv")
        }
        # What an office is called in one country or bloc: the EU's "top diplomat" is its High
        # Representative for Foreign Affairs and Security Policy.
        names = base / "national_names.csv"
        self.national_names: dict[tuple[str, str], tuple[str, str]] = (
            {
                (row["country"], row["category"]): (row["office"], row["office_category"])
                for row in _read_csv(names)
            }
            if names.exists()
            else {}
        )
        self._base_phrases: dict[str, OfficeInfo] = dict(self.titles)
        for phrase, (portfolio, category) in self.portfolios.items():
            info = OfficeInfo(office=f"{portfolio} Minister", category=category)
            for form in _PORTFOLIO_FORMS:
                self._base_phrases.setdefault(form.format(p=phrase), info)
        # National variants that read like portfolio forms but mean something else.
        for phrase in ("secretary of state", "chancellor of the exchequer", "treasury secretary"):
            self._base_phrases[phrase] = self.titles[phrase]

    def national_name(self, info: OfficeInfo, country: str | None) -> OfficeInfo:
        """``info`` under the name it has in ``country`` (models/offices/national_names.csv)."""
        named = self.national_names.get((country or "", info.category))
        if named is None or named[0] == info.office:
            return info
        return replace(info, office=named[0], category=named[1])

    def iter_phrases(self) -> Iterator[tuple[str, OfficeInfo]]:
        """Office phrases with and without modifiers ("deputy foreign minister"), lower case."""
        return iter(self._phrases)

    @cached_property
    def _phrases(self) -> tuple[tuple[str, OfficeInfo], ...]:
        # made once: the entity component and the relevance gate both read all ~8,800 at start-up
        out: list[tuple[str, OfficeInfo]] = []
        for phrase, info in self._base_phrases.items():
            out.append((phrase, info))
            for mod_phrase, mod in self.modifiers.items():
                if phrase.startswith(mod_phrase + " "):
                    continue
                out.append((f"{mod_phrase} {phrase}", self._apply_modifier(info, mod)))
        return tuple(out)

    @staticmethod
    def _apply_modifier(info: OfficeInfo, mod: _Modifier) -> OfficeInfo:
        if mod.kind == "former":
            return replace(info, former=True)
        if not mod.text:
            return info
        if mod.kind == "rank":
            category = info.category
            if category.endswith("_minister") or category == "minister":
                category = "deputy_minister"
            elif category == "head_of_government":
                category = "deputy_head_of_government"
            elif category == "head_of_state":
                category = "deputy_head_of_state"
            return replace(info, office=f"{mod.text} {info.office}", category=category)
        return info

    def lookup(self, phrase: str) -> OfficeInfo | None:
        """Normalise an office phrase that is exactly a known title (modifiers allowed)."""
        key = _WS.sub(" ", phrase.strip().lower())
        key = key.removeprefix("the ")
        info = self._base_phrases.get(key)
        if info is not None:
            return info
        for mod_phrase, mod in self.modifiers.items():
            if key.startswith(mod_phrase + " "):
                inner = self._base_phrases.get(key[len(mod_phrase) + 1 :])
                if inner is not None:
                    return self._apply_modifier(inner, mod)
        return None

    def normalize(self, text: str) -> OfficeInfo | None:
        """Normalise office text as written, e.g. a gold annotation or an office span.

        "Minister of Foreign Affairs" -> Foreign Minister; "Deputy Chairman of Kazakhstan's Senate"
        -> "Deputy Chairman of the Senate"; "Chairman of the Senate Foreign Relations Committee" is
        kept as a legislative office. Country words are dropped (the country is a separate field).
        """
        title = _WS.sub(" ", text.strip()).strip(" ,")
        if not title:
            return None
        cleaned = _POSSESSIVE_COUNTRY.sub("the ", title)
        direct = self.lookup(cleaned)
        if direct is not None:
            return replace(direct, title=title)
        lower = cleaned.lower()
        # "Minister of Foreign Affairs of the Republic of Poland": an office of a country named
        # after it is that office, with the country as its own field
        for m_of in re.finditer(r" of (?:the )?", cleaned):
            head, tail = cleaned[: m_of.start()], cleaned[m_of.end() :]
            place = _country_of(tail)
            if place is None:
                continue
            inner = self.lookup(head) or self.normalize(head)
            if inner is not None and inner.country in {None, place}:
                return replace(inner, title=title, country=place)
            break
        # "<role> of/for/to <institution or country>"
        match = re.match(r"^(?:the )?([a-z -]+?) (of|for|to) (.+)$", lower)
        if match:
            role_text, prep, rest = match.groups()
            role = self.lookup(role_text) or self.roles.get(role_text)
            if role is None:
                for mod_phrase, mod in self.modifiers.items():
                    if (
                        role_text.startswith(mod_phrase + " ")
                        and role_text[len(mod_phrase) + 1 :] in self.roles
                    ):
                        role = self._apply_modifier(self.roles[role_text[len(mod_phrase) + 1 :]], mod)
                        break
            if role is not None:
                if prep == "to" or role.category in {"ambassador", "envoy", "spokesperson", "adviser"}:
                    return replace(role, title=title)
                institution = cleaned[len(cleaned) - len(rest) :]
                # "of the Senate", "of Parliament": the article of a body; "of Lagos State",
                # "of Madrid": a proper name as written
                article = bool(re.match(r"^the ", institution, flags=re.IGNORECASE)) or (
                    " " not in institution and institution.lower() in INSTITUTION_HEADS
                )
                institution = re.sub(r"^(?:the )", "", institution, flags=re.IGNORECASE)
                place = _country_of(institution)
                if place is not None:
                    # "President of Kazakhstan", "Secretary-General of NATO": the office, and the
                    # country (or bloc) as its own field
                    return replace(role, title=title, country=role.country or place)
                office_text = f"{_title_case(role.office)} {prep} {'the ' if article else ''}{institution}"
                category = role.category
                last = institution.split()[-1].lower()
                if role.category == "head_of_state" and last in INSTITUTION_HEADS:
                    if "commission" in institution.lower():
                        category = "international"
                    elif last in LEGISLATURE_HEADS:
                        category = "legislator"  # "President of the Senate" chairs a chamber
                    else:
                        category = "official"
                return OfficeInfo(office=office_text, category=category, title=title)
        # Trailing known office inside a longer title: "Communist Party general secretary",
        # "NATO Secretary General", "European Commission President".
        words = lower.split()
        original = cleaned.split()
        for i in range(1, len(words)):
            tail = " ".join(words[i:])
            prefix = " ".join(original[:i])
            if tail in self.roles and words[i - 1] in INSTITUTION_HEADS and words[0] != "the":
                # "<institution> <role>" is "<role> of the <institution>"
                inner = self.normalize(f"{tail} of the {prefix}")
                if inner is not None:
                    return replace(inner, title=title)
            info = self.lookup(tail)
            if info is not None:
                return replace(info, title=title, country=info.country or _country_of(prefix))
        return None


def _country_of(text: str) -> str | None:
    """The country or bloc that ``text`` names ("Kazakhstan", "Kazakh", "NATO", "UN"), if any."""
    from visitextract.normalize.gazetteer import Gazetteer

    gazetteer = Gazetteer.default()
    for alias in gazetteer.lookup(text.strip()):
        entity = gazetteer.entities.get(alias.entity_id)
        if entity is not None and entity.kind in {"country", "bloc"}:
            return entity.country
    return None


def _title_case(text: str) -> str:
    return " ".join(w if w.isupper() else w[:1].upper() + w[1:] for w in text.split())


@built_once
def default_taxonomy() -> OfficeTaxonomy:
    """The built-in taxonomy, loaded once per process."""
    return OfficeTaxonomy()


def same_office(a: str | None, b: str | None) -> bool:
    """Whether two office texts name the same office (used to score people against gold)."""
    if not a or not b:
        return False
    tax = default_taxonomy()
    na, nb = tax.normalize(a), tax.normalize(b)
    if na is None or nb is None:
        return a.strip().lower() == b.strip().lower()
    if na.office.lower() == nb.office.lower():
        return True
    specific = {"official", "other", "leader", "minister", "legislator"}
    return na.category == nb.category and na.category not in specific
