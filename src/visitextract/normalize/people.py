"""People across documents: one id for one person, however each document names them.

Each document's extraction already groups the mentions of one person ("Kazakh President Kassym-Jomart
Tokayev ... Tokayev ... the president"); :class:`PersonRegistry` links those per-document records
across a batch. A person record is matched against the people registered so far:

* **full names** (two or more name words) match a registered name when the words agree one by one
  (case, accents and hyphens aside; transliterations such as Tokaev/Tokayev by rapidfuzz), or when
  one name is a run of at least two words of the other ("Marcelo Ebrard" / "Marcelo Ebrard
  Casaubon"); the countries must not conflict, except for the very same full name (the rules'
  country is wrong more often than two officials share a full name);
* **one name word** ("Tokayev", "Mr Lee", "Xi") links only when exactly one registered person of a
  compatible country and office carries that word: two registered Lees (Singapore, Korea) keep an
  unplaced "Mr Lee" apart from both;
* **an unnamed office holder** ("the Kazakh president", a ``role:`` record) links only when exactly one
  registered person holds that kind of office for that country, seen within a year of the document.

The first document that names a person fixes the canonical id (its ``person:<slug>``) and name;
later documents only add name variants. Two records of one document never share an id. The result
depends only on the order of the documents, so the same documents in the same order always give
the same ids. The registry is plain data (``to_dict``/``from_dict``, JSON), never pickled.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from visitextract.errors import Errors, KnowledgeTableError

if TYPE_CHECKING:
    from visitextract.models import Extraction

__all__ = ["PersonRef", "PersonRegistry", "link_people", "link_records"]

REGISTRY_VERSION = 1
# Transliterations of one name word: Tokaev/Tokayev (92), Zelensky/Zelenskyy (94). Words shorter
# than FUZZY_MIN_LEN must be equal: Un/Il, Lee/Li are different people.
FUZZY_WORD_RATIO = 85.0
FUZZY_MIN_LEN = 5
# An unnamed office holder is linked to a named one seen at most this far from the document's date.
ROLE_WINDOW_DAYS = 365
_HEADS = frozenset({"head_of_state", "head_of_government", "leader"})
_GENERIC = frozenset({"official", "other"})
# Name particles and honorifics: not words that tell two people apart.
# fmt: off
_PARTICLES = frozenset((
    "bin", "bint", "ibn", "al", "el", "de", "da", "di", "van", "von", "der", "den", "du", "le", "la",
    "del", "dos", "das", "abu", "ben", "ter", "zu", "y", "mr", "mrs", "ms", "dr",
))
# fmt: on
_SPLIT = re.compile(r"[\s\-‐‑–]+")


@dataclass(frozen=True, slots=True)
class PersonRef:
    """What the registry needs of one person record of one document."""

    id: str
    name: str
    country: str | None = None
    office_category: str | None = None
    named: bool = True


@dataclass
class _Entry:
    id: str
    name: str
    variants: list[tuple[str, ...]]
    countries: dict[str, int]  # country -> documents that gave it (the rules' countries can be wrong)
    categories: list[str]
    first: str | None = None  # earliest and latest publication date (YYYY-MM-DD) of its documents
    last: str | None = None

    @property
    def country(self) -> str | None:
        """The country most documents gave (the first seen on a tie)."""
        if not self.countries:
            return None
        top = max(self.countries.values())
        return next(c for c, n in self.countries.items() if n == top)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "variants": [list(v) for v in self.variants],
            "country": self.country,
            "countries": dict(self.countries),
            "categories": list(self.categories),
            "first": self.first,
            "last": self.last,
        }


class PersonRegistry:
    """People seen so far in a batch, and the index that finds them by name word."""

    def __init__(self) -> None:
        self.entries: list[_Entry] = []
        self._taken: set[str] = set()  # every id handed out (entries and unlinked records)
        self._by_word: dict[str, set[int]] = {}  # name word -> entries
        self._by_prefix: dict[str, set[int]] = {}  # first 3 letters of a long word -> entries
        self._blocs: frozenset[str] | None = None

    # ------------------------------------------------------------------------------ public
    def link_document(
        self, people: Sequence[PersonRef], published: str | None = None, *, learn: bool = True
    ) -> dict[str, str]:
        """Canonical ids for the person records of one document: ``{record id: canonical id}``.

        Full names are linked first, then single name words, then unnamed office holders, so that
        "Tokayev" in a document that also names "Kassym-Jomart Tokayev" sees the full name's entry.
        ``learn=False`` only looks up: the registry gains no person and no name variant from this
        document, and a person it cannot place gets a batch-unique id.
        """
        mapping: dict[str, str] = {}
        claimed: set[int] = set()
        order = sorted(
            range(len(people)), key=lambda k: (not people[k].named, len(_words(people[k].name)) < 2, k)
        )
        for k in order:
            ref = people[k]
            if ref.id in mapping:
                continue
            if not ref.named:
                mapping[ref.id] = self._link_role(ref, published, claimed)
                continue
            words = _words(ref.name)
            if not words:
                mapping[ref.id] = self._unlinked(ref)
                continue
            index = self._find(words, ref, claimed)
            if index is None and not learn:
                mapping[ref.id] = self._unlinked(ref)
                continue
            if index is None:
                index = self._register(words, ref, published, fresh=not self._any_candidate(words, ref))
                if index is None:
                    mapping[ref.id] = self._unlinked(ref)
                    continue
            elif learn:
                self._learn(index, words, ref, published)
            claimed.add(index)
            mapping[ref.id] = self.entries[index].id
        return mapping

    def get(self, person_id: str) -> dict[str, Any] | None:
        """The registered person with this canonical id (name, variants, country), or None."""
        for entry in self.entries:
            if entry.id == person_id:
                return entry.as_dict()
        return None

    def __len__(self) -> int:
        return len(self.entries)

    def to_dict(self) -> dict[str, Any]:
        """Plain data (JSON-able) from which :meth:`from_dict` rebuilds the same registry."""
        return {
            "version": REGISTRY_VERSION,
            "entries": [e.as_dict() for e in self.entries],
            "taken": sorted(self._taken),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PersonRegistry:
        """Rebuild a registry saved with :meth:`to_dict`; malformed data raises ``KnowledgeTableError``."""
        registry = cls()
        try:
            if data.get("version") != REGISTRY_VERSION:
                raise ValueError(f"version {data.get('version')!r}, expected {REGISTRY_VERSION}")
            for row in data["entries"]:
                entry = _Entry(
                    id=str(row["id"]),
                    name=str(row["name"]),
                    variants=[tuple(str(w) for w in v) for v in row["variants"]],
                    countries={str(c): int(n) for c, n in row["countries"].items()},
                    categories=[str(c) for c in row.get("categories", [])],
                    first=row.get("first"),
                    last=row.get("last"),
                )
                registry.entries.append(entry)
                index = len(registry.entries) - 1
                registry._taken.add(entry.id)
                for variant in entry.variants:
                    registry._index(index, variant)
            registry._taken.update(str(t) for t in data.get("taken", []))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise KnowledgeTableError(Errors.E032.format(reason=f"{type(exc).__name__}: {exc}")) from exc
        return registry

    # ------------------------------------------------------------------------------ matching
    def _candidates(self, words: tuple[str, ...]) -> set[int]:
        found: set[int] = set()
        for w in words:
            found |= self._by_word.get(w, set())
            if len(w) >= FUZZY_MIN_LEN:
                found |= self._by_prefix.get(w[:3], set())
        return found

    def _find(self, words: tuple[str, ...], ref: PersonRef, claimed: set[int]) -> int | None:
        """The entry this named person is, or None (not seen, or not sure)."""
        exact: list[int] = []
        strong: list[tuple[float, int]] = []
        weak: set[int] = set()
        for index in sorted(self._candidates(words)):
            if index in claimed:
                continue
            entry = self.entries[index]
            if len(words) >= 2 and words in entry.variants:
                # the same full name: a conflicting country is more often the rules' mistake than
                # a namesake official
                exact.append(index)
                continue
            if not self._country_ok(entry, ref.country):
                continue
            best = 0.0
            for variant in entry.variants:
                if len(words) >= 2 and len(variant) >= 2:
                    best = max(best, _full_match(words, variant))
                elif _word_in(words, variant) and _office_ok(entry.categories, ref.office_category):
                    weak.add(index)
            if best > 0:
                strong.append((best, index))
        if exact:
            return self._best_country(exact, ref.country)
        if strong:
            top = max(score for score, _ in strong)
            closest = [index for score, index in strong if score == top]
            # the closest name; two people who fit equally well ("Kim Jong") are not guessed between
            return closest[0] if len(closest) == 1 else None
        if len(weak) == 1:
            return next(iter(weak))
        return None

    def _best_country(self, indices: list[int], country: str | None) -> int:
        """Among entries with this very name, the one of this country, else the first registered."""
        for index in indices:
            if country and country in self.entries[index].countries:
                return index
        return indices[0]

    def _any_candidate(self, words: tuple[str, ...], ref: PersonRef) -> bool:
        """Whether some registered person could be this one (then an unlinked name is not registered)."""
        for index in self._candidates(words):
            entry = self.entries[index]
            if self._country_ok(entry, ref.country) and any(_word_in(words, v) for v in entry.variants):
                return True
        return False

    def _link_role(self, ref: PersonRef, published: str | None, claimed: set[int]) -> str:
        """ "the Kazakh president": the one registered holder of that office in that country."""
        category = ref.office_category
        if not ref.country or not category or not _unique_office(category):
            return ref.id
        found = [
            i
            for i, e in enumerate(self.entries)
            if i not in claimed
            and e.country == ref.country
            and any(_same_office(category, c) for c in e.categories)
            and _near(published, e.first, e.last)
        ]
        if len(found) != 1:
            return ref.id
        claimed.add(found[0])
        return self.entries[found[0]].id

    # ------------------------------------------------------------------------------ updating
    def _register(
        self, words: tuple[str, ...], ref: PersonRef, published: str | None, *, fresh: bool
    ) -> int | None:
        """A new entry, unless a lone name word could be one of several registered people."""
        if len(words) < 2 and not fresh:
            return None
        entry = _Entry(
            id=self._new_id(ref),
            name=ref.name,
            variants=[words],
            countries={ref.country: 1} if ref.country and not self._is_bloc(ref.country) else {},
            categories=[ref.office_category] if ref.office_category else [],
            first=published,
            last=published,
        )
        self.entries.append(entry)
        index = len(self.entries) - 1
        self._index(index, words)
        return index

    def _learn(self, index: int, words: tuple[str, ...], ref: PersonRef, published: str | None) -> None:
        entry = self.entries[index]
        if words not in entry.variants:
            entry.variants.append(words)
            self._index(index, words)
        if ref.country and not self._is_bloc(ref.country):
            entry.countries[ref.country] = entry.countries.get(ref.country, 0) + 1
        if ref.office_category and ref.office_category not in entry.categories:
            entry.categories.append(ref.office_category)
        if published:
            entry.first = min(filter(None, [entry.first, published]))
            entry.last = max(filter(None, [entry.last, published]))

    def _index(self, index: int, words: tuple[str, ...]) -> None:
        for w in words:
            self._by_word.setdefault(w, set()).add(index)
            if len(w) >= FUZZY_MIN_LEN:
                self._by_prefix.setdefault(w[:3], set()).add(index)

    def _new_id(self, ref: PersonRef) -> str:
        """The document's id if free, else with the country, else numbered: never one already used."""
        base = ref.id
        options = [base]
        if ref.country:
            options.append(f"{base}-{ref.country.lower()}")
        options += [f"{base}-{n}" for n in range(2, 2 + len(self._taken) + 1)]
        for option in options:
            if option not in self._taken:
                self._taken.add(option)
                return option
        raise AssertionError("unreachable: more options than ids taken")

    def _unlinked(self, ref: PersonRef) -> str:
        """A person the registry cannot place: a batch-unique id, but no entry."""
        return self._new_id(ref)

    # ------------------------------------------------------------------------------ guards
    def _is_bloc(self, code: str | None) -> bool:
        if not code:
            return False
        if self._blocs is None:
            from visitextract.normalize.gazetteer import Gazetteer

            entities = Gazetteer.default().entities
            self._blocs = frozenset(e.country for e in entities.values() if e.kind == "bloc" and e.country)
        return code in self._blocs

    def _country_ok(self, entry: _Entry, seen: str | None) -> bool:
        """The country was given for this person before, or one side has none, or it is a bloc (a
        NATO official also has a nationality)."""
        if not entry.countries or seen is None or seen in entry.countries:
            return True
        return self._is_bloc(seen)


