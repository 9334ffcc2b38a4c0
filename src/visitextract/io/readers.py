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
import glob
import json
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from visitextract.errors import BatchInputError, Errors

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
def discover(inputs: Sequence[str | os.PathLike[str]], *, exclude: Sequence[Path] = ()) -> list[SourceFile]:
    """Expand folders (recursively), globs and files into a sorted, de-duplicated list of inputs.

    Folders and globs keep only files with a known suffix and skip hidden files; a file named
    explicitly is always read (as text when its suffix is unknown). ``exclude`` holds paths (the
    output and its work directory) that must never be read back as input.
    """
    excluded = [Path(os.path.abspath(p)) for p in exclude]
    found: dict[Path, bool] = {}  # path -> named explicitly
    roots: list[Path] = []
    for raw in inputs:
        text = os.fspath(raw)
        path = Path(text)
        if path.is_dir():
            root = Path(os.path.abspath(path))
            roots.append(root)
            for item in _walk(root):
                found.setdefault(item, False)
        elif path.is_file():
            item = Path(os.path.abspath(path))
            roots.append(item.parent)
            found[item] = True
        elif _GLOB_CHARS.search(text):
            matches = sorted(glob.glob(text, recursive=True))
            files = 0
            for match in matches:
                m = Path(os.path.abspath(match))
                if m.is_dir():
                    roots.append(m)
                    for item in _walk(m):
                        found.setdefault(item, False)
                        files += 1
                elif m.is_file():
                    roots.append(m.parent)
                    found.setdefault(m, False)
                    files += 1
            if not files:
                raise BatchInputError(Errors.E012.format(path=text, what="glob matched no file"))
        else:
            raise BatchInputError(Errors.E012.format(path=text, what="no such file or folder"))

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
        rel = item.relative_to(base).as_posix() if item != base else item.name
        try:
            display = item.relative_to(cwd).as_posix()
        except ValueError:
            display = str(item)
        sources.append(SourceFile(path=item, rel=rel, display=display, kind=kind))
    sources.sort(key=lambda s: s.rel)
    return sources


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(dirpath) / name
            if path.suffix.lower() in SUFFIX_KINDS:
                yield path


# ------------------------------------------------------------------------------------- decoding
def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Text and the encoding used: a BOM, else strict UTF-8, else the page's declared charset, else
    charset-normalizer's guess.

    On short texts in a single-byte encoding the guess is often a tie (cp1250, cp1252 and cp1257
    decode "José Ibáñez" with the same score); cp1252 wins ties because it is the legacy encoding
    of most Western news archives, and what browsers read for "latin-1". Raises ``ValueError``
    when the bytes look binary or no encoding fits.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise ValueError("the file contains NUL bytes: it looks binary, not text")
    if declared:
        try:
            return data.decode(declared), codecs.lookup(declared).name
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise ValueError("no text encoding fits these bytes")
    least = min(m.chaos for m in matches)
    if any("cp1252" in m.could_be_from_charset for m in matches if m.chaos <= least + 0.01):
        return data.decode("cp1252"), "cp1252"
    return str(best), best.encoding


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def read_text(path: Path, kind: Kind = "text") -> tuple[str, str]:
    """Decode a file; ``OSError`` means the read stage failed, anything else the decode stage."""
    data = path.read_bytes()
    declared = None
    if kind == "html":
        match = _META_CHARSET.search(data[:4096])
        declared = match.group(1).decode("ascii") if match else None
    return decode_bytes(data, declared)


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
    text = value.strip()
    if re.match(r"\d{4}-\d\d-\d\d", text):
        try:
            return dt.date.fromisoformat(text[:10]).isoformat()
        except ValueError:
            return None
    from dateutil import parser

    try:
        a = parser.parse(text, default=dt.datetime(2000, 1, 1))
        b = parser.parse(text, default=dt.datetime(2001, 2, 2))
    except (ValueError, OverflowError):
        return None
    if a.date() != b.date():
        return None
    return str(a.date().isoformat())


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


