"""Run every fenced block of README.md and docs/*.md, and regenerate the outputs they show.

    python tests/docblocks.py            # check: exit 1 and a list of what drifted
    python tests/docblocks.py --update   # rewrite every shown output in place (make docs-outputs)

tests/test_docs.py runs the check. Why a runner of our own rather than a doc-test plugin: the docs mix
shell and Python blocks that build on one another (a batch writes out.duckdb, the next block queries
it), and the outputs they show must be *regenerated* by one command when the extraction rules change;
pytest-markdown-docs and phmdoctest only run Python, and sybil checks but does not rewrite.

Each document runs in a fresh sandbox folder, blocks in order, Python blocks sharing one namespace
(as in a session that follows the page). The sandbox holds what the pages name as given: a copy of
``examples/``, ``archive/`` (a copy of ``examples/`` standing for the user's archive),
``article.txt`` (one example story), ``tests/data/events`` (the state-visit stories of
docs/events.md), and ``../shared/devset/articles`` and ``../shared/peer`` (three gold files of
``tests/data/owndev`` and a peer file written here, standing for the
development set, which is not part of the repository).

How a block runs is said by an HTML comment on the line before its fence (invisible on GitHub):

- no comment: a ``python`` block is executed (a ``>>>`` block as a doctest, its outputs compared); a
  ``sh`` block runs line by line in bash (``set -e -o pipefail``); any other block must say what it is.
- ``<!-- doc: output -->``: the block is the standard output of the runnable block before it.
- ``<!-- doc: file NAME -->``: the block is the content of NAME, written into the sandbox.
- ``<!-- doc: excerpt PATH -->``: the block is the start of the repository file PATH (``...`` ends it).
- ``<!-- doc: help -->``: each command runs with ``--help`` instead; every option the line names must
  appear in that help (for commands too slow for the test suite, such as the benchmarks).
- ``<!-- doc: make -->``: each ``make TARGET`` runs as ``make -n TARGET`` in the repository.
- ``<!-- doc: fields -->``: a listing of the output models' fields, checked against the models.
- ``<!-- doc: layout -->``: a tree of the repository; every file and folder it names must exist.
- ``<!-- doc: generated COMMAND -->``: the page is written by COMMAND (docs/accuracy.md,
  docs/performance.md); its blocks are checked by tests/test_docs.py, not here.
"""

from __future__ import annotations

