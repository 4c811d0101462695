"""Component blocks kept valid HTML where Markdown would wrap them (admonitions, tabs)."""

from __future__ import annotations

import re

# A component inside an admonition or a tab is not at the start of a Markdown block, so Markdown
# wraps its one-line HTML in <p>...</p>. Its output is always one line starting with a guide- block
# (a worked example's starts with the row of its copy button, then the example).
_WRAPPED_BLOCK = re.compile(
    r'^<p>((?:<div class="guide-copy-row">(?:(?!</div>).)*</div>)?'
    r'<(section|details|nav|div|p|ol|ul)\b[^>]*\bclass="guide-[^"]*"[^>]*>.*</\2>)</p>$',
    re.MULTILINE,
)


def unwrap_blocks(html: str) -> str:
    """Take component blocks out of the paragraph Markdown put them in (admonitions, tabs)."""
    return _WRAPPED_BLOCK.sub(r"\1", html)
