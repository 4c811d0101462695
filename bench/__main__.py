"""`make bench`: build time, scale, page weight, Lighthouse and PDF share, against plain Material.

Run from the project root with `.venv/bin/python -m bench`. Prints one table (every figure with its
target and pass or miss) and writes it to bench/results.json. The targets are goals for the code;
a miss is reported, never hidden, and the bench itself only fails when something cannot be measured.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench import builds, lighthouse, synth, weight
from bench.report import Row, markdown, table
from macros.addresses import CHECK_PAGE, HOME_PAGE, page_url
from macros.content import load_content

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / ".work"
RESULTS = ROOT / "bench" / "results.json"
LINK_PAGE = "linking.md"  # "Linking to this guide"
KIB = 1024


def _words_and_pages(site: Path) -> tuple[int, int]:
    pages = len(weight.theme_pages(site))
    return pages, weight.page_words(site)


def _plain_twin(folder: Path) -> Callable[[Path], Path]:
    """A maker of the plain Material site with our built site's pages, words and navigation size."""

    def make(our_site: Path) -> Path:
        pages, words = _words_and_pages(our_site)
        shutil.rmtree(folder, ignore_errors=True)
        return synth.make_plain_site(folder, pages, words, weight.nav_pages(our_site))

    return make


def measure_build(runs: int) -> tuple[dict, Path]:
    """Section 1: the real guide against a plain site of the same size."""
    sites = WORK / "sites-guide"
    pair, _ = builds.alternate(ROOT, _plain_twin(WORK / "plain-guide"), sites, runs, True)
    pages, words = _words_and_pages(sites / "ours")
    result = {**pair.summary(), "pages": pages, "words": words, **_pdf_figures(pair)}
    return result, sites / "ours"


def _pdf_figures(pair: builds.Pair) -> dict[str, object]:
    """PDF time when rendered (the first build, as on a fresh clone) and when copied (rebuilds)."""
    first = pair.first
    if first is None or first.pdf_seconds is None or first.pdf_cached:
        return {"pdf_cold_seconds": None, "pdf_cold_share": None, "pdf_warm_seconds": None}
    warm = [r.pdf_seconds for r in pair.ours if r is not first and r.pdf_cached and r.pdf_seconds]
    return {
        "pdf_cold_seconds": round(first.pdf_seconds, 3),
        "cold_build_seconds": round(first.seconds, 3),
        "pdf_cold_share": round(first.pdf_seconds / first.seconds, 3),
        "pdf_warm_seconds": builds.median(warm) if warm else None,
    }


def measure_scale(total_pages: int, guide_pages: int, words_per_page: int, runs: int) -> dict:
    """Section 2: our guide grown to `total_pages` pages against plain Material of that size."""
    folder = WORK / f"scale-{total_pages}"
    shutil.rmtree(folder, ignore_errors=True)
    scale_pages = synth.scale_page_count(total_pages, guide_pages)
    project = synth.make_scale_guide(folder / "ours", scale_pages, words_per_page)
    # At 1,000 pages a plain build takes minutes: warm up ours only (it fills the PDF cache).
    warm_up_plain = total_pages <= 100
    pair, _ = builds.alternate(
        project, _plain_twin(folder / "plain"), folder / "sites", runs, True, warm_up_plain
    )
    pages, words = _words_and_pages(folder / "sites" / "ours")
    summary = pair.summary()
    summary.update(
        pages=pages,
        words=words,
        warm_up="both" if warm_up_plain else "ours only",
        ours_ms_per_page=round(1000 * summary["ours_seconds"] / pages, 2),
        plain_ms_per_page=round(1000 * summary["plain_seconds"] / pages, 2),
    )
    summary.update(_pdf_figures(pair))
    shutil.rmtree(folder / "sites", ignore_errors=True)
    return summary


def weight_pages() -> dict[str, str]:
    """The pages weighed, by name: their addresses relative to the site's root."""
    step_page = load_content(ROOT / "data", ROOT / "docs").steps[0].page
    pages = {"home": HOME_PAGE, "step": step_page, "check": CHECK_PAGE, "link": LINK_PAGE}
    return {name: page_url(page) for name, page in pages.items()}


