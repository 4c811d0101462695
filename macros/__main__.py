"""`python -m macros postbuild SITE_DIR`: the guide's post-build work on a folder of built pages.

For a generator that builds the pages but runs no MkDocs hooks (Zensical runs macros, not hooks):
build the pages, then run this to add the card PDFs, the go/ pages, moved and retired addresses,
links.json and our stylesheets and scripts minified under hashed names, and to check every
internal link. Exit 1 with one message naming the file and the fix when anything is wrong.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from macros import postbuild, review
from macros.addresses import CATALOGUE_FILE, page_url
from macros.content import load_content
from macros.errors import ContentError, ContentErrors
from macros.printing.options import print_options
from macros.siteconfig import site_config


def built_file(src_uri: str, directory_urls: bool) -> str:
    """The file a page's HTML is written to, relative to the site."""
    url = page_url(src_uri, directory_urls)
    return f"{url}index.html" if url.endswith("/") or not url else url


def postbuild_folder(site_dir: Path, config_file: Path) -> None:
    """Run the post-build work on `site_dir`, built from the project of `config_file`."""
    config = site_config(config_file)
    if not (site_dir / "index.html").is_file():
        raise ContentError(
            file=str(site_dir),
            message="this is not a built site (no index.html)",
            fix="build the pages first, then give the folder they were written to",
        )
    if (site_dir / CATALOGUE_FILE).exists():
        raise ContentError(
            file=f"{site_dir}/{CATALOGUE_FILE}",
            message="this site has had its post-build work already",
            fix="build the pages again into an empty folder, then run postbuild once",
        )
    content = load_content(config.root / "data", config.docs_dir)
    options = print_options(config.site_name, config.extra)
    sources, reviews = {}, []
    for path in sorted(config.docs_dir.rglob("*.md")):
        src_uri = path.relative_to(config.docs_dir).as_posix()
        if any(part.startswith(".") for part in src_uri.split("/")):
            continue
        sources[built_file(src_uri, config.directory_urls)] = path
        text = path.read_text(encoding="utf-8")
        reviews.append(review.page_review(text, f"docs/{src_uri}", content.settings.review))
    build = postbuild.Build(
        root=config.root,
        site_dir=site_dir,
        docs_dir=config.docs_dir,
        directory_urls=config.directory_urls,
        languages=frozenset({config.language}),
        asset_plan=config.asset_plan,
        sources=sources,
        page_reviews=tuple(reviews),
    )
    postbuild.run(build, content, options, say=print)


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the step it names."""
    parser = argparse.ArgumentParser(prog="python -m macros", description=__doc__.split("\n")[0])
    steps = parser.add_subparsers(dest="step", required=True)
    step = steps.add_parser("postbuild", help="the post-build work on a folder of built pages")
    step.add_argument("site_dir", type=Path, help="the folder the pages were built into")
    step.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the site config")
    args = parser.parse_args(argv)
    try:
        postbuild_folder(args.site_dir, args.config)
    except (ContentError, ContentErrors, postbuild.BrokenLinks) as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Post-build work done in {args.site_dir}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
