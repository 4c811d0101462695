"""MkDocs hooks: the build guards and the post-build steps, each delegated to a plain module.

Loaded through `hooks:` in mkdocs.yml (a file path), so the project root is put on sys.path first.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from jinja2 import Environment  # noqa: E402
from markupsafe import Markup, escape  # noqa: E402
from mkdocs.config.config_options import ExtraScriptValue  # noqa: E402
from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402
from mkdocs.structure.nav import Navigation  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402

from macros import (  # noqa: E402
    addresses,
    assets,
    blocks,
    catalogue,
    changes,
    guards,
    headings,
    postbuild,
    previews,
    review,
    search,
    templatecache,
)
from macros.content import Content, load_content  # noqa: E402
from macros.errors import ContentError, ContentErrors  # noqa: E402
from macros.glue import messages  # noqa: E402
from macros.linkcontract import LOCK_FILE  # noqa: E402
from macros.pageref import PageRef  # noqa: E402
from macros.printing import pageline, pages  # noqa: E402
from macros.printing.options import PrintOptions, print_options  # noqa: E402
from macros.review_line import review_line  # noqa: E402

log = logging.getLogger("mkdocs.hooks.guide")


def on_startup(command: str, dirty: bool) -> None:
    """Label every problem `Error: ` and drop the plumbing lines, before any plugin speaks."""
    messages.install()


@contextmanager
def fail_closed() -> Iterator[None]:
    """Turn our ContentError into the PluginError MkDocs prints as one line, without a traceback."""
    try:
        yield
    except ContentError as error:
        raise PluginError(str(error)) from None
    except ContentErrors as error:
        for each in error.errors:  # one line each, then why the build stops
            log.error(str(each))
        raise PluginError(f"{len(error.errors)} problem(s), listed above") from None
    except postbuild.BrokenLinks as error:
        for line in error.lines():  # one line each, then why the build stops
            log.error(line)
        raise PluginError(
            f"{len(error.problems)} broken internal link(s) in the built site (listed above)"
        ) from None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Apply the organization's logo and colors from data/site.yml to the theme."""
    root = Path(config.config_file_path).parent
    with fail_closed():
        settings = load_content(root / "data", Path(config.docs_dir)).settings
    with fail_closed():
        # Checked and ended with "/" once, for the page head (scripts copy full addresses from it).
        config.extra["guide_public_url"] = print_options(config.site_name, config.extra).public_url
    if config.extra["guide_public_url"] and not config.site_url:
        # The 404 page is shown at any depth, so it names its files from the site's root: the
        # public address's path (/hr/guide/), else the server's root.
        config.site_url = config.extra["guide_public_url"]
    if settings.logo:
        config.theme["logo"] = settings.logo
    config.extra["guide_addresses"] = addresses.script_config()
    _ASSETS[:] = [_link_bundles(config)]
    return config


# This build's plan for our stylesheets and scripts (macros/assets.py), published after the build.
_ASSETS: list[assets.AssetPlan] = []


def _link_bundles(config: MkDocsConfig) -> assets.AssetPlan:
    """Plan our files; pages link one bundle of our stylesheets and one of our deferred scripts."""
    scripts = [assets.Script(str(script), _deferred(script)) for script in config.extra_javascript]
    custom = config.theme.custom_dir
    plan = assets.asset_plan(list(config.extra_css), scripts, Path(custom) if custom else None)
    css = plan.bundles.get(assets.CSS_BUNDLE, ())
    if css:
        config.extra_css = [*(p for p in config.extra_css if p not in css), assets.CSS_BUNDLE]
    js = plan.bundles.get(assets.JS_BUNDLE, ())
    if js:
        bundle = ExtraScriptValue(assets.JS_BUNDLE)
        bundle.defer = True
        kept = [script for script in config.extra_javascript if str(script) not in js]
        config.extra_javascript = [*kept, bundle]
    return plan


def _deferred(script: ExtraScriptValue | str) -> bool:
    """A plain deferred script (not async, not a module), which may join the bundle."""
    if not isinstance(script, ExtraScriptValue):
        return False
    return script.defer and not (script.async_ or script.type)


# Built page -> its Markdown source, so a broken link is reported where it is written.
_SOURCES: dict[str, Path] = {}


# Built page source -> its review (front matter over the guide's default), for its foot.
_REVIEWS: dict[str, review.Review] = {}