def measure_weight(site: Path) -> dict:
    """Section 3: what Chromium fetches for the weighed pages, and the whole site."""
    own = weight.own_assets(site, ROOT / "overrides")
    pages = len(weight.theme_pages(site))
    visits = weight.visit_pages(site, weight_pages())
    index_gzip = weight.gzip_size((site / weight.SEARCH_INDEX).read_bytes())
    return {
        "pages_weighed": {name: weight.page_weight(site, v, own) for name, v in visits.items()},
        "site": weight.site_weight(site),
        "pages": pages,
        "search_index_gzip": index_gzip,
        "search_index_gzip_per_page": round(index_gzip / pages),
    }


def _environment() -> dict:
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    return {
        "date_utc": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "commit": commit,
        "cpus": os.cpu_count(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "python": sys.version.split()[0],
    }


def _rows(results: dict) -> list[Row]:
    build, weights, light = results["build"], results["weight"], results["lighthouse"]
    scale = results["scale"]
    rows = [
        Row(
            "Build",
            f"guide ({build['pages']} pages, {build['words']} words), median of {build['runs']}",
            f"{build['ours_seconds']:.2f} s vs plain {build['plain_seconds']:.2f} s",
            build["ratio"],
            "<= 1.25x plain",
            build["ratio"] <= 1.25,
        ),
        Row(
            "Build",
            "peak memory",
            f"{build['ours_peak_mib']:.0f} MiB vs plain {build['plain_peak_mib']:.0f} MiB",
            None,
            "",
            None,
        ),
    ]
    if build["pdf_cold_seconds"] is not None:
        cold = build["cold_build_seconds"]
        rows += [
            Row(
                "Build",
                "first build (fresh clone: every PDF rendered)",
                f"{cold:.2f} s vs plain {build['plain_seconds']:.2f} s",
                round(cold / build["plain_seconds"], 3),
                "(reported)",
                None,
            ),
            Row(
                "PDF",
                "all card PDFs rendered, share of that first build",
                f"{build['pdf_cold_seconds']:.2f} s of {cold:.2f} s",
                build["pdf_cold_share"],
                "(reported)",
                None,
            ),
            Row(
                "PDF",
                "rebuild with unchanged inputs: PDFs copied from .cache/pdfs",
                f"{build['pdf_warm_seconds'] or 0:.2f} s of {build['ours_seconds']:.2f} s",
                round((build["pdf_warm_seconds"] or 0) / build["ours_seconds"], 3),
                "(reported)",
                None,
            ),
        ]
    for data in scale.values():
        limit = 1.25  # the twin has the same navigation, so every size compares the same work
        rows.append(
            Row(
                "Scale",
                f"{data['pages']} pages, median of {data['runs']}, warm-up: {data['warm_up']}",
                f"{data['ours_seconds']:.1f} s ({data['ours_ms_per_page']:.0f} ms/page) vs "
                f"plain {data['plain_seconds']:.1f} s",
                data["ratio"],
                f"<= {limit}x plain",
                data["ratio"] <= limit,
            )
        )
    if {"100", "1000"} <= scale.keys():
        growth = round(scale["1000"]["ours_ms_per_page"] / scale["100"]["ours_ms_per_page"], 3)
        rows.append(
            Row("Scale", "time per page at 1,000 / at 100", "", growth, "<= 1.5x", growth <= 1.5)
        )
    rows += _weight_rows(weights)
    rows.append(
        Row(
            "Weight",
            "whole site/",
            f"{weights['site']['raw'] / KIB / KIB:.2f} MiB raw, "
            f"{weights['site']['gzip'] / KIB / KIB:.2f} MiB gzip, "
            f"{weights['site']['files']} files",
            None,
            "(reported)",
            None,
        )
    )
    for name, scores in light.items():
        values = " / ".join(f"{scores[c]:g}" for c in lighthouse.CATEGORIES)
        ok = all(scores[c] == 100 for c in lighthouse.CATEGORIES)
        rows.append(
            Row(
                "Lighthouse",
                f"{name} page, mobile, median of {len(scores['runs'])} "
                "(perf / a11y / best practices / SEO)",
                values,
                None,
                "100 in all four",
                ok,
            )
        )
    return rows


def _kib(size: dict[str, int]) -> str:
    """Gzip bytes as the table shows them."""
    return f"{size['gzip'] / KIB:.1f} KiB"


def _weight_rows(weights: dict) -> list[Row]:
    """Per page: the first visit (the step page against the targets) and every feature in use."""
    rows = []
    weighed = weights["pages_weighed"]
    for name, page in weighed.items():
        first, every = page["first_visit"], page["every_feature"]
        kinds = ", ".join(f"{k} {v['gzip'] / KIB:.1f}" for k, v in sorted(first["by_kind"].items()))
        rows.append(
            Row(
                "Weight",
                f"{name} page, first visit gzip, search index aside ({kinds} KiB)",
                f"{_kib(first['total'])} (raw {first['total']['raw'] / KIB:.0f}, "
                f"{first['files']} files; own CSS + JS {_kib(first['own_css_js'])})",
                None,
                "<= 85 KiB" if name == "step" else "(reported)",
                first["total"]["gzip"] <= 85 * KIB if name == "step" else None,
            )
        )
        rows.append(
            Row(
                "Weight",
                f"{name} page, every feature in use (all its feature scripts loaded)",
                f"{_kib(every['total'])} ({every['files']} files; "
                f"own CSS + JS {_kib(every['own_css_js'])})",
                None,
                "(reported)",
                None,
            )
        )
    other = sorted({url for page in weighed.values() for url in page["other_hosts"]})
    rows.append(
        Row(
            "Weight",
            f"requests to other hosts ({', '.join(weighed)} pages)",
            ", ".join(other) or "none",
            None,
            "none",
            not other,
        )
    )
    own = weighed["step"]["first_visit"]["own_css_js"]
    rows.append(
        Row(
            "Weight",
            "step page, first visit, our own CSS + JS gzip",
            f"{_kib(own)} (raw {own['raw'] / KIB:.1f})",
            None,
            "<= 6 KiB",
            own["gzip"] <= 6 * KIB,
        )
    )
    per_page = weights["search_index_gzip_per_page"]
    rows.append(
        Row(
            "Weight",
            f"search index gzip per page ({weights['pages']} pages)",
            f"{per_page / KIB:.2f} KiB (all {weights['search_index_gzip'] / KIB:.1f} KiB)",
            None,
            "<= 2 KiB",
            per_page <= 2 * KIB,
        )
    )
    return rows


def main() -> None:
    """Run every section in turn, print the table and write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="measured builds per side (default 5)")
    parser.add_argument("--large-runs", type=int, default=3, help="runs at 1,000 pages (default 3)")
    parser.add_argument("--lighthouse-runs", type=int, default=3)
    parser.add_argument("--sizes", default="100,1000", help="scale sizes in pages")
    parser.add_argument(
        "--markdown", action="store_true", help="print the last results as Markdown and stop"
    )
    args = parser.parse_args()
    if args.markdown:
        print(markdown(json.loads(RESULTS.read_text(encoding="utf-8"))["table"]))
        return
    started = time.perf_counter()
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    results: dict = {"environment": _environment()}

    def step(title: str) -> None:
        print(f"[{time.perf_counter() - started:5.0f} s] {title}", flush=True)

    step(f"Build: the guide and its plain twin, warm-up then {args.runs} runs each, alternated")
    results["build"], site = measure_build(args.runs)
    step("Weight: what Chromium fetches for the home, step, check and link pages; site/")
    results["weight"] = measure_weight(site)
    step(f"Lighthouse: mobile, home and step page, {args.lighthouse_runs} runs each")
    weighed = weight_pages()
    results["lighthouse"] = lighthouse.medians(
        site, {"home": weighed["home"], "step": weighed["step"]}, args.lighthouse_runs, WORK
    )
    guide_pages = results["build"]["pages"]
    words_per_page = max(50, results["build"]["words"] // (2 * guide_pages))
    results["scale"] = {}
    for size in (int(s) for s in args.sizes.split(",")):
        runs = args.runs if size <= 100 else args.large_runs
        step(f"Scale: {size} pages, ours and plain, {runs} runs each")
        results["scale"][str(size)] = measure_scale(size, guide_pages, words_per_page, runs)
    results["environment"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    results["environment"]["bench_seconds"] = round(time.perf_counter() - started)
    rows = _rows(results)
    results["table"] = [row.as_dict() for row in rows]
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print()
    print(table(rows))
    env = results["environment"]
    print(
        f"\n{env['cpus']} CPUs, load average {env['load_average_at_start']} at start, "
        f"{env['load_average_at_end']} at end; whole bench {env['bench_seconds']} s. "
        f"Written to {RESULTS.relative_to(ROOT)}."
    )


if __name__ == "__main__":
    main()