# ---------------------------------------------------------------------------------------- helpers
def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _words(name: str) -> tuple[str, ...]:
    """Name words, folded: "Kassym-Jomart Tokayev" -> ("kassym", "jomart", "tokayev")."""
    out = []
    for part in _SPLIT.split(_fold(name)):
        word = part.strip(".,'’")
        if word and word not in _PARTICLES:
            out.append(word)
    return tuple(out)


def _word_same(a: str, b: str) -> float:
    """100 for the same word, the ratio for a close transliteration, 0 otherwise."""
    if a == b:
        return 100.0
    if len(a) == 1 or len(b) == 1:
        return 90.0 if a[:1] == b[:1] else 0.0  # an initial: "S Jaishankar"
    if min(len(a), len(b)) < FUZZY_MIN_LEN or a[0] != b[0]:
        return 0.0
    ratio = float(fuzz.ratio(a, b))
    return ratio if ratio >= FUZZY_WORD_RATIO else 0.0


def _full_match(words: tuple[str, ...], variant: tuple[str, ...]) -> float:
    """How well two names of two or more words match (0: not the same person)."""
    if len(words) == len(variant):
        scores = [_word_same(a, b) for a, b in zip(words, variant, strict=True)]
        if all(scores) and sum(s == 100.0 for s in scores) >= 1:
            return sum(scores) / len(scores)
    short, long = (words, variant) if len(words) < len(variant) else (variant, words)
    if len(short) == len(long):
        return 0.0
    for i in range(len(long) - len(short) + 1):
        scores = [_word_same(a, b) for a, b in zip(short, long[i : i + len(short)], strict=True)]
        if all(scores) and any(s == 100.0 for s in scores):
            return 80.0  # "Marcelo Ebrard" in "Marcelo Ebrard Casaubon"; "Jomart Tokaev"
    return 0.0