def on_pre_build(config: MkDocsConfig) -> None:
    """Forget the previous build's pages (mkdocs serve rebuilds in the same process)."""
    _SOURCES.clear()
    _REVIEWS.clear()


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Stop on broken front matter and on unsafe or unrendered text, after macros have run."""
    name = f"docs/{page.file.src_uri}"
    if page.file.abs_src_path is None:
        return markdown  # a page generated by the build itself, checked by its own tests
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    _SOURCES[page.file.dest_uri] = Path(page.file.abs_src_path)
    with fail_closed():
        guards.check_front_matter(source, name)
        guards.check_markdown(markdown, source, name)
        default = _this_build(config)[0].settings.review
        _REVIEWS[page.file.src_uri] = review.page_review(source, name, default)
    return markdown


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Keep the theme's compiled templates between builds (macros/templatecache.py)."""
    env.bytecode_cache = templatecache.bytecode_cache(Path(config.config_file_path).parent)
    return env


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Keep component blocks valid HTML inside admonitions and tabs; give headings copy buttons."""
    html = blocks.unwrap_blocks(html)
    return headings.add_copy_buttons(html, page.url, _SHORTS.get(page.url, {}))


def _content_and_options(config: MkDocsConfig) -> tuple[Content, PrintOptions]:
    """The validated data and print settings (both cached or cheap), for the printing hooks."""
    root = Path(config.config_file_path).parent
    with fail_closed():
        content = load_content(root / "data", Path(config.docs_dir))
        return content, print_options(config.site_name, config.extra)


# This build's data and print settings, read once in on_files: asking load_content again on every
# page re-checks every data file's date (most of a second per 100 pages in a large guide).
_THIS_BUILD: list[tuple[Content, PrintOptions]] = []
# This build's changes (data/changes.yml), resolved against the catalogue once in on_files.
_CHANGES: list[changes.ShownChange] = []
# Page URL -> {anchor: short link} of the sections, items, checklists and examples on it.
_SHORTS: dict[str, dict[str, str]] = {}


def _this_build(config: MkDocsConfig) -> tuple[Content, PrintOptions]:
    """The data and print settings read in on_files (read now if a build skipped that event)."""
    return _THIS_BUILD[0] if _THIS_BUILD else _content_and_options(config)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the checklist card pages (print/<id>/ and print/), generated from data."""
    content, options = _content_and_options(config)
    _THIS_BUILD[:] = [(content, options)]
    docs_dir = Path(config.docs_dir)
    directory_urls = config.use_directory_urls
    with fail_closed():
        links = catalogue.build_catalogue(content, docs_dir, directory_urls=directory_urls)
        found = catalogue.source_pages(docs_dir)
        _CHANGES[:] = changes.resolve(content, links, found, directory_urls)
        _SHORTS.clear()
        _SHORTS.update(catalogue.short_links_on_pages(links))
        search.load_synonyms(
            Path(config.config_file_path).parent / "data"
        )  # stop early if malformed
        taken = {file.src_uri for file in files}
        for page in pages.card_pages(content, taken):
            files.append(File.generated(config, page.src_uri, content=page.markdown))
        return files


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Give the page template its print line and its review line (owner, dates, changes)."""
    content, options = _this_build(config)
    src_uri = page.file.src_uri
    page_review = _REVIEWS.get(src_uri)
    reviewed = page_review.last_reviewed if page_review else ""
    context["guide_print_line"] = pageline.print_line(src_uri, content, options, reviewed)
    preview = previews.page_preview(
        content,
        src_uri,
        page.title or "",
        options.site_name,
        options.public_url,
        str(page.meta.get("description") or ""),
        page.content or "",
    )
    context["guide_preview"] = preview
    context["guide_preview_tags"] = Markup(previews.tags(preview))
    # Material writes this into <meta name="description"> unescaped (MkDocs' templates do not
    # escape), so it gets the escaped text.
    page.meta["description"] = escape(preview.description)
    ref = PageRef(src_uri, directory_urls=config.use_directory_urls)
    context["guide_search_help"] = search.search_help(content, ref)
    if page_review is not None:
        recent = changes.for_page(_CHANGES, src_uri)
        context["guide_review"] = review_line(ref, page_review, recent)
    return context


def on_post_build(config: MkDocsConfig) -> None:
    """The engine's post-build work (macros/postbuild.py) on the site MkDocs just wrote."""
    content, options = _this_build(config)
    root = Path(config.config_file_path).resolve().parent  # `-f` may give a relative path
    build = postbuild.Build(
        root=root,
        site_dir=Path(config.site_dir),
        docs_dir=Path(config.docs_dir),
        directory_urls=config.use_directory_urls,
        languages=frozenset({config.theme["language"]}),
        asset_plan=_ASSETS[0] if _ASSETS else assets.AssetPlan(),
        sources=dict(_SOURCES),
        page_reviews=tuple(_REVIEWS.values()),
        # `make check` holds the site to the lock itself, listed with every other problem.
        link_lock=None if os.environ.get("GUIDE_LINK_LOCK") == "check" else root / LOCK_FILE,
    )
    with fail_closed():
        postbuild.run(build, content, options, say=log.info)
