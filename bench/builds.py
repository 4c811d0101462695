"""Timed builds: whole-process wall time and peak memory of `mkdocs build`, ours against plain.

Each build is its own process, so interpreter start-up, imports and every hook count, as they do
for an editor. Peak memory comes from the kernel's accounting of that one child (os.wait4).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

PDF_CACHES = Path(__file__).resolve().parent / ".work" / "pdf-caches"
PDF_LOG = re.compile(r"(Wrote|Copied) (\d+) (?:unchanged )?card PDFs (?:from \S+ )?in ([\d.]+) s")


@dataclass(frozen=True)
class Run:
    """One build: wall seconds, peak memory, the PDF step's seconds and whether it copied them."""

    seconds: float
    peak_mib: float
    pdf_seconds: float | None
    pdf_cached: bool = False


@dataclass
class Pair:
    """Alternated runs of our build and the plain build of the same size."""

    ours: list[Run] = field(default_factory=list)
    plain: list[Run] = field(default_factory=list)
    first: Run | None = None  # our unmeasured warm-up build: the one that renders the PDFs

    def ratios(self) -> list[float]:
        """Our time over plain time, run by run."""
        return [o.seconds / p.seconds for o, p in zip(self.ours, self.plain, strict=True)]

    def summary(self) -> dict[str, object]:
        """Medians and per-pair ratios, as they go into the results."""
        return {
            "runs": len(self.ours),
            "ours_seconds": median([r.seconds for r in self.ours]),
            "plain_seconds": median([r.seconds for r in self.plain]),
            "ours_peak_mib": median([r.peak_mib for r in self.ours]),
            "plain_peak_mib": median([r.peak_mib for r in self.plain]),
            "ratios": [round(r, 3) for r in self.ratios()],
            "ratio": median(self.ratios()),
            "all_ours_seconds": [round(r.seconds, 3) for r in self.ours],
            "all_plain_seconds": [round(r.seconds, 3) for r in self.plain],
        }


def median(values: list[float]) -> float:
    """The median, rounded for the table."""
    return round(statistics.median(values), 3)


def build_env(project: Path) -> dict[str, str]:
    """The environment `make build` gives mkdocs (reproducible dates, no end-of-life banner).

    Each project gets its own PDF cache below bench/.work, so its first build renders every PDF
    (as on a fresh clone) and later ones copy them (as when an editor rebuilds).
    """
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["PYTHONHASHSEED"] = "0"
    env.setdefault("SOURCE_DATE_EPOCH", "1764000000")
    env["GUIDE_PDF_CACHE"] = str(
        PDF_CACHES / hashlib.sha256(str(project).encode()).hexdigest()[:12]
    )
    return env


def timed_build(project: Path, site_dir: Path) -> Run:
    """Build `project` strictly into an empty `site_dir`; stop the bench if the build fails."""
    shutil.rmtree(site_dir, ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as log:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=project, env=build_env(project), stdout=log, stderr=log
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read()
    if process.returncode != 0:
        raise SystemExit(f"bench: the build of {project} failed:\n{output[-3000:]}")
    pdf = PDF_LOG.search(output)
    return Run(
        seconds=seconds,
        peak_mib=usage.ru_maxrss / 1024,  # Linux reports KiB
        pdf_seconds=float(pdf.group(3)) if pdf else None,
        pdf_cached=bool(pdf) and pdf.group(1) == "Copied",
    )


def alternate(
    ours: Path,
    make_plain: Callable[[Path], Path],
    sites: Path,
    runs: int,
    warm_up: bool,
    warm_up_plain: bool = True,
) -> tuple[Pair, Path]:
    """Build ours and plain by turns, `runs` times each; returns the runs and the plain project.

    The plain twin is made by `make_plain` from our first built site (it copies its page and word
    count). With `warm_up`, one unmeasured build of each comes first (of ours only, when not
    `warm_up_plain`: enough to fill our PDF cache when plain builds are long and already warm).
    """
    pair = Pair()
    plain: Path | None = None
    if warm_up:
        pair.first = timed_build(ours, sites / "ours")
        plain = make_plain(sites / "ours")
        if warm_up_plain:
            timed_build(plain, sites / "plain")
    for number in range(runs):
        # Swap who goes first every other pair, so neither always meets a warmer machine.
        for name in ("ours", "plain") if number % 2 == 0 else ("plain", "ours"):
            if name == "ours":
                run = timed_build(ours, sites / "ours")
                pair.first = pair.first or run
                pair.ours.append(run)
                plain = plain or make_plain(sites / "ours")
            else:
                assert plain is not None  # the first pair builds ours first
                pair.plain.append(timed_build(plain, sites / "plain"))
    assert plain is not None
    return pair, plain