def _word_in(words: tuple[str, ...], variant: tuple[str, ...]) -> bool:
    """One side is a single word that the other name carries ("Tokayev" / "Kassym-Jomart Tokaev")."""
    if len(words) == 1:
        return any(_word_same(words[0], w) >= FUZZY_WORD_RATIO and len(w) > 1 for w in variant)
    if len(variant) == 1:
        return any(_word_same(variant[0], w) >= FUZZY_WORD_RATIO and len(w) > 1 for w in words)
    return False


def _family(category: str) -> str:
    if category in _HEADS:
        return "head"
    if category == "minister" or category.endswith("_minister"):
        return "minister"
    return category


def _office_ok(registered: Sequence[str], seen: str | None) -> bool:
    """Offices do not rule the link out: unknown, generic, the same, or both heads or ministers."""
    if not seen or not registered:
        return True
    return any(_offices_compatible(r, seen) for r in registered)


def _offices_compatible(a: str, b: str) -> bool:
    if a == b or a in _GENERIC or b in _GENERIC:
        return True
    if _family(a) != _family(b):
        return False
    return _family(a) == "head" or "minister" in {a, b}


def _unique_office(category: str) -> bool:
    """Offices that one person holds per country at a time (there are many ambassadors)."""
    return category in _HEADS or (category.endswith("_minister") and category != "deputy_minister")


