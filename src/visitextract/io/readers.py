"""Input documents for ``visitextract batch``: find files, split them into documents, decode them.

A batch must never stop on one bad file, so nothing here raises for a file's content: a file that
cannot be read, decoded or parsed yields an :class:`InputDoc` whose ``error`` says which stage failed.
Only command-line mistakes (an input path that does not exist) raise, before any work starts.

Formats: ``.txt``/``.text``/``.md`` (one document, optional front matter), ``.json`` (an object or a
list of objects), ``.jsonl``/``.ndjson`` (one object a line) and ``.html``/``.htm`` (main text through
trafilatura, publication date from the page metadata).
"""

from __future__ import annotations

import codecs
import datetime as dt
import fnmatch
import glob
import json
import os
import re
import stat
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Literal

from visitextract.errors import BatchInputError, Errors
from visitextract.limits import DEFAULT_MAX_CHARS, MAX_JSON_DEPTH, max_bytes

Stage = Literal["read", "decode", "parse", "extract", "write"]
Kind = Literal["text", "json", "jsonl", "html"]

SUFFIX_KINDS: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
}
_GLOB_CHARS = re.compile(r"[*?\[]")
_SURROGATES = re.compile("[\ud800-\udfff]")
_FRONT_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s?(.*)$")
_FRONT_MAX_LINES = 50
# Byte-order marks decide the encoding before any guessing.
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


@dataclass(frozen=True)
class SourceFile:
    """One input file. ``rel`` (relative to the inputs' common folder) is the stem of its doc ids."""

    path: Path
    rel: str
    display: str
    kind: Kind
    warnings: tuple[str, ...] = ()  # [E041] for a file name that is not UTF-8


@dataclass(frozen=True)
class RecordKeys:
    """Which fields of a JSON / JSON Lines record hold the text, the id and the publication date
    (``--text-key``, ``--id-key``, ``--date-key``); the first field present wins."""

    text: str = "text"
    id: tuple[str, ...] = ("id", "doc_id")
    date: tuple[str, ...] = ("published", "date")

    @classmethod
    def of(cls, text: str | None = None, id: str | None = None, date: str | None = None) -> RecordKeys:
        """Keys from the command-line options (``None``: the default fields)."""
        d = cls()
        return cls(text or d.text, (id,) if id else d.id, (date,) if date else d.date)


DEFAULT_KEYS = RecordKeys()


def _first(obj: Mapping[str, Any], keys: Sequence[str]) -> Any:
    for key in keys:
        if obj.get(key) is not None:
            return obj[key]
    return None


@dataclass(frozen=True)
class DocError:
    stage: Stage
    message: str
    type: str


@dataclass
class InputDoc:
    """A document ready for extraction, or the error that kept it from getting there."""

    doc_id: str
    file: str
    text: str | None = None
    line: int | None = None
    index: int | None = None
    published: str | None = None
    published_from: str | None = None
    url: str | None = None
    title: str | None = None
    encoding: str | None = None
    offset: int = 0
    warnings: list[str] = field(default_factory=list)
    error: DocError | None = None

    def to_payload(self) -> dict[str, Any]:
        """Plain JSON-able data: what crosses to worker processes (never pickled objects of ours)."""
        return {
            "doc_id": self.doc_id,
            "text": self.text,
            "published": self.published,
            "source": {
                "file": self.file,
                "line": self.line,
                "index": self.index,
                "url": self.url,
                "title": self.title,
                "encoding": self.encoding,
                "published_from": self.published_from,
                "offset": self.offset,
                "warnings": list(self.warnings),
            },
            "error": None
            if self.error is None
            else {"stage": self.error.stage, "message": self.error.message, "type": self.error.type},
        }


# ------------------------------------------------------------------------------------ discovery
@dataclass
class DiscoveryReport:
    """What :func:`discover` left out, so that a batch can say so instead of succeeding silently."""

    skipped: dict[str, int] = field(default_factory=dict)  # suffix -> files not read (unknown suffix)
    skipped_examples: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)  # "folder (reason)" that could not be listed
    empty_inputs: list[str] = field(default_factory=list)  # folders that hold no file to read

    @property
    def n_skipped(self) -> int:
        return sum(self.skipped.values())

    def skip(self, path: Path) -> None:
        suffix = path.suffix.lower() or "(no suffix)"
        self.skipped[suffix] = self.skipped.get(suffix, 0) + 1
        if len(self.skipped_examples) < 3:
            self.skipped_examples.append(_shown(path))


def _shown(path: Path) -> str:
    """A path as the user sees it: relative to the working directory when below it, with the bytes
    of a name that is not UTF-8 as ``\\xNN`` (printing a surrogate escape to a strict UTF-8 stream
    raised UnicodeEncodeError after the output was written)."""
    try:
        shown = path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        shown = str(path)
    return printable_path(shown)


