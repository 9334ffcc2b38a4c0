"""Small input folders for the batch tests. The stories are written for these tests (fictional people)."""

from __future__ import annotations

import json
import os
from pathlib import Path

FRONT_MATTER_TXT = (
    "---\n"
    "published: 2023-02-20\n"
    "url: https://example.org/2023/02/20/lima\n"
    "title: Chilean minister in Lima\n"
    "---\n"
    "LIMA – Chilean Foreign Minister Tomas Vidal arrived in Lima on Monday for a two-day visit focused on "
    "fisheries and a new border crossing.\n\n"
    'Vidal met Peruvian Foreign Minister Rosa Quispe on Monday afternoon. "Our coast is one coast," Vidal '
    "told reporters after the talks.\n"
)

HARBOUR_TXT = (
    "The ferry between Millport and the mainland will run on a reduced timetable next week while the pier "
    "is repaired, the operator said on Friday.\n\n"
    "Passengers were advised to check departure times before travelling.\n"
)

CP1252_TXT = (
    "Austrian Chancellor Lukas Grünwald arrived in Lisbon on Tuesday for talks with Portuguese Prime "
    "Minister Inês Carvalho on energy links across the Pyrenees.\n\n"
    '"Europe needs more cables and fewer excuses," Grünwald said after meeting Carvalho at São Bento.\n'
)

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Irish minister visits Tokyo | Example Times</title>
<meta property="article:published_time" content="2023-10-03T07:00:00+00:00">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Irish minister visits Tokyo</h1>
<p>Irish Foreign Minister Niamh Byrne arrived in Tokyo on Monday for a three-day visit to promote trade
in food and medical devices.</p>
<p>Byrne met Japanese Foreign Minister Kenji Sato on Tuesday. "Ireland wants to be Japan's gateway to
Europe," Byrne said.</p>
</article>
<footer>Example Times. All rights reserved. Sign up for our newsletter.</footer>
</body></html>
"""

WIRE = [
    {
        "id": "wire-1",
        "published": "2023-05-11",
        "text": "Kenyan President James Mwangi will travel to Addis Ababa next week for talks on regional "
        "trade, his office said on Thursday.",
    },
    {
        "published": "May 12, 2023",
        "text": "Brazilian Foreign Minister Ana Costa held a phone call with her Indian counterpart Rohan "
        "Mehta on Friday about a planned summit.",
    },
    {"text": "A new bicycle lane opened along the river on Sunday, the city council said."},
]

DESK = [
    {
        "id": "desk-1",
        "published": "2023-06-02",
        "text": "Greek Prime Minister Nikos Andreou cancelled a planned trip to Cyprus on Friday because of "
        "storms.",
    },
    {"id": "desk-2", "published": "2023-06-02", "body": "This item has no text field."},
]

SINGLE = {
    "id": "single-1",
    "published": "2023-07-07",
    "title": "Ministers meet",
    "text": "Swedish Foreign Minister Karin Berg met Finnish Foreign Minister Mikko Laine in Helsinki on "
    "Friday.",
}

# doc id -> expected error stage (None: extracted)
MIXED_IDS: dict[str, str | None] = {
    "notes/lima-visit.txt": None,
    "plain/harbour.txt": None,
    "plain/vienna-cp1252.txt": None,
    "plain/empty.txt": None,
    "feeds/wire.jsonl:1": "parse",  # wire.jsonl line 1 is broken JSON
    "wire-1": None,  # line 3 (line 2 is blank)
    "feeds/wire.jsonl:4": None,
    "feeds/wire.jsonl:5": None,
    "desk-1": None,
    "desk-2": "parse",
    "single-1": None,
    "pages/tokyo.html": None,
    "broken/binary.txt": "decode",
    "broken/dangling.txt": "read",
}


def write_mixed_folder(root: Path) -> Path:
    """A folder with every input kind and every pre-extraction failure; returns it."""
    for sub in ("notes", "plain", "feeds", "pages", "broken", ".hidden"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    (root / "notes" / "lima-visit.txt").write_text(FRONT_MATTER_TXT, encoding="utf-8")
    (root / "plain" / "harbour.txt").write_text(HARBOUR_TXT, encoding="utf-8")
    (root / "plain" / "vienna-cp1252.txt").write_bytes(CP1252_TXT.encode("cp1252"))
    (root / "plain" / "empty.txt").write_bytes(b"")
    lines = ["{not json at all", ""] + [json.dumps(r, ensure_ascii=False) for r in WIRE]
    (root / "feeds" / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "feeds" / "desk.json").write_text(json.dumps(DESK, indent=1), encoding="utf-8")
    (root / "feeds" / "single.json").write_text(json.dumps(SINGLE), encoding="utf-8")
    (root / "pages" / "tokyo.html").write_text(HTML_PAGE, encoding="utf-8")
    (root / "broken" / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\xff\xfe\x00")
    os.symlink(root / "broken" / "gone.txt", root / "broken" / "dangling.txt")
    (root / "notes" / "ignored.csv").write_text("a,b\n1,2\n", encoding="utf-8")  # unknown suffix: skipped
    (root / ".hidden" / "secret.txt").write_text("never read", encoding="utf-8")
    return root


COUNTRIES = [
    ("Norwegian", "Oslo", "Danish", "Copenhagen"),
    ("Italian", "Rome", "Greek", "Athens"),
    ("Canadian", "Ottawa", "Mexican", "Mexico City"),
    ("Japanese", "Tokyo", "Korean", "Seoul"),
    ("Kenyan", "Nairobi", "Ghanaian", "Accra"),
    ("Polish", "Warsaw", "Czech", "Prague"),
]
FIRST = ["Anna", "Marek", "Sofia", "Lars", "Elena", "Tomas", "Ines", "Jonas", "Maria", "Peter"]
LAST = ["Holm", "Rossi", "Novak", "Berg", "Costa", "Weber", "Silva", "Moreau", "Lund", "Keller"]


def write_many(root: Path, n: int = 60) -> Path:
    """``n`` short news items as .txt files (and one .jsonl of 10), for the kill-and-resume tests."""
    root.mkdir(parents=True, exist_ok=True)
    records = []
    for i in range(n):
        dem, capital, host_dem, host_capital = COUNTRIES[i % len(COUNTRIES)]
        visitor = f"{FIRST[i % 10]} {LAST[(i * 3) % 10]}"
        host = f"{FIRST[(i + 5) % 10]} {LAST[(i * 7 + 1) % 10]}"
        text = (
            f"{dem} Foreign Minister {visitor} arrived in {host_capital} on Monday for a two-day visit. "
            f"{visitor.split()[1]} met {host_dem} Foreign Minister {host} on Tuesday to discuss trade and "
            f'energy. "We agreed on a plan for the next three years," {visitor.split()[1]} said in '
            f"{host_capital}. The minister returns to {capital} on Wednesday."
        )
        if i >= n - 10:
            records.append({"id": f"item-{i:03d}", "published": f"2023-03-{(i % 27) + 1:02d}", "text": text})
        else:
            (root / f"story-{i:03d}.txt").write_text(text + "\n", encoding="utf-8")
    with (root / "feed.jsonl").open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r) + "\n")
    return root
