"""What a build prints: one `Error: ` label for whatever stops it, and none of the plumbing lines.

MkDocs labels the problems that stop a strict build `WARNING` or `ERROR`, the macros plugin adds
`[macros] - ERROR`, and ten INFO lines about modules and folders come first. An author reads the
output to find what to fix, so every problem reads `Error: <file:line: what. Fix: how.>` (as
`make check` prints it) and only the lines that say what happened are kept.
"""

from __future__ import annotations

import logging
import re

# Plumbing an author cannot act on: the macros plugin's start-up report, MkDocs' folders, and
# MkDocs' own notes on links (at INFO in mkdocs.yml), which the build's link check reports once
# with the page, the line and the fix.
_NOISE = re.compile(
    r"^(\[[\d:]+\] )?(\[macros\] - |Cleaning site directory|Building documentation to directory: "
    r"|Watching paths for changes: |Browser connected: |Doc file '[^']*' contains a link )"
)
_MACROS_PREFIX = re.compile(r"^\[macros\] - (ERROR )?")
# The preview's request log: a missing favicon is not a problem with the guide.
_SERVER_LOGGER = "mkdocs.livereload"


def plain_message(record: logging.LogRecord) -> str:
    """The record's text without the macros plugin's prefix."""
    return _MACROS_PREFIX.sub("", record.getMessage())


def is_problem(record: logging.LogRecord) -> bool:
    """A warning or error that stops the strict build (the preview's request log does not)."""
    return record.levelno >= logging.WARNING and not record.name.startswith(_SERVER_LOGGER)


def is_noise(record: logging.LogRecord) -> bool:
    """An INFO line about the machinery, not about the guide."""
    if record.levelno >= logging.WARNING:
        return record.name.startswith(_SERVER_LOGGER)
    return bool(_NOISE.match(record.getMessage()))


class GuideFormatter(logging.Formatter):
    """`Error: ` before each problem; other lines as they are."""

    def format(self, record: logging.LogRecord) -> str:
        """The record's text, labelled when it stops the build."""
        text = plain_message(record)
        return f"Error: {text}" if is_problem(record) else text


def _quiet(record: logging.LogRecord) -> bool:
    return not is_noise(record)


def install(logger_name: str = "mkdocs") -> None:
    """Give MkDocs' console handler our labels and filter, once however often it is called."""
    for handler in logging.getLogger(logger_name).handlers:
        if isinstance(handler, logging.StreamHandler) and not isinstance(
            handler.formatter, GuideFormatter
        ):
            handler.setFormatter(GuideFormatter())
            handler.addFilter(_quiet)