def _glob_base(pattern: str) -> Path:
    """The folder part of a glob before its first wildcard: ``archive/**/*.html`` -> ``archive``."""
    parts = Path(pattern).parts
    fixed: list[str] = []
    for part in parts:
        if _GLOB_CHARS.search(part):
            break
        fixed.append(part)
    return Path(os.path.abspath(Path(*fixed) if fixed else Path.cwd()))


def discover(
    inputs: Sequence[str | os.PathLike[str]],
    *,
    exclude: Sequence[Path] = (),
    root: str | os.PathLike[str] | None = None,
    report: DiscoveryReport | None = None,
) -> list[SourceFile]:
    """Expand folders (recursively), globs and files into a sorted, de-duplicated list of inputs.

    Folders and globs keep only files with a known suffix and skip hidden files; a file named
    explicitly is always read (as text when its suffix is unknown). ``exclude`` holds paths (the
    output and its work directory) that must never be read back as input. A file reached by several
    paths (symlinks, a symlinked folder, hard links) is one input, under the first path in sorted
    order; a symlink loop is walked once. Anything that exists and is not a folder is an input, so
    that a pipe or a device named ``x.txt`` gives an error record ([E040]) rather than vanishing.
    Doc ids are paths relative to ``root``; by default the common folder of the inputs, where a
    folder counts as itself, a file as its folder and a glob as its folder part, so that
    ``archive/`` and ``'archive/**/*.html'`` give a file the same id. ``report`` (if given)
    collects the files skipped for their suffix and the folders that could not be read.
    """
    report = report if report is not None else DiscoveryReport()
    excluded = [Path(os.path.abspath(p)) for p in exclude]
    found: dict[Path, bool] = {}  # path -> named explicitly
    roots: list[Path] = []
    for raw in inputs:
        text = os.fspath(raw)
        path = Path(text)
        if path.is_dir():
            folder = Path(os.path.abspath(path))
            roots.append(folder)
            before = len(found)
            for item in _walk(folder, report):
                found.setdefault(item, False)
            if len(found) == before:
                report.empty_inputs.append(printable_path(text))
        elif path.exists():
            item = Path(os.path.abspath(path))
            roots.append(item.parent)
            found[item] = True
        elif _GLOB_CHARS.search(text):
            roots.append(_glob_base(text))
            files, skipped = 0, report.n_skipped
            for match in sorted(_glob(text)):
                m = Path(os.path.abspath(match))
                if m.is_dir():
                    for item in _walk(m, report):
                        found.setdefault(item, False)
                        files += 1
                elif m.exists() or m.is_symlink():
                    if m.suffix.lower() not in SUFFIX_KINDS:
                        report.skip(m)
                        continue
                    found.setdefault(m, False)
                    files += 1
            if not files:
                what = "glob matched no file"
                if report.n_skipped > skipped:
                    kinds = ", ".join(sorted(report.skipped))
                    what = f"glob matched only files of suffixes that are not read ({kinds})"
                raise BatchInputError(Errors.E012.format(path=text, what=what))
        else:
            raise BatchInputError(Errors.E012.format(path=text, what="no such file or folder"))

    if root is not None:
        base = Path(os.path.abspath(root))
    else:
        base = Path(os.path.commonpath([str(r) for r in roots])) if roots else Path.cwd()
    cwd = Path.cwd()
    sources: list[SourceFile] = []
    for item, explicit in found.items():
        if any(item == ex or ex in item.parents for ex in excluded):
            continue
        kind = SUFFIX_KINDS.get(item.suffix.lower())
        if kind is None:
            if not explicit:
                continue
            kind = "text"
        if item != base and base not in item.parents:
            raise BatchInputError(Errors.E056.format(path=_shown(item), root=root))
        rel = item.relative_to(base).as_posix() if item != base else item.name
        try:
            display = item.relative_to(cwd).as_posix()
        except ValueError:
            display = str(item)
        warnings: tuple[str, ...] = ()
        if not _encodable(rel) or not _encodable(display):
            # a name in another encoding than UTF-8 (Latin-1 "\xe9"): Python holds its bytes as lone
            # surrogates, which no UTF-8 output can take; ids and messages show them as \xNN
            rel, display = printable_path(rel), printable_path(display)
            warnings = (Errors.E041.format(file=display),)
        sources.append(SourceFile(path=item, rel=rel, display=display, kind=kind, warnings=warnings))
    sources.sort(key=lambda s: s.rel)
    return _distinct_files(sources)


def _encodable(text: str) -> bool:
    return text.isascii() or _SURROGATES.search(text) is None


