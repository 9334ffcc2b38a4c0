"""The distributions as a user gets them: the wheel in a fresh virtualenv with no repository, and the
sdist, whose `make run` sets itself up from nothing and whose own tests pass.

Slow (a few minutes): two virtualenvs are created and filled by pip. Dependencies come from the
configured index through pip's cache (PyPI is the only index CI reaches; nothing else is needed).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BASE_PYTHON = getattr(sys, "_base_executable", sys.executable)  # the interpreter .venv was made from
STORY = "Chilean Foreign Minister Camila Rojas will arrive in Lima on Friday for talks on lithium."
PAGE = f"<html><head><title>Rojas to Lima</title></head><body><article><p>{STORY}</p></article></body></html>"


def _env() -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "VISITEXTRACT_MODEL")
    }
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if ".venv" not in p)
    return env


def _run(cmd: list[str], cwd: Path, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(cmd, cwd=cwd, env=_env(), capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{' '.join(cmd)}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "build", "--no-isolation", "--sdist", "--wheel", "--outdir", str(out)], ROOT)
    return out


@pytest.mark.slow
def test_both_distributions_carry_the_licence_and_what_the_tests_need(dist: Path) -> None:
    [wheel] = dist.glob("*.whl")
    [sdist] = dist.glob("*.tar.gz")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "visitextract/py.typed" in names and "visitextract/_models/gazetteer.jsonl" in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    metadata = next(
        zipfile.ZipFile(wheel).read(n).decode() for n in names if n.endswith(".dist-info/METADATA")
    )
    assert "Requires-Dist: lxml-html-clean" in metadata or "Requires-Dist: lxml_html_clean" in metadata
    assert "License-Expression: MIT" in metadata
    with tarfile.open(sdist) as tar:
        members = {m.name.split("/", 1)[1] for m in tar.getmembers() if "/" in m.name}
    for path in ("LICENSE", "Makefile", "README.md", "requirements/model.txt", "src/visitextract/py.typed"):
        assert path in members, path
    for folder in ("examples/web/", "docs/", "tests/data/owndev/", "benchmarks/", "models/hand/"):
        assert any(m.startswith(folder) for m in members), folder


@pytest.mark.slow
def test_the_wheel_works_in_a_fresh_virtualenv_without_the_repository(dist: Path, tmp_path: Path) -> None:
    [wheel] = dist.glob("*.whl")
    venv = tmp_path / "venv"
    _run([BASE_PYTHON, "-m", "venv", str(venv)], tmp_path)
    python = venv / "bin" / "python"
    # the pip that comes with the interpreter, not upgraded: the one that skipped lxml's html_clean extra
    _run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], tmp_path)
    work = tmp_path / "elsewhere"
    (work / "in").mkdir(parents=True)
    code = (
        "from visitextract import extract_visit\n"
        f"ex = extract_visit({STORY!r}, published='2023-05-30')\n"
        "v = ex.visits[0]\n"
        "print(v.visitor.name, v.host_country, v.dates.start, v.status)\n"
        "import visitextract.normalize.gazetteer as g; print(g.models_dir())\n"
    )
    done = _run([str(python), "-c", code], work)
    first, models = done.stdout.splitlines()
    assert first == "Camila Rojas PER 2023-06-02 planned"
    assert models.startswith(str(venv)) and not models.startswith(str(ROOT))
    (work / "in" / "story.txt").write_text(STORY, encoding="utf-8")
    (work / "in" / "page.html").write_text(PAGE, encoding="utf-8")
    visitextract = venv / "bin" / "visitextract"
    _run(
        [str(visitextract), "batch", "in/", "-o", "out.jsonl", "--published", "2023-05-30", "--strict"], work
    )
    shown = _run([str(visitextract), "show", "out.jsonl"], work).stdout
    assert shown.count("visit      Camila Rojas") == 2 and "ERROR" not in shown  # the .html page too
    assert _run([str(visitextract), "--version"], work).stdout.startswith("visitextract ")


@pytest.mark.slow
def test_the_sdist_sets_itself_up_with_make_run_and_its_tests_pass(dist: Path, tmp_path: Path) -> None:
    """README's quick start on a fresh tree: `make run` creates .venv and installs everything;
    `make test` would do the same set-up (one $(STAMP) rule) before lint, mypy and pytest; the
    sdist's own tests (the quick ones; this file is among the slow ones) pass in that .venv."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    [sdist] = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as tar:
        tar.extractall(tmp_path, filter="data")
    [tree] = [p for p in tmp_path.iterdir() if p.is_dir()]
    dry = _run(["make", "-n", "test", f"PYTHON={BASE_PYTHON}"], tree).stdout
    assert "-m venv .venv" in dry and "-r requirements/model.txt" in dry and ".venv/bin/mypy" in dry
    run = _run(["make", "run", f"PYTHON={BASE_PYTHON}"], tree, timeout=1500)
    assert "records written" in run.stdout and "visit      Helena Marques (PRT) -> BRA" in run.stdout
    dry = _run(["make", "-n", "test"], tree).stdout
    assert "-m venv" not in dry and ".venv/bin/python -m pytest -q" in dry  # set up once, for both
    _run(
        [
            str(tree / ".venv" / "bin" / "python"),
            "-m",
            "pytest",
            "-q",
            "-x",
            "-m",
            "not slow",
            "-p",
            "no:cacheprovider",
        ],
        tree,
        timeout=1500,
    )
