"""The guide's engine; also the mkdocs-macros entry (`module_name: macros` in mkdocs.yml).

The plugin calls `define_env`, which hands over to the glue. The import waits until then, so the
engine (every module under macros/ but glue/) loads without MkDocs installed.
"""

from __future__ import annotations


def define_env(env) -> None:  # env: the plugin's MacrosPlugin object
    """Called by mkdocs-macros once per build."""
    from macros.glue.plugin import define_env as register

    register(env)