def _printable(text: str) -> str:
    """A JSON string that UTF-8 can hold: lone surrogates written as ``\\udXXX``."""
    return text if _encodable(text) else text.encode("utf-8", "backslashreplace").decode("utf-8")


def printable_path(name: str) -> str:
    """A file name that UTF-8 can hold: undecodable bytes (surrogate escapes) written as ``\\xNN``."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _distinct_files(sources: list[SourceFile]) -> list[SourceFile]:
    """The first of several paths to the same file (device and inode): one file, one id."""
    seen: set[tuple[int, int]] = set()
    out: list[SourceFile] = []
    for src in sources:
        try:
            st = src.path.stat()
        except OSError:  # dangling symlink, unreadable: kept, it becomes an error record
            out.append(src)
            continue
        key = (st.st_dev, st.st_ino)
        if not stat.S_ISREG(st.st_mode):  # two names of one device are two error records
            out.append(src)
        elif key not in seen:
            seen.add(key)
            out.append(src)
    return out


def _walk(root: Path, report: DiscoveryReport) -> Iterator[Path]:
    """The files below ``root`` with a known suffix (the others counted in ``report``); symlinked
    folders are not followed."""

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else root
        report.unreadable.append(f"{_shown(where)} ({exc.strerror or exc})")

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(dirpath) / name
            if path.suffix.lower() in SUFFIX_KINDS:
                yield path
            else:
                report.skip(path)


def _glob(pattern: str) -> list[str]:
    """``glob.glob(pattern, recursive=True)``, but a ``**`` walks each folder once.

    The standard glob follows symlinked folders under ``**`` without noticing loops: a folder that
    links to its parent gave the same file 41 times (until the path grew too long), and two such
    links give exponentially many paths. Here each folder (device and inode) is entered once.
    """
    parts = pattern.replace(os.sep, "/").split("/")
    if "**" not in parts:
        return glob.glob(pattern)
    lead = 0
    while lead < len(parts) - 1 and not _GLOB_CHARS.search(parts[lead]):
        lead += 1
    root = "/".join(parts[:lead]) or "/" if lead else "."
    prefix = root.rstrip("/") + "/" if lead else ""  # glob's results start as the pattern does
    pats = [p for p in parts[lead:] if p != ""]

    def step(states: frozenset[int], name: str) -> frozenset[int]:
        nxt = set()
        for j in states:
            if j >= len(pats):
                continue
            if pats[j] == "**":
                if not name.startswith("."):
                    nxt.add(j)
            elif _component_matches(name, pats[j]):
                nxt.add(j + 1)
        return _close(nxt)

    def _close(states: set[int]) -> frozenset[int]:
        todo, out = list(states), set(states)
        while todo:
            j = todo.pop()
            if j < len(pats) and pats[j] == "**" and j + 1 not in out:
                out.add(j + 1)
                todo.append(j + 1)
        return frozenset(out)

    start = _close({0})
    results: list[str] = [prefix] if len(pats) in start and prefix else []  # "gl/**" matches "gl/"
    visited: set[tuple[int, int]] = set()
    stack: list[tuple[str, str, frozenset[int]]] = [(root, prefix, start)]
    while stack:
        folder, shown, states = stack.pop()
        try:
            st = os.stat(folder)
            entries = sorted(os.scandir(folder), key=lambda e: e.name, reverse=True)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) in visited:
            continue
        visited.add((st.st_dev, st.st_ino))
        for entry in entries:
            nxt = step(states, entry.name)
            if not nxt:
                continue
            if len(pats) in nxt:
                results.append(shown + entry.name)
            try:
                is_dir = entry.is_dir()  # follows symlinks, as glob does
            except OSError:
                is_dir = False
            if is_dir and any(j < len(pats) for j in nxt):
                stack.append((entry.path, shown + entry.name + "/", nxt))
    return results


def _component_matches(name: str, pat: str) -> bool:
    if not _GLOB_CHARS.search(pat):
        return name == pat
    if name.startswith(".") and not pat.startswith("."):
        return False  # as glob: wildcards do not match hidden names
    return fnmatch.fnmatchcase(name, pat)


# ------------------------------------------------------------------------------------- reading
class FileRefused(OSError):
    """A file not read: not a regular file, or larger than one document may be (stage "read")."""


_FILE_TYPES = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def read_file(path: Path, limit: int | None = None) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; ``FileRefused`` otherwise.

    The type is checked before the file is opened (a FIFO would block the open or the read forever,
    a symlink to /dev/zero never ends), and again on the open file (it may have been swapped); the
    read itself stops at ``limit + 1`` bytes whatever the size said.
    """
    _check_regular(os.stat(path), path)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        _check_regular(st, path)
        if limit is not None and st.st_size > limit:
            raise FileRefused(Errors.E045.format(file=path.name, size=st.st_size, limit=limit))
        data = fh.read() if limit is None else fh.read(limit + 1)
    if limit is not None and len(data) > limit:
        raise FileRefused(Errors.E045.format(file=path.name, size=len(data), limit=limit))
    return data


