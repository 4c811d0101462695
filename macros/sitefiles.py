"""Files the theme ships that this site never loads: source maps and other languages' search."""

from __future__ import annotations

from pathlib import Path


def prune_unused_assets(site_dir: Path, languages: set[str]) -> list[Path]:
    """Delete source maps and search-language files for languages the site does not use."""
    removed = sorted(site_dir.rglob("*.map"))
    lunr = site_dir / "assets" / "javascripts" / "lunr"
    keep = {f"lunr.{language}.min.js" for language in languages}
    # English needs no language pack; the stemmer support and multi-language shims are used only
    # when another language is configured.
    if languages - {"en"}:
        keep |= {"lunr.stemmer.support.min.js", "lunr.multi.min.js"}
    if lunr.is_dir():
        removed += [p for p in sorted(lunr.rglob("*.js")) if p.name not in keep]
        removed += [p for p in sorted(lunr.rglob("*")) if p.is_file() and p.suffix != ".js"]
    for path in removed:
        path.unlink()
    folders = [*lunr.rglob("*"), lunr] if lunr.is_dir() else []
    for folder in sorted((p for p in folders if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    return removed
