"""The work done on a built site, whichever generator built its pages.

Trim the theme's unused files, add the synonyms to the search index and write its word list,
write the card PDFs, the go/ pages, the moved and retired addresses, links.json and checks.json,
publish our stylesheets and scripts minified under hashed names, collapse the pages' indentation,
warn of overdue reviews, then refuse any internal link that points nowhere. The MkDocs hook runs it
at the end of a build; `python -m macros postbuild SITE_DIR` runs it on a folder another generator
built (macros/__main__.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

from macros import (
    assets,
    brand,
    guards,
    htmlspace,
    linkcheck,
    previews,
    retired,
    review,
    search,
    shortlinks,
    sitefiles,
)
from macros.addresses import CHECK_PAGE, CHECKS_FILE, page_url, qr_path
from macros.catalogue import QR_KINDS, Link, build_catalogue, retirement_plan, write_catalogue
from macros.content import Content
from macros.errors import ContentErrors
from macros.linkcontract import contract_problems
from macros.printing import pdfcache
from macros.printing.options import PrintOptions
from macros.printing.qr import write_qr_files
from macros.questions import check_page_order, write_checks_json

# Not under "mkdocs": a strict build stops on MkDocs warnings, and an overdue review must never
# stop an urgent fix from shipping.
review_log = logging.getLogger("guide.review")


class BrokenLinks(Exception):
    """Internal links of the built site that point nowhere: one line each, its page and the fix."""

    FIX = (
        "correct the address or anchor where it is written; link to pages as 'page.md#anchor' "
        "so the build can check them"
    )
    SHOWN = 20

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        """One line per broken link (the first SHOWN), each with the fix."""
        lines = [f"{problem}. Fix: {self.FIX}." for problem in self.problems[: self.SHOWN]]
        if len(self.problems) > self.SHOWN:
            lines.append(f"... and {len(self.problems) - self.SHOWN} more broken internal links")
        return lines


@dataclass(frozen=True)
class Build:
    """What the post-build work needs to know of one build, whichever generator made it."""

    root: Path  # the project: data/, docs/ and the config file
    site_dir: Path
    docs_dir: Path
    directory_urls: bool = True
    languages: frozenset[str] = frozenset({"en"})
    asset_plan: assets.AssetPlan = field(default_factory=assets.AssetPlan)  # our CSS and JS
    # Built page (site-relative file) -> its Markdown source, so a broken link names its line.
    sources: Mapping[str, Path] = field(default_factory=dict)
    page_reviews: tuple[review.Review, ...] = ()
    # The link lock to hold the site to (tests/links.lock.json), or None when a later step does.
    link_lock: Path | None = None


def publish(
    site_dir: Path,
    content: Content,
    data_dir: Path,
    docs_dir: Path,
    directory_urls: bool = True,
    built: str = "",
    site_name: str = "",
    public_url: str = "",
) -> list[Link]:
    """After the build: the go/ pages, moved-page forwards, site/links.json and site/checks.json.

    `directory_urls` is the build's `use_directory_urls`: links.json lists addresses as this
    build writes them, so the offline copy's catalogue names files.
    """
    shortlinks.check_short_ids(content, data_dir)
    redirects = shortlinks.load_redirects(data_dir, docs_dir, directory_urls)
    links = build_catalogue(content, docs_dir, site_dir, directory_urls)
    forwards = [*shortlinks.short_links(links), *redirects]
    live = [link for link in links if link.kind != "retired"]
    plan = retirement_plan(content, docs_dir, live, directory_urls)
    taken = {forward.path for forward in forwards}
    forwards += [
        shortlinks.Forward(old, new, f"moved to {new}")
        for old, new in plan.forwards
        if old not in taken
    ]
    by_short = {link.short: link for link in links if link.short and link.kind != "retired"}
    by_id = {link.id: link for link in links}
    forwards = [
        replace(
            forward,
            preview=previews.link_preview(
                content, by_id, by_short[forward.path], site_name, public_url
            )
            if forward.path in by_short
            else previews.moved_preview(forward.title, site_name),
        )
        for forward in forwards
    ]
    shortlinks.write_forwards(site_dir, forwards)
    if public_url:
        for link in links:
            if link.kind in QR_KINDS and link.short:
                write_qr_files(
                    public_url + link.short,
                    site_dir / qr_path(link.id, "svg"),
                    site_dir / qr_path(link.id, "png"),
                )
    retired.write(site_dir, plan)
    write_catalogue(site_dir, links, built, public_url)
    if (docs_dir / CHECK_PAGE).is_file():
        steps = [step.id for step in content.steps]
        questions = check_page_order(content.questions.values(), steps)
        write_checks_json(site_dir / CHECKS_FILE, questions, page_url(CHECK_PAGE, directory_urls))
    return links


def run(build: Build, content: Content, options: PrintOptions, say: Callable[[str], None]) -> None:
    """Do every post-build step on `build.site_dir`; bad output raises ContentError(s)/BrokenLinks.

    A published link that is gone (tests/links.lock.json) stops the build as it stops
    `make check`, so the preview shows it too.

    `say` shows progress in the generator's own log (the build times read by `make bench`).
    """
    site_dir = build.site_dir
    sitefiles.prune_unused_assets(site_dir, languages=set(build.languages))
    search.enrich_site(site_dir, build.root / "data")
    if not build.directory_urls:
        # A copy opened from a folder has no server to show a 404 page, and that page's addresses
        # start at the server's root (/assets/...), which from a folder is the disk's root.
        (site_dir / "404.html").unlink(missing_ok=True)
    count, seconds, cached = pdfcache.card_pdfs(build.root, site_dir, content, options)
    if cached:
        say(f"Copied {count} unchanged card PDFs from .cache/pdfs in {seconds:.2f} s")
    else:
        say(f"Wrote {count} card PDFs in {seconds:.2f} s")
    data_dir = build.root / "data"
    publish(
        site_dir,
        content,
        data_dir,
        build.docs_dir,
        build.directory_urls,
        options.date_text,
        options.site_name,
        options.public_url,
    )
    if not options.public_url:
        logging.getLogger("guide.print").warning(
            "No public address set (extra.public_url in mkdocs.yml, or GUIDE_PUBLIC_URL): card "
            "PDFs say in words where to find the guide and carry no QR code"
        )
    if options.public_url:
        settings = content.settings
        color = settings.primary_color or previews.THEME_PRIMARY
        previews.write_image(site_dir, options.site_name, settings.organization, color)
    # After every step that writes pages, so each page names the published files.
    settings = content.settings
    colors = brand.brand_stylesheet(settings.primary_color, settings.accent_color)
    root = urlsplit(options.public_url).path or "/"
    assets.publish(site_dir, build.asset_plan, appended_css=colors or "", root=root)
    htmlspace.collapse_pages(site_dir)  # the last step that writes pages
    warn_overdue([*build.page_reviews, *review.data_reviews(content)])
    if build.link_lock and build.directory_urls:  # the lock holds web addresses, not files
        broken = contract_problems(site_dir, build.link_lock)
        if broken:
            raise ContentErrors(broken)
    scans = build.root / ".cache" / "linkcheck" / "scans.marshal"
    problems = [describe(p, build) for p in linkcheck.broken_links(site_dir, scans)]
    if problems:
        raise BrokenLinks(problems)


def warn_overdue(reviews: list[review.Review]) -> None:
    """Name each overdue page or data record and its owner; the build goes on."""
    for due in review.overdue_first(reviews, review.today()):
        if due.overdue(review.today()):
            review_log.warning(
                "Review overdue: %s (owner: %s) was due on %s", due.where, due.owner, due.next_due
            )


def describe(problem: linkcheck.BrokenLink, build: Build) -> str:
    """Name the Markdown page and line that write a broken link, falling back to the built file."""
    source = build.sources.get(problem.page)
    if source is not None:
        text = source.read_text(encoding="utf-8")
        # As built, a page link reads '../steps/own-it/#x'; as written, 'steps/own-it.md#x'.
        fragment = problem.target.partition("#")[2]
        line = guards.source_line(text, problem.target) or (
            guards.source_line(text, f"#{fragment})") if fragment else None
        )
        where = Path(source).relative_to(build.root.resolve()).as_posix()
        if line is not None:
            return f"{where}:{line}: the link '{problem.target}' {problem.reason}"
        return f"{where} (from a macro or template): the link '{problem.target}' {problem.reason}"
    return f"site/{problem.page}:{problem.line}: the link '{problem.target}' {problem.reason}"