def _check_regular(st: os.stat_result, path: Path) -> None:
    if stat.S_ISREG(st.st_mode):
        return
    what = next((name for test, name in _FILE_TYPES if test(st.st_mode)), "not a regular file")
    raise FileRefused(Errors.E040.format(file=printable_path(str(path)), what=what))


# ------------------------------------------------------------------------------------- decoding
def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Text and the encoding used (see :func:`decode_text`, which also says what was guessed)."""
    text, encoding, _ = decode_text(data, declared)
    return text, encoding


def decode_text(
    data: bytes, declared: str | None = None, file: str = "the file"
) -> tuple[str, str, list[str]]:
    """Text, the encoding used, and warnings ([E042]) when the encoding was not certain.

    Order: a BOM; UTF-16 or UTF-32 without a BOM (told by where the NUL bytes of ASCII characters
    fall); strict UTF-8; the page's declared charset; UTF-8 with a few damaged bytes (when its valid
    multi-byte sequences outnumber the invalid bytes, the invalid ones become U+FFFD); else
    charset-normalizer's guess. On short texts in a single-byte encoding the guess is often a tie
    (cp1250, cp1252 and cp1257 decode "José Ibáñez" with the same score); cp1252 wins ties because
    it is the legacy encoding of most Western news archives, and what browsers read for "latin-1".
    Everything after strict UTF-8 (and a declared charset) is a guess, and says so in a warning.
    Raises ``ValueError`` when the bytes look binary or no encoding fits.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding, []
    if b"\x00" in data:
        wide = _sniff_wide(data)
        if wide is not None:
            how = f"{wide.upper()} without a byte-order mark, told by its NUL bytes"
            return data.decode(wide), wide, [Errors.E042.format(file=file, encoding=wide, how=how)]
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise ValueError("the file contains NUL bytes: it looks binary, not text")
    if declared:
        try:
            return data.decode(declared), codecs.lookup(declared).name, []
        except (LookupError, UnicodeDecodeError):
            pass
    damaged = _damaged_utf8(data)
    if damaged is not None:
        text, bad = damaged
        how = f"UTF-8 with {bad} invalid byte sequence{'s' if bad > 1 else ''} replaced by U+FFFD"
        return text, "utf-8", [Errors.E042.format(file=file, encoding="utf-8", how=how)]
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise ValueError("no text encoding fits these bytes")
    least = min(m.chaos for m in matches)
    if any("cp1252" in m.could_be_from_charset for m in matches if m.chaos <= least + 0.01):
        how = "a guess: cp1252 wins ties between single-byte encodings"
        return data.decode("cp1252"), "cp1252", [Errors.E042.format(file=file, encoding="cp1252", how=how)]
    how = "a guess by charset-normalizer"
    return str(best), best.encoding, [Errors.E042.format(file=file, encoding=best.encoding, how=how)]


