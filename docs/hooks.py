"""MkDocs hook: pages that include a Markdown file of the repository, and links that leave docs/.

The site reuses the repository's own Markdown instead of copies: ``docs/index.md`` is README.md and
``docs/knowledge-tables.md`` includes models/README.md, through a line ``<!-- include: PATH -->``
(PATH relative to the page). Links are resolved against the file they were written in, so that the
README's ``docs/batch.md`` becomes ``batch.md`` on the site. A link to a file that is no page of
the site (a source file, ``../shared/contract.md``) becomes its path in code: GitHub shows the
Markdown files with working links, the site shows where the file is, and ``mkdocs build --strict``
finds no broken link.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

INCLUDE = re.compile(r"^<!-- include: (\S+) -->$", re.MULTILINE)
# [text](target) and ![alt](image) outside code; absolute URLs are left alone
LINK = re.compile(r"(!?)\[([^\]\n]+)\]\(([^)\s]+)\)")
FENCE = re.compile(r"^(```|~~~)", re.MULTILINE)
# repository files that are pages of the site (the page that includes them)
PAGES = {"README.md": "index.md", "models/README.md": "knowledge-tables.md"}


def _repo(config: Any) -> Path:
    return Path(config["config_file_path"]).resolve().parent


def _rewrite(markdown: str, written_in: Path, page: Path, docs: Path, repo: Path) -> str:
    """Each link of ``markdown`` (written in ``written_in``) as it must read on ``page``."""

    def fix(match: re.Match[str]) -> str:
        bang, text, target = match.group(1), match.group(2), match.group(3)
        if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith(("#", "/")):
            return match.group(0)
        path, _, fragment = target.partition("#")
        anchor = f"#{fragment}" if fragment else ""
        resolved = (written_in.parent / path).resolve()
        rel_repo = Path(os.path.relpath(resolved, repo)).as_posix()
        if rel_repo in PAGES:
            resolved = docs / PAGES[rel_repo]
        try:
            inside = resolved.relative_to(docs)
        except ValueError:
            shown = rel_repo
            return f"{text} (`{shown}`)" if text.strip("`") != shown else f"`{shown}`"
        rel = Path(*([".."] * len(page.parent.relative_to(docs).parts)), inside).as_posix()
        return f"{bang}[{text}]({rel}{anchor})"

    # links inside fenced code blocks are code, not links
    parts = re.split(r"(^(?:```|~~~).*?^(?:```|~~~)[^\n]*$)", markdown, flags=re.MULTILINE | re.DOTALL)
    return "".join(p if FENCE.match(p) else LINK.sub(fix, p) for p in parts)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    docs = Path(config["docs_dir"]).resolve()
    repo = _repo(config)
    source = Path(page.file.abs_src_path).resolve()
    out: list[str] = []
    pos = 0
    for match in INCLUDE.finditer(markdown):
        out.append(_rewrite(markdown[pos : match.start()], source, source, docs, repo))
        included = (source.parent / match.group(1)).resolve()
        out.append(_rewrite(included.read_text(encoding="utf-8"), included, source, docs, repo))
        pos = match.end()
    out.append(_rewrite(markdown[pos:], source, source, docs, repo))
    return "".join(out)