def _same_office(role: str, registered: str) -> bool:
    if role == "leader":
        return registered in _HEADS
    return role == registered


def _near(published: str | None, first: str | None, last: str | None) -> bool:
    if not published or not first or not last:
        return True
    try:
        day = dt.date.fromisoformat(published)
        lo, hi = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    except ValueError:
        return True
    window = dt.timedelta(days=ROLE_WINDOW_DAYS)
    return lo - window <= day <= hi + window


# ---------------------------------------------------------------------------------------- records
def _record_refs(record: Mapping[str, Any]) -> list[PersonRef]:
    """Every distinct person of an Extraction's JSON, in the order of ``people`` then records."""
    seen: dict[str, PersonRef] = {}

    def add(person: Any) -> None:
        if not isinstance(person, Mapping) or person.get("type", "person") != "person":
            return
        pid = person.get("id")
        if isinstance(pid, str) and pid not in seen:
            seen[pid] = PersonRef(
                id=pid,
                name=str(person.get("name") or ""),
                country=person.get("country"),
                office_category=person.get("office_category"),
                named=bool(person.get("named", True)),
            )

    for person in record.get("people") or ():
        add(person)
    for visit in record.get("visits") or ():
        add(visit.get("visitor"))
    for meeting in record.get("meetings") or ():
        for person in meeting.get("participants") or ():
            add(person)
    for statement in record.get("statements") or ():
        add(statement.get("speaker"))
    return list(seen.values())


