"""The settings the engine needs from the site's config file (mkdocs.yml), read without MkDocs.

MkDocs and its successor Zensical both read mkdocs.yml, so the post-build work run on its own
(`python -m macros postbuild`) reads the same file: `INHERIT` merged as MkDocs merges it, `!ENV`
resolved, other tags (Python objects for Markdown extensions) skipped as the engine needs none.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from macros import assets
from macros.errors import ContentError


class _Loader(yaml.SafeLoader):
    """YAML as mkdocs.yml writes it: `!ENV [NAME, default]` and Python tags."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    """`!ENV NAME` or `!ENV [NAME, OTHER, default]`: the first variable set, else the default."""
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(loader.construct_scalar(node))
    names = loader.construct_sequence(node)
    for name in names[:-1]:
        if name in os.environ:
            return yaml.safe_load(os.environ[name])
    return names[-1] if len(names) > 1 else os.environ.get(names[0])


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _merge(base: dict, child: dict) -> dict:
    """MkDocs's INHERIT: mappings merge key by key, anything else (lists) is replaced."""
    merged = dict(base)
    for key, value in child.items():
        both = isinstance(value, dict) and isinstance(merged.get(key), dict)
        merged[key] = _merge(merged[key], value) if both else value
    return merged


def read(config_file: Path) -> dict:
    """The config file as a mapping, with INHERIT applied."""
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader) or {}
    except (OSError, yaml.YAMLError) as error:
        raise ContentError(
            file=config_file.name,
            message=f"the config cannot be read ({error})",
            fix="give the path of the site's mkdocs.yml with --config",
        ) from None
    parent = data.pop("INHERIT", None)
    if parent:
        data = _merge(read(config_file.parent / parent), data)
    return data


def _plugin_names(plugins: object) -> set[str]:
    entries = plugins if isinstance(plugins, list) else list(dict(plugins or {}))
    return {next(iter(entry)) if isinstance(entry, dict) else str(entry) for entry in entries}


@dataclass(frozen=True)
class SiteConfig:
    """What the engine reads of the config: names, folders and settings, not the theme's own."""

    root: Path
    site_name: str
    docs_dir: Path
    directory_urls: bool
    language: str
    extra: dict
    extra_css: tuple[str, ...]
    scripts: tuple[assets.Script, ...] = ()
    custom_dir: Path | None = None

    @property
    def asset_plan(self) -> assets.AssetPlan:
        """Our stylesheets and scripts, as the build joins and publishes them (macros/assets.py)."""
        return assets.asset_plan(list(self.extra_css), list(self.scripts), self.custom_dir)


def _script(entry: object) -> assets.Script:
    """An extra_javascript entry: a path, or a mapping with `path` and its attributes."""
    if not isinstance(entry, dict):
        return assets.Script(str(entry))
    plain = not (entry.get("async") or entry.get("type"))
    return assets.Script(str(entry.get("path", "")), bool(entry.get("defer")) and plain)


def site_config(config_file: Path) -> SiteConfig:
    """The engine's settings from mkdocs.yml (or a file that INHERITs it)."""
    data = read(config_file)
    theme = data.get("theme") if isinstance(data.get("theme"), dict) else {}
    # Material's offline plugin turns directory URLs off: the copy is opened from a folder.
    offline = "offline" in _plugin_names(data.get("plugins"))
    root = config_file.resolve().parent
    return SiteConfig(
        root=root,
        site_name=str(data.get("site_name", "")),
        docs_dir=root / str(data.get("docs_dir", "docs")),
        directory_urls=bool(data.get("use_directory_urls", True)) and not offline,
        language=str(theme.get("language", "en")),
        extra=dict(data.get("extra") or {}),
        extra_css=tuple(str(path) for path in data.get("extra_css") or ()),
        scripts=tuple(_script(entry) for entry in data.get("extra_javascript") or ()),
        custom_dir=root / str(theme["custom_dir"]) if theme.get("custom_dir") else None,
    )
