"""MkDocs hook for the offline copy (mkdocs.offline.yml): ship the iframe-worker shim ourselves.

Material's offline plugin makes search work from file:// with the iframe-worker shim, which it
loads from a CDN unless `extra.polyfills` already names a copy. This hook adds the pinned npm copy
(node_modules/iframe-worker, package-lock.json) to the site at the address the config names.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parents[2]
SHIM = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"
SHIM_URI = "assets/javascripts/iframe-worker-shim.js"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Refuse to build when the shim is missing or the config would load it from elsewhere."""
    if not SHIM.is_file():
        raise PluginError(
            f"{SHIM.relative_to(ROOT)} is missing: the offline copy ships its own search shim. "
            "Fix: run 'npm ci' (or 'make offline', which does)."
        )
    if config.extra.get("polyfills") != [SHIM_URI]:
        raise PluginError(
            f"mkdocs.offline.yml: extra.polyfills must be exactly ['{SHIM_URI}'] so Material's "
            "offline plugin does not add its CDN copy of iframe-worker."
        )
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the pinned shim to the site."""
    files.append(File.generated(config, SHIM_URI, abs_src_path=str(SHIM)))
    return files
