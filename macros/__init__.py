"""mkdocs-macros entry point: load the data once, then register the components. Nothing else."""

from __future__ import annotations

from macros.registry import register


def define_env(env) -> None:  # env: the plugin's MacrosPlugin object
    """Called by mkdocs-macros once per build."""
    register(env)
