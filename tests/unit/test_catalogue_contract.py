"""The link contract checker, against a small fixture site: ids kept, urls resolving, forwards."""

from __future__ import annotations

from pathlib import Path

from macros.linkcontract import LOCK_FILE, Promise, broken_promises, read_lock, resolve
from macros.shortlinks import Forward, render_forward
from tools.links_lock import merged, write_lock


def page(site: Path, path: str, html: str) -> None:
    file = site / path / "index.html"
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(f"<!doctype html><html><body>{html}</body></html>", encoding="utf-8")


def forward(site: Path, old: str, target: str) -> None:
    file = site / old / "index.html"
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(render_forward(Forward(f"{old}/", target, "moved")), encoding="utf-8")


def fixture_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    page(site, "steps/own-it", '<h1 id="step-3">Own it</h1><h2 id="what-to-do">Do</h2>')
    page(site, "", '<h1 id="start-here">Home</h1>')
    forward(site, "go/step-3", "steps/own-it/")
    return site


STEP = Promise("step-3", "steps/own-it/", "go/step-3/")
SECTION = Promise("step-3/what-to-do", "steps/own-it/#what-to-do")
HOME = Promise("page/home", "")


def test_a_kept_promise_passes(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    assert broken_promises([STEP, SECTION, HOME], [STEP, SECTION, HOME], site) == []


def test_removing_a_locked_id_fails(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    problems = broken_promises([STEP, SECTION], [STEP], site)
    assert len(problems) == 1
    said = str(problems[0])
    assert "the published link 'step-3/what-to-do' (steps/own-it/#what-to-do) is gone" in said
    assert "put back the id" in said and "'retired:' in data/redirects.yml" in said


def test_a_gone_id_is_one_problem_not_one_per_address(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    page(site, "steps/own-it", '<h1 id="step-3">Own it</h1>')  # its anchor went with it
    problems = broken_promises([STEP, SECTION], [STEP], site)
    assert [problem.message for problem in problems] == [
        "the published link 'step-3/what-to-do' (steps/own-it/#what-to-do) is gone"
    ]


def test_a_lost_fragment_fails_even_when_the_id_stays(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    page(site, "steps/own-it", '<h1 id="step-3">Own it</h1><h2 id="things-to-do">Do</h2>')
    problems = broken_promises([SECTION], [SECTION], site)
    assert [problem.message for problem in problems] == [
        "its published address steps/own-it/#what-to-do no longer resolves ('steps/own-it/' has "
        "no '#what-to-do')"
    ]
    assert problems[0].record == "step-3/what-to-do" and problems[0].file == LOCK_FILE


def test_a_moved_page_with_a_forward_keeps_its_old_urls(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    moved = site / "steps" / "own-it"
    (moved / "index.html").unlink()
    moved.rmdir()
    page(site, "steps/owning-it", '<h1 id="step-3">Own it</h1><h2 id="what-to-do">Do</h2>')
    assert broken_promises([STEP, SECTION], [STEP, SECTION], site) != []
    forward(site, "steps/own-it", "steps/owning-it/")
    assert broken_promises([STEP, SECTION], [STEP, SECTION], site) == []
    assert resolve(site, "steps/own-it/#nowhere") == "'steps/owning-it/' has no '#nowhere'"


def test_a_forward_with_its_own_fragment_keeps_the_locked_one(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    forward(site, "go/own-it", "steps/own-it/#what-to-do")
    assert resolve(site, "go/own-it/") is None
    assert resolve(site, "go/own-it/#step-3") is None
    assert resolve(site, "go/own-it/#gone") == "'steps/own-it/' has no '#gone'"


def test_files_and_escapes(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    (site / "print" / "pdf").mkdir(parents=True)
    (site / "print" / "pdf" / "own-it-a4.pdf").write_bytes(b"%PDF")
    assert resolve(site, "print/pdf/own-it-a4.pdf") is None
    assert (
        resolve(site, "print/pdf/own-it-a5.pdf")
        == "'print/pdf/own-it-a5.pdf' is not in the built site"
    )
    assert resolve(site, "../outside/") == "'../outside/' is not in the built site"


def test_a_locked_address_that_gains_a_short_link_is_kept_once_with_it() -> None:
    shortened = Promise(SECTION.id, SECTION.url, "go/step-3/what-to-do/")
    assert merged([SECTION], [shortened]) == [shortened]
    assert merged([shortened], [SECTION]) == [shortened]


def test_the_lock_only_grows(tmp_path: Path) -> None:
    lock = tmp_path / "links.lock.json"
    assert read_lock(lock) == []
    write_lock(lock, merged([], [STEP, SECTION]))
    moved = Promise("step-3", "steps/owning-it/", "go/step-3/")
    write_lock(lock, merged(read_lock(lock), [moved]))
    assert read_lock(lock) == sorted([STEP, SECTION, moved])
    assert '"short"' not in lock.read_text(encoding="utf-8").split("step-3/what-to-do")[1]