def count_documents(src: SourceFile) -> int:
    """How many documents (so how many records) a file gives; must agree with :func:`read_documents`."""
    if src.kind in ("text", "html"):
        return 1
    try:
        text, _ = read_text(src.path)
    except Exception:
        return 1
    if src.kind == "jsonl":
        return len(_jsonl_lines(text))
    try:
        data = json.loads(text) if text.strip() else []
    except ValueError:
        return 1
    return len(data) if isinstance(data, list) else 1


def _jsonl_lines(text: str) -> list[tuple[int, str]]:
    return [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]


def read_documents(src: SourceFile) -> Iterator[InputDoc]:
    """The documents of one file, in order; failures come out as documents with ``error`` set."""
    try:
        text, encoding = read_text(src.path, src.kind)
    except OSError as exc:
        yield _failed(src, "read", Errors.E027.format(file=src.display, reason=exc), exc)
        return
    except Exception as exc:
        yield _failed(src, "decode", Errors.E017.format(file=src.display, reason=exc), exc)
        return
    if src.kind == "text":
        yield _text_doc(src, text, encoding)
    elif src.kind == "html":
        yield _html_doc(src, text, encoding)
    elif src.kind == "jsonl":
        for line_no, line in _jsonl_lines(text):
            doc_id = f"{src.rel}:{line_no}"
            try:
                obj = json.loads(line)
            except ValueError as exc:
                msg = Errors.E018.format(file=src.display, where=f"line {line_no}", reason=exc)
                yield _failed(src, "parse", msg, exc, doc_id=doc_id, line=line_no, encoding=encoding)
                continue
            yield _record_doc(src, obj, encoding, doc_id=doc_id, line=line_no, where=f"line {line_no}")
    else:
        yield from _json_docs(src, text, encoding)


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


def _json_docs(src: SourceFile, text: str, encoding: str) -> Iterator[InputDoc]:
    try:
        data = json.loads(text) if text.strip() else []
    except ValueError as exc:
        yield _failed(
            src,
            "parse",
            Errors.E018.format(file=src.display, where="file", reason=exc),
            exc,
            encoding=encoding,
        )
        return
    if isinstance(data, list):
        for i, obj in enumerate(data):
            where = f"item {i}"
            yield _record_doc(src, obj, encoding, doc_id=f"{src.rel}#{i}", index=i, where=where)
    else:
        yield _record_doc(src, data, encoding, doc_id=src.rel, where="file")


def _record_doc(
    src: SourceFile,
    obj: object,
    encoding: str,
    *,
    doc_id: str,
    where: str,
    line: int | None = None,
    index: int | None = None,
) -> InputDoc:
    if not isinstance(obj, Mapping):
        msg = Errors.E019.format(file=src.display, where=where, got=f"a JSON {_json_type(obj)}")
        return _failed(src, "parse", msg, None, doc_id=doc_id, line=line, index=index, encoding=encoding)
    given = obj.get("id", obj.get("doc_id"))
    if given is not None and not isinstance(given, bool) and str(given).strip():
        doc_id = str(given)
    text = obj.get("text")
    if not isinstance(text, str):
        got = "no 'text' field" if text is None else f"'text' as a JSON {_json_type(text)}"
        msg = Errors.E019.format(file=src.display, where=where, got=got)
        return _failed(src, "parse", msg, None, doc_id=doc_id, line=line, index=index, encoding=encoding)
    url, title = obj.get("url"), obj.get("title")
    doc = InputDoc(
        doc_id=doc_id,
        file=src.display,
        text=text,
        line=line,
        index=index,
        encoding=encoding,
        url=url if isinstance(url, str) and url else None,
        title=title if isinstance(title, str) and title else None,
    )
    _set_published(doc, obj.get("published", obj.get("date")), "record")
    if not text.strip():
        doc.warnings.append(Errors.E029.format(file=f"{src.display} {where}"))
    return doc


def _json_type(value: object) -> str:
    names = {list: "array", dict: "object", str: "string", int: "number", float: "number", bool: "boolean"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _html_doc(src: SourceFile, html: str, encoding: str) -> InputDoc:
    try:
        import trafilatura

        body = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
        # extensive=False: dates from the markup only. The extensive search would take any date in
        # the body text ("talks on 12 March") for the publication date.
        meta = trafilatura.extract_metadata(html, extensive=False)
    except Exception as exc:
        return _failed(src, "parse", Errors.E018.format(file=src.display, where="page", reason=exc), exc)
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