def _sniff_wide(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` or ``utf-32-le``/``-be`` for BOM-less text mostly in ASCII, else None.

    ASCII in UTF-16LE puts a NUL at every odd byte and none at the even ones; UTF-32 three NULs in
    four. The whole file must then decode strictly and be printable text.
    """
    sample = data[:8192]
    if len(sample) < 8:
        return None
    candidates = []
    for width in (4, 2):
        n = len(sample) // width * width
        if n == 0:
            continue
        columns = [sample[k:n:width].count(0) / (n // width) for k in range(width)]
        if width == 2:
            if columns[1] > 0.3 and columns[0] < 0.05:
                candidates.append("utf-16-le")
            elif columns[0] > 0.3 and columns[1] < 0.05:
                candidates.append("utf-16-be")
        else:
            if min(columns[1:]) > 0.9 and columns[0] < 0.05:
                candidates.append("utf-32-le")
            elif min(columns[:3]) > 0.9 and columns[3] < 0.05:
                candidates.append("utf-32-be")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        head = text[:4096]
        printable = sum(1 for ch in head if ch.isprintable() or ch in "\n\r\t")
        if head and printable >= 0.95 * len(head):
            return encoding
    return None


def _damaged_utf8(data: bytes) -> tuple[str, int] | None:
    """(text, invalid sequences) when ``data`` is UTF-8 with a few bad bytes, else None."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    good = sum(1 for ch in text if ch > "\x7f") - text.count("\ufffd")
    return (text, bad) if good > 2 * bad else None


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def read_text(path: Path, kind: Kind = "text", limit: int | None = None) -> tuple[str, str]:
    """Decode a file; ``OSError`` means the read stage failed, anything else the decode stage."""
    text, encoding, _ = _read_decoded(path, kind, limit)
    return text, encoding


def _read_decoded(
    path: Path, kind: Kind, limit: int | None, file: str = "the file"
) -> tuple[str, str, list[str]]:
    data = read_file(path, limit)
    declared = None
    if kind == "html":
        match = _META_CHARSET.search(data[:4096])
        declared = match.group(1).decode("ascii") if match else None
    return decode_text(data, declared, file)


def loads_bounded(text: str, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """``json.loads`` for JSON nested at most ``max_depth`` deep; ``ValueError`` otherwise.

    The standard parser recurses once per level and raised RecursionError at ~1,000 levels; the
    depth is measured first, in one linear pass that skips over strings.
    """
    depth = 0
    pos = 0
    search, string_end = _JSON_STRUCTURE.search, _JSON_STRING_REST.match
    while True:
        found = search(text, pos)
        if found is None:
            break
        char = found.group()
        if char == '"':
            end = string_end(text, found.end())
            if end is None:  # an unterminated string: json.loads says where
                break
            pos = end.end()
            continue
        pos = found.end()
        if char in "[{":
            depth += 1
            if depth > max_depth:
                raise ValueError(f"nested deeper than {max_depth} levels at character {found.start()}")
        else:
            depth -= 1
    try:
        return json.loads(text)
    except RecursionError as exc:  # pragma: no cover - the depth check comes first
        raise ValueError(f"nested too deeply ({exc})") from exc


_JSON_STRUCTURE = re.compile(r'[\[\]{}"]')
# The rest of a JSON string after its opening quote: runs of plain characters and escapes (each
# character read once, no nested quantifier over the same characters).
_JSON_STRING_REST = re.compile(r'[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)


# ---------------------------------------------------------------------------------------- dates
def parse_date(value: object) -> str | None:
    """``YYYY-MM-DD`` for a complete date (any format python-dateutil reads), else ``None``.

    Incomplete dates ("December 2022") are refused instead of being filled with today's day or
    month: the date is parsed against two different defaults and must come out the same.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    from visitextract.normalize.dates import PUBLISHED_MAX, PUBLISHED_MIN, parse_iso_date

    text = value.strip()
    day: dt.date | None
    if re.match(r"\d{4}-\d\d-\d\d", text):
        # an ISO date, or an ISO datetime's day; "2022-12-06garbage" is not read as 2022-12-06
        day = parse_iso_date(text)
    else:
        from dateutil import parser

        try:
            a = parser.parse(text, default=dt.datetime(2000, 1, 1))
            b = parser.parse(text, default=dt.datetime(2001, 2, 2))
        except (ValueError, OverflowError):
            return None
        day = a.date() if a.date() == b.date() else None
    if day is None or not PUBLISHED_MIN <= day <= PUBLISHED_MAX:
        return None  # the rules cannot reckon relative dates from 9999-12-31 ([E035])
    return day.isoformat()


def _set_published(doc: InputDoc, value: object, origin: str) -> None:
    if value is None or value == "":
        return
    parsed = parse_date(value)
    if parsed is None:
        doc.warnings.append(Errors.E020.format(value=value, origin=origin))
    else:
        doc.published, doc.published_from = parsed, origin


# ----------------------------------------------------------------------------------- per format
def split_front_matter(text: str) -> tuple[dict[str, str], str, int]:
    """(fields, body, body offset) of a text that starts with a ``---`` block of ``key: value`` lines.

    Anything else at the top (a ``---`` rule followed by prose, no closing line) is body text: a
    story must not lose its first paragraph because it looked like front matter.
    """
    if not text.startswith("---"):
        return {}, text, 0
    lines = text.splitlines(keepends=True)
    if lines[0].rstrip("\r\n") != "---":
        return {}, text, 0
    fields: dict[str, str] = {}
    offset = len(lines[0])
    for line in lines[1 : _FRONT_MAX_LINES + 1]:
        offset += len(line)
        stripped = line.strip()
        if stripped == "---":
            return fields, text[offset:], offset
        if not stripped or stripped.startswith("#"):
            continue
        match = _FRONT_KEY.match(stripped)
        if match is None:
            return {}, text, 0
        fields[match.group(1).lower()] = _unquote(match.group(2).strip())
    return {}, text, 0


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def count_documents(src: SourceFile, max_chars: int | None = DEFAULT_MAX_CHARS) -> int:
    """How many documents (so how many records) a file gives; always :func:`read_documents`' count.

    A text or HTML file is one document without being read; JSON and JSON Lines files are read (a
    JSON Lines file as a stream of lines, in bounded memory).
    """
    if src.kind in ("text", "html"):
        return 1
    if src.kind == "jsonl":  # one per non-blank line: the lines are not decoded or parsed
        return sum(1 for _ in _jsonl_docs(src, max_bytes(max_chars), parse=False))
    return sum(1 for _ in read_documents(src, max_chars=max_chars))


def read_documents(
    src: SourceFile, max_chars: int | None = DEFAULT_MAX_CHARS, keys: RecordKeys = DEFAULT_KEYS
) -> Iterator[InputDoc]:
    """The documents of one file, in order; failures come out as documents with ``error`` set.

    Every file gives at least one document: an empty file, a JSON Lines file of blank lines and an
    empty JSON list give one error record ([E037]) rather than nothing.
    """
    limit = max_bytes(max_chars)
    if src.kind == "jsonl":
        docs: Iterator[InputDoc] = _jsonl_docs(src, limit, keys=keys)
    else:
        try:
            text, encoding, warnings = _read_decoded(src.path, src.kind, limit, src.display)
        except OSError as exc:
            yield _read_failed(src, exc)
            return
        except Exception as exc:
            yield _failed(src, "decode", Errors.E017.format(file=src.display, reason=exc), exc)
            return
        if src.kind == "text":
            docs = iter([_text_doc(src, text, encoding)])
        elif src.kind == "html":
            docs = iter([_html_doc(src, text, encoding)])
        else:
            docs = _json_docs(src, text, encoding, keys)
        docs = _with_warnings(docs, warnings)
    yield from _with_warnings(docs, list(src.warnings))


def _with_warnings(docs: Iterator[InputDoc], warnings: Sequence[str]) -> Iterator[InputDoc]:
    for doc in docs:
        doc.warnings[:0] = [w for w in warnings if w not in doc.warnings]
        yield doc


def _read_failed(src: SourceFile, exc: OSError, **where: Any) -> InputDoc:
    if isinstance(exc, FileRefused):  # the message is the documented one ([E040], [E045])
        return _failed(src, "read", str(exc), exc, **where)
    reason = printable_path(str(exc))
    return _failed(src, "read", Errors.E027.format(file=src.display, reason=reason), exc, **where)


# JSON whitespace is space, tab, CR and LF only: a line of other characters is not blank, it is an
# error ("\u00a0" alone is not JSON).
_JSON_BLANK = b" \t\r\n"


def _jsonl_docs(
    src: SourceFile, limit: int | None, parse: bool = True, keys: RecordKeys = DEFAULT_KEYS
) -> Iterator[InputDoc]:
    """The documents of a JSON Lines file, read as a stream of lines split on "\n" only.

    ``str.splitlines`` also splits at U+2028, U+2029, U+0085 and other separators, which a JSON
    string may hold raw (``json.dumps(..., ensure_ascii=False)`` writes them): one document became
    two broken ones. A line longer than one document may be is skipped unread, as an error record.
    A file in UTF-16 or UTF-32 (rare for JSON Lines) is decoded whole, then split the same way.
    Every non-blank line gives one document; ``parse=False`` (for counting them) skips decoding
    and parsing and yields placeholders.
    """
    try:
        _check_regular(os.stat(src.path), src.path)
        fh = open(src.path, "rb")  # noqa: SIM115 - closed below, also when the consumer stops early
    except OSError as exc:
        yield _read_failed(src, exc)
        return
    any_doc = False
    try:
        _check_regular(os.fstat(fh.fileno()), src.path)
        head = fh.read(8192)
        fh.seek(0)
        wide = next((enc for bom, enc in _BOMS if head.startswith(bom) and enc != "utf-8-sig"), None)
        wide = wide or (_sniff_wide(head) if b"\x00" in head else None)
        lines = _wide_lines(fh, wide, limit) if wide else _byte_lines(fh, limit, src.display)
        for line_no, raw in lines:
            doc_id = f"{src.rel}:{line_no}"
            if isinstance(raw, OSError):
                any_doc = True
                yield _read_failed(src, raw, doc_id=doc_id, line=line_no)
                continue
            if isinstance(raw, UnicodeDecodeError):
                any_doc = True
                yield _failed(src, "decode", Errors.E017.format(file=src.display, reason=raw), raw)
                continue
            if isinstance(raw, bytes):
                if not raw.strip(_JSON_BLANK):
                    continue
                if not parse:
                    any_doc = True
                    yield InputDoc(doc_id=doc_id, file=src.display, line=line_no)
                    continue
                warnings: list[str] = []
                try:
                    line, encoding = raw.decode("utf-8"), "utf-8"
                except UnicodeDecodeError:
                    try:
                        line, encoding, warnings = decode_text(raw, None, f"{src.display} line {line_no}")
                    except ValueError as exc:
                        any_doc = True
                        msg = Errors.E017.format(file=f"{src.display} line {line_no}", reason=exc)
                        yield _failed(src, "decode", msg, exc, doc_id=doc_id, line=line_no)
                        continue
            else:
                line, encoding, warnings = raw, wide or "utf-8", []
                if not line.strip(" \t\r\n"):
                    continue
                if not parse:
                    any_doc = True
                    yield InputDoc(doc_id=doc_id, file=src.display, line=line_no)
                    continue
            any_doc = True
            try:
                obj = loads_bounded(line)
            except ValueError as exc:
                msg = Errors.E018.format(file=src.display, where=f"line {line_no}", reason=exc)
                yield _failed(src, "parse", msg, exc, doc_id=doc_id, line=line_no, encoding=encoding)
                continue
            where = f"line {line_no}"
            doc = _record_doc(src, obj, encoding, doc_id=doc_id, line=line_no, where=where, keys=keys)
            doc.warnings[:0] = warnings
            yield doc
    except OSError as exc:
        any_doc = True
        yield _read_failed(src, exc)
    finally:
        fh.close()
    if not any_doc:
        msg = Errors.E037.format(file=src.display, what="no line holds a record", expected=_EXPECTED)
        yield _failed(src, "parse", msg, None)


_EXPECTED = "JSON objects with a 'text' string: one per line in .jsonl, an object or a list of them in .json"


def _byte_lines(fh: Any, limit: int | None, label: str) -> Iterator[tuple[int, bytes | OSError]]:
    """(line number, line) split on b"\n" only; a line over ``limit`` bytes is skipped unread."""
    line_no = 0
    while True:
        raw = fh.readline() if limit is None else fh.readline(limit + 1)
        if not raw:
            return
        line_no += 1
        if line_no == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if limit is not None and len(raw) > limit and not raw.endswith(b"\n"):
            size = len(raw)
            while raw and not raw.endswith(b"\n"):  # skip to the end of the line, a block at a time
                raw = fh.readline(1 << 20)
                size += len(raw)
            refused = FileRefused(Errors.E045.format(file=f"{label} line {line_no}", size=size, limit=limit))
            yield line_no, refused
            continue
        yield line_no, raw


def _wide_lines(
    fh: Any, encoding: str, limit: int | None
) -> Iterator[tuple[int, str | OSError | UnicodeDecodeError]]:
    data = fh.read() if limit is None else fh.read(limit + 1)
    if limit is not None and len(data) > limit:
        yield 1, FileRefused(Errors.E045.format(file="this JSON Lines file", size=len(data), limit=limit))
        return
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        yield 1, exc
        return
    if text.startswith("\ufeff"):
        text = text[1:]
    yield from enumerate(text.split("\n"), start=1)


def _failed(
    src: SourceFile,
    stage: Stage,
    message: str,
    exc: BaseException | None = None,
    *,
    doc_id: str | None = None,
    line: int | None = None,
    index: int | None = None,
    encoding: str | None = None,
) -> InputDoc:
    kind = type(exc).__name__ if exc is not None else "ValueError"
    return InputDoc(
        doc_id=doc_id or src.rel,
        file=src.display,
        line=line,
        index=index,
        encoding=encoding,
        error=DocError(stage=stage, message=message, type=kind),
    )


def _text_doc(src: SourceFile, text: str, encoding: str) -> InputDoc:
    fields, body, offset = split_front_matter(text)
    doc = InputDoc(
        doc_id=fields.get("id") or src.rel,
        file=src.display,
        text=body,
        encoding=encoding,
        offset=offset,
        url=fields.get("url") or None,
        title=fields.get("title") or None,
    )
    _set_published(doc, fields.get("published") or fields.get("date"), "front_matter")
    if not body.strip():
        doc.warnings.append(Errors.E029.format(file=src.display))
    return doc


def _json_docs(
    src: SourceFile, text: str, encoding: str, keys: RecordKeys = DEFAULT_KEYS
) -> Iterator[InputDoc]:
    if not text.strip():
        msg = Errors.E037.format(file=src.display, what="an empty file", expected=_EXPECTED)
        yield _failed(src, "parse", msg, None, encoding=encoding)
        return
    try:
        data = loads_bounded(text)
    except ValueError as exc:
        yield _failed(
            src,
            "parse",
            Errors.E018.format(file=src.display, where="file", reason=exc),
            exc,
            encoding=encoding,
        )
        return
    if data == []:
        msg = Errors.E037.format(file=src.display, what="an empty JSON list", expected=_EXPECTED)
        yield _failed(src, "parse", msg, None, encoding=encoding)
    elif isinstance(data, list):
        for i, obj in enumerate(data):
            where = f"item {i}"
            yield _record_doc(src, obj, encoding, doc_id=f"{src.rel}#{i}", index=i, where=where, keys=keys)
    else:
        yield _record_doc(src, data, encoding, doc_id=src.rel, where="file", keys=keys)


def _record_doc(
    src: SourceFile,
    obj: object,
    encoding: str,
    *,
    doc_id: str,
    where: str,
    line: int | None = None,
    index: int | None = None,
    keys: RecordKeys = DEFAULT_KEYS,
) -> InputDoc:
    if not isinstance(obj, Mapping):
        msg = Errors.E019.format(file=src.display, where=where, got=f"a JSON {_json_type(obj)}")
        return _failed(src, "parse", msg, None, doc_id=doc_id, line=line, index=index, encoding=encoding)
    warnings: list[str] = []
    given = _first(obj, keys.id)
    if isinstance(given, str | int | float) and not isinstance(given, bool) and str(given).strip():
        doc_id = str(given)
        if not _encodable(doc_id):  # "bad-\ud800": no UTF-8 output could hold it
            warnings.append(Errors.E044.format(value=_printable(doc_id), file=src.display, where=where))
            doc_id = _printable(doc_id)
    text = obj.get(keys.text)
    if not isinstance(text, str):
        got = f"no {keys.text!r} field" if text is None else f"{keys.text!r} as a JSON {_json_type(text)}"
        msg = Errors.E019.format(file=src.display, where=where, got=got)
        failed = _failed(src, "parse", msg, None, doc_id=doc_id, line=line, index=index, encoding=encoding)
        failed.warnings.extend(warnings)
        return failed
    url, title = obj.get("url"), obj.get("title")
    doc = InputDoc(
        doc_id=doc_id,
        file=src.display,
        text=text,
        line=line,
        index=index,
        encoding=encoding,
        url=_printable(url) if isinstance(url, str) and url else None,
        title=_printable(title) if isinstance(title, str) and title else None,
        warnings=warnings,
    )
    _set_published(doc, _first(obj, keys.date), "record")
    if not text.strip():
        doc.warnings.append(Errors.E029.format(file=f"{src.display} {where}"))
    return doc


def _json_type(value: object) -> str:
    names = {list: "array", dict: "object", str: "string", int: "number", float: "number", bool: "boolean"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


# libxml2 stops building the tree at 256 nested elements ("Excessive depth in document"), so the
# text inside them was lost; pages that deep are flattened to this depth first.
HTML_MAX_DEPTH = 200


def _too_deep(html: str) -> bool:
    """Whether libxml2 (which trafilatura parses with) refuses the nesting of this page."""
    import lxml.html

    parser = lxml.html.HTMLParser(recover=True)
    try:
        lxml.html.document_fromstring(html, parser=parser)
    except Exception:  # an empty or broken page: trafilatura decides
        return False
    return any("depth" in e.message.lower() for e in parser.error_log)


class _Flattener(HTMLParser):
    """Re-emits a page without the tags of elements nested deeper than ``HTML_MAX_DEPTH``; every
    piece of text, comment and shallower tag is written back as it came."""

    VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # open elements: (tag, its tags kept)
        self.depth = 0  # open elements whose tags are kept

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kept = self.depth < HTML_MAX_DEPTH
        if kept:
            self.out.append(self.get_starttag_text() or f"<{tag}>")
        if tag not in self.VOID:
            self.stack.append((tag, kept))
            self.depth += kept

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth < HTML_MAX_DEPTH:
            self.out.append(self.get_starttag_text() or f"<{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][0] == tag:  # closes it and whatever was left open inside it
                for open_tag, kept in reversed(self.stack[k:]):
                    if kept:
                        self.out.append(f"</{open_tag}>")
                        self.depth -= 1
                del self.stack[k:]
                return

    def handle_data(self, data: str) -> None:
        self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")


def flatten_deep_html(html: str) -> str:
    """``html`` with no element nested deeper than ``HTML_MAX_DEPTH``: the text stays, in order."""
    flattener = _Flattener()
    flattener.feed(html)
    flattener.close()
    return "".join(flattener.out)


def _html_doc(src: SourceFile, html: str, encoding: str) -> InputDoc:
    try:
        import trafilatura

        if _too_deep(html):
            html = flatten_deep_html(html)

        body = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
        # extensive=False: dates from the markup only. The extensive search would take any date in
        # the body text ("talks on 12 March") for the publication date.
        meta = trafilatura.extract_metadata(html, extensive=False)
    except Exception as exc:
        return _failed(src, "parse", Errors.E059.format(file=src.display, reason=exc), exc)
    doc = InputDoc(
        doc_id=src.rel,
        file=src.display,
        text=body or "",
        encoding=encoding,
        url=getattr(meta, "url", None) or None,
        title=getattr(meta, "title", None) or None,
    )
    _set_published(doc, getattr(meta, "date", None), "html_meta")
    if not (body or "").strip():
        doc.warnings.append(Errors.E029.format(file=src.display))
    return doc