import contextlib
import doctest
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DOCS = ["README.md", *sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").glob("*.md"))]
REGENERATE = "make docs-outputs"
FENCE = re.compile(r"^```(\w*)\s*$")
DIRECTIVE = re.compile(r"^<!--\s*doc:\s*(.*?)\s*-->\s*$")
# Parts of an output that change from run to run: compared as placeholders, kept as shown.
MASKS = [(re.compile(r"\b\d+\.\d s\b"), "<seconds>")]
PEER_LINES = [
    '{"id": "p1", "text": "Brazilian Foreign Minister Ana Costa arrived in Lisbon on Monday for talks.", '
    '"visit_reading": {"visits": [{"visitor_country": "BRA", "host_country": "PRT", "status": "ongoing"}]}}',
    '{"id": "p2", "text": "Wheat prices rose for a third week as the harvest was delayed.", '
    '"label": "negative_sample"}',
]


@dataclass
class Block:
    doc: str
    line: int  # 1-based line of the opening fence
    lang: str
    body: str
    directive: str = ""
    body_start: int = 0  # index of the body's first line in the document's lines
    body_end: int = 0  # index of the closing fence

    @property
    def where(self) -> str:
        return f"{self.doc}:{self.line}"


@dataclass
class Result:
    block: Block
    problem: str | None = None
    output: str | None = None  # for regeneration: what the block should show
    drift: bool = False


@dataclass
class Run:
    doc: str
    results: list[Result] = field(default_factory=list)

    def problems(self) -> list[str]:
        out = []
        for r in self.results:
            if r.problem:
                hint = f" (run `{REGENERATE}` to regenerate)" if r.drift else ""
                out.append(f"{r.block.where} [{r.block.lang or 'plain'}]{hint}: {r.problem}")
        return out


def parse(doc: str, text: str | None = None) -> list[Block]:
    lines = (text if text is not None else (ROOT / doc).read_text(encoding="utf-8")).split("\n")
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and lines[j].rstrip() != "```":
            j += 1
        prev = lines[i - 1] if i else ""
        d = DIRECTIVE.match(prev)
        blocks.append(
            Block(doc, i + 1, m.group(1), "\n".join(lines[i + 1 : j]), d.group(1) if d else "", i + 1, j)
        )
        i = j + 1
    return blocks


def _mask(text: str) -> str:
    for pattern, placeholder in MASKS:
        text = pattern.sub(placeholder, text)
    return "\n".join(line.rstrip() for line in text.strip("\n").split("\n"))


# ------------------------------------------------------------------------------------- sandbox
def make_sandbox(base: Path) -> Path:
    project = base / "project"
    project.mkdir(parents=True)
    shutil.copytree(ROOT / "examples", project / "examples")
    shutil.copytree(ROOT / "examples", project / "archive")
    shutil.copy(ROOT / "examples" / "brasilia-foreign-minister-visit.txt", project / "article.txt")
    shutil.copytree(ROOT / "tests" / "data" / "events", project / "tests" / "data" / "events")
    gold = base / "shared" / "devset" / "articles"
    gold.mkdir(parents=True)
    for p in sorted((ROOT / "tests" / "data" / "owndev" / "articles").glob("*.json"))[:3]:
        shutil.copy(p, gold / p.name)
    peer = base / "shared" / "peer"
    peer.mkdir(parents=True)
    (peer / "sandbox_sentences.jsonl").write_text("\n".join(PEER_LINES) + "\n", encoding="utf-8")
    return project


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env.setdefault("COLUMNS", "120")
    env.pop("VISITEXTRACT_DEBUG", None)
    return env


def _commands(body: str) -> list[str]:
    return [ln for ln in body.split("\n") if ln.strip() and not ln.lstrip().startswith("#")]


# --------------------------------------------------------------------------------------- blocks
class Session:
    """One document's run: its sandbox, its Python namespace, the last output."""

    def __init__(self, doc: str, sandbox: Path) -> None:
        self.doc, self.cwd = doc, sandbox
        self.namespace: dict[str, Any] = {"__name__": "__doc__"}
        self.last: Result | None = None

    def python(self, block: Block) -> Result:
        if block.body.lstrip().startswith(">>>"):
            return self.doctest(block)
        buffer = io.StringIO()
        try:
            with _cwd(self.cwd), contextlib.redirect_stdout(buffer):
                exec(compile(block.body, block.where, "exec"), self.namespace)
        except Exception as exc:
            return Result(block, f"raised {type(exc).__name__}: {exc}")
        return Result(block, output=buffer.getvalue())

    def doctest(self, block: Block) -> Result:
        """Run a ``>>>`` block; the regenerated body has each example's real output."""
        parser = doctest.DocTestParser()
        examples = parser.get_examples(block.body)
        problems, new_body, pos = [], [], 0
        for ex in examples:
            buffer = io.StringIO()
            try:
                with _cwd(self.cwd), contextlib.redirect_stdout(buffer):
                    exec(compile(ex.source, block.where, "single"), self.namespace)
                got = buffer.getvalue()
            except Exception as exc:
                return Result(block, f"{ex.source.strip()!r} raised {type(exc).__name__}: {exc}")
            if _mask(got) != _mask(ex.want):
                problems.append(
                    f"{ex.source.strip()!r} printed {got.strip()!r}, the page shows {ex.want.strip()!r}"
                )
            # rebuild the block: the source lines as written, then the real output
            src_lines = block.body.split("\n")
            start = ex.lineno
            n_src = len(ex.source.rstrip("\n").split("\n"))
            new_body.extend(src_lines[pos : start + n_src])
            new_body.extend(got.rstrip("\n").split("\n") if got.strip() else [])
            pos = start + n_src + (len(ex.want.rstrip("\n").split("\n")) if ex.want else 0)
        new_body.extend(block.body.split("\n")[pos:])
        return Result(block, "; ".join(problems) or None, output="\n".join(new_body), drift=bool(problems))

    def sh(self, block: Block) -> Result:
        script = "set -e -o pipefail\n" + block.body + "\n"
        done = subprocess.run(
            ["bash", "-c", script], cwd=self.cwd, env=_env(), capture_output=True, text=True, timeout=900
        )
        if done.returncode != 0:
            return Result(block, f"exit {done.returncode}: {done.stderr.strip()[-800:]}")
        return Result(block, output=done.stdout)

    def help(self, block: Block) -> Result:
        for line in _commands(block.body):
            words = line.split("#")[0].split()
            words = [sys.executable if w.endswith("bin/python") else w for w in words]
            cmd = [w for w in words if not w.startswith("-")]
            done = subprocess.run(
                [*cmd, "--help"], cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=300
            )
            if done.returncode != 0:
                return Result(block, f"{' '.join(cmd)} --help: exit {done.returncode}: {done.stderr[-400:]}")
            for opt in (w.split("=")[0] for w in words if w.startswith("--")):
                if opt not in done.stdout:
                    return Result(block, f"{line.strip()!r}: {opt} is not in the command's --help")
        return Result(block)

    def make(self, block: Block) -> Result:
        for line in _commands(block.body):
            words = line.split("#")[0].split()
            if words[:1] != ["make"]:
                return Result(block, f"{line!r} is not a make command")
            done = subprocess.run(["make", "-n", *words[1:]], cwd=ROOT, capture_output=True, text=True)
            if done.returncode != 0:
                return Result(block, f"make -n {' '.join(words[1:])}: {done.stderr.strip()}")
        return Result(block)

    def output(self, block: Block) -> Result:
        prev = self.last
        if prev is None or prev.output is None:
            return Result(block, "an output block must follow a block that ran")
        if _mask(prev.output) != _mask(block.body):
            shown = _mask(block.body).split("\n")
            got = _mask(prev.output).split("\n")
            diff = next(
                (
                    f"line {k + 1}: page {a!r}, command {b!r}"
                    for k, (a, b) in enumerate(zip(shown, got, strict=False))
                    if a != b
                ),
                f"{len(shown)} lines on the page, {len(got)} printed",
            )
            return Result(
                block, f"differs from what {prev.block.where} prints ({diff})", prev.output, drift=True
            )
        return Result(block)

    def file(self, block: Block, name: str) -> Result:
        target = self.cwd / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(block.body + "\n", encoding="utf-8")
        return Result(block)

    def excerpt(self, block: Block, path: str) -> Result:
        real = (ROOT / path).read_text(encoding="utf-8").split("\n")
        for k, line in enumerate(block.body.split("\n")):
            if k < len(real) and line.endswith("...") and real[k].startswith(line[:-3].rstrip()):
                break
            if k >= len(real) or real[k] != line:
                return Result(block, f"line {k + 1} is not line {k + 1} of {path}", drift=True)
        return Result(block)

    def fields(self, block: Block) -> Result:
        import visitextract.models as models

        for line in block.body.split("\n"):
            m = re.match(r"^(\w+)\s+(.*)$", line)
            if not m:
                continue
            cls = getattr(models, m.group(1), None)
            if cls is None:
                return Result(block, f"no model {m.group(1)} in visitextract.models")
            listed = self._listed(block.body, m.group(1))
            actual = set(cls.model_fields)
            if listed != actual:
                return Result(
                    block,
                    f"{m.group(1)}: listed {sorted(listed - actual)} not fields; "
                    f"{sorted(actual - listed)} not listed",
                )
        return Result(block)

    @staticmethod
    def _listed(body: str, name: str) -> set[str]:
        """The field names of one model in the listing (its line and the indented lines after it)."""
        text, on = [], False
        for line in body.split("\n"):
            head = re.match(r"^(\w+)\s", line)
            if head:
                on = head.group(1) == name
            if on:
                text.append(line[len(name) :] if head else line)
        words = re.sub(r"\([^)]*\)", " ", " ".join(text))
        return {w.split("=")[0] for w in re.findall(r"[a-z_]+(?:=\"\w+\")?", words) if w != "or"} - {"extra"}

    def layout(self, block: Block, where: str = "") -> Result:
        if where == "sandbox":
            return self._sandbox_tree(block)
        base = ROOT
        for line in block.body.split("\n"):
            if not line.strip():
                continue
            if not line.startswith(" "):
                first = line.split()[0]
                if first.endswith("/") and "/" in first[:-1]:
                    base = ROOT / first
                    if not base.is_dir():
                        return Result(block, f"{first} does not exist")
                    continue
                base = ROOT
            for word in re.findall(r"(?:^|\s)([\w.]+(?:/|\.py))(?=\s|$)", line):
                where = (base if line.startswith(" ") else ROOT) / word
                if not where.exists():
                    return Result(block, f"{word} (under {where.parent.relative_to(ROOT)}) does not exist")
        return Result(block)

    def _sandbox_tree(self, block: Block) -> Result:
        """A tree of what earlier blocks made: the first word of each line must exist (indented
        lines below the last unindented folder)."""
        base = self.cwd
        for line in block.body.split("\n"):
            if not line.strip():
                continue
            word = line.split()[0]
            path = (base if line.startswith(" ") else self.cwd) / word
            if not line.startswith(" ") and word.endswith("/"):
                base = path
            if not path.exists():
                return Result(block, f"{path.relative_to(self.cwd)} does not exist after the blocks before")
        return Result(block)


@contextlib.contextmanager
def _cwd(path: Path) -> Iterator[None]:
    old = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def run_document(doc: str) -> Run:
    blocks = parse(doc)
    run = Run(doc)
    if _generated(doc):
        return run
    with tempfile.TemporaryDirectory(prefix="docblocks-") as tmp:
        session = Session(doc, make_sandbox(Path(tmp)))
        for block in blocks:
            kind, _, arg = block.directive.partition(" ")
            if kind == "output":
                result = session.output(block)
            elif kind == "file":
                result = session.file(block, arg)
            elif kind == "excerpt":
                result = session.excerpt(block, arg)
            elif kind in ("help", "make", "fields"):
                result = getattr(session, kind)(block)
            elif kind == "layout":
                result = session.layout(block, arg)
            elif kind:
                result = Result(block, f"unknown directive {block.directive!r}")
            elif block.lang == "python":
                result = session.python(block)
            elif block.lang in ("sh", "bash", "console"):
                result = session.sh(block)
            else:
                result = Result(block, "a block that is not python or sh needs a <!-- doc: ... --> directive")
            run.results.append(result)
            if not kind and block.lang in ("python", "sh", "bash", "console"):
                session.last = result  # what an output block after it shows
    return run


def _generated(doc: str) -> bool:
    head = (ROOT / doc).read_text(encoding="utf-8").split("\n", 3)[:3]
    return any(DIRECTIVE.match(line) and "generated" in line for line in head)


def update(doc: str, run: Run) -> bool:
    """Write the regenerated outputs of one document in place; True if it changed."""
    lines = (ROOT / doc).read_text(encoding="utf-8").split("\n")
    changed = False
    for r in sorted(run.results, key=lambda r: r.block.body_start, reverse=True):
        if not r.drift or r.output is None:
            continue
        new = [line.rstrip() for line in r.output.strip("\n").split("\n")]
        lines[r.block.body_start : r.block.body_end] = new
        changed = True
    if changed:
        (ROOT / doc).write_text("\n".join(lines), encoding="utf-8")
    return changed


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    regenerate = "--update" in args
    docs = [a for a in args if not a.startswith("--")] or DOCS
    failed = 0
    for doc in docs:
        run = run_document(doc)
        if regenerate and update(doc, run):
            print(f"{doc}: outputs regenerated")
            run = run_document(doc)
        for problem in run.problems():
            print(problem)
            failed += 1
        print(f"{doc}: {len(run.results)} blocks, {len(run.problems())} problems")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
