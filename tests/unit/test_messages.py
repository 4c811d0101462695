"""What a build prints (macros.glue.messages): `Error: ` before each problem, no plumbing lines."""

from __future__ import annotations

import io
import logging

import pytest

from macros.glue import messages


@pytest.fixture
def console() -> tuple[logging.Logger, io.StringIO]:
    """A logger shaped like MkDocs' own: a stream handler on a non-propagating parent."""
    stream = io.StringIO()
    logger = logging.getLogger("guide-test-mkdocs")
    logger.handlers.clear()
    logger.propagate = False
    logger.setLevel(logging.INFO)
    logger.addHandler(logging.StreamHandler(stream))
    messages.install("guide-test-mkdocs")
    messages.install("guide-test-mkdocs")  # a preview rebuild installs again: still one filter
    return logger, stream


def test_problems_read_error_and_plumbing_is_dropped(console) -> None:
    logger, stream = console
    macros = logging.getLogger("guide-test-mkdocs.plugins.mkdocs_macros.util")
    macros.info("[macros] - Found local Python module 'macros' in: /guide")
    macros.warning("[macros] - ERROR docs/about.md:4: 'x' is not defined. Fix: check it.")
    logger.info("Cleaning site directory")
    logger.info("Building documentation to directory: /tmp/site")
    logger.info("Documentation built in 5.36 seconds")
    logger.info("Doc file 'about.md' contains a link 'nowhere.md', but the target is not found.")
    logger.warning("Doc file 'about.md' contains an absolute link '/x/', it was left as is.")
    logging.getLogger("guide-test-mkdocs.hooks.guide").error("docs/a.md:3: broken. Fix: mend it.")
    assert stream.getvalue().splitlines() == [
        "Error: docs/about.md:4: 'x' is not defined. Fix: check it.",
        "Documentation built in 5.36 seconds",
        "Error: Doc file 'about.md' contains an absolute link '/x/', it was left as is.",
        "Error: docs/a.md:3: broken. Fix: mend it.",
    ]


def test_the_preview_request_log_is_no_problem() -> None:
    request = logging.LogRecord(
        "mkdocs.livereload", logging.WARNING, "", 0, '"GET /favicon.ico" code 404', None, None
    )
    assert not messages.is_problem(request)
    assert messages.is_noise(request)
    served = logging.LogRecord(
        "mkdocs.livereload", logging.INFO, "", 0, "[01:02:03] Browser connected: x", None, None
    )
    assert messages.is_noise(served)