def _rewrite(record: MutableMapping[str, Any], mapping: Mapping[str, str]) -> None:
    def fix(person: Any) -> None:
        if isinstance(person, MutableMapping) and person.get("type", "person") == "person":
            pid = person.get("id")
            if isinstance(pid, str) and pid in mapping:
                person["id"] = mapping[pid]

    for person in record.get("people") or ():
        fix(person)
    for visit in record.get("visits") or ():
        fix(visit.get("visitor"))
    for meeting in record.get("meetings") or ():
        for person in meeting.get("participants") or ():
            fix(person)
    for statement in record.get("statements") or ():
        fix(statement.get("speaker"))
    for mention in record.get("mentions") or ():
        if mention.get("kind") == "person" and mention.get("entity_id") in mapping:
            mention["entity_id"] = mapping[mention["entity_id"]]


def link_record(record: MutableMapping[str, Any], registry: PersonRegistry) -> MutableMapping[str, Any]:
    """Rewrite the person ids of one Extraction's JSON (a batch record) in place, and return it.

    A gated record (no records were looked for, so its people have no office or country) is only
    looked up: its people take the id of a registered person they match, and add none, so that a
    name in sports news ("Jason Lee") cannot keep an official's surname met later ("Mr Lee" of
    Singapore) from linking."""
    refs = _record_refs(record)
    if refs:
        learn = not record.get("gated")
        _rewrite(record, registry.link_document(refs, record.get("published"), learn=learn))
    return record


def link_records(
    records: Iterable[MutableMapping[str, Any]], registry: PersonRegistry | None = None
) -> Iterator[MutableMapping[str, Any]]:
    """:func:`link_record` over a stream of records, in order, with one registry."""
    registry = registry if registry is not None else PersonRegistry()
    for record in records:
        yield link_record(record, registry)


def link_people(
    extractions: Iterable[Extraction], registry: PersonRegistry | None = None
) -> Iterator[Extraction]:
    """The same Extractions with ``Person.id`` linked across them: the same person, the same id.

    Ids are rewritten everywhere a person appears (people, visitors, participants, speakers, person
    mentions); nothing else changes. Gated Extractions are only looked up (see :func:`link_record`).
    Pass a registry to continue linking across several calls.
    """
    from visitextract.models import Extraction

    registry = registry if registry is not None else PersonRegistry()
    for extraction in extractions:
        data = extraction.model_dump(mode="json")
        refs = _record_refs(data)
        if not refs:
            yield extraction
            continue
        mapping = registry.link_document(refs, data.get("published"), learn=not extraction.gated)
        if all(old == new for old, new in mapping.items()):
            yield extraction
            continue
        _rewrite(data, mapping)
        yield Extraction.model_validate(data)
