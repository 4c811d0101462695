"""The content guards on their own: what they flag, what they leave alone, where they point."""

from __future__ import annotations

import pytest

from macros.errors import ContentError
from macros.guards import check_front_matter, check_markdown, strip_code


def test_strip_code_blanks_fences_and_spans_but_keeps_lines() -> None:
    text = "a `{{ x }}` b\n```\n<script>\n```\n~~~~\n{% y %}\n~~~~\nend"
    stripped = strip_code(text)
    assert stripped.count("\n") == text.count("\n")
    assert "{{" not in stripped and "<script>" not in stripped and "{%" not in stripped
    assert stripped.endswith("end")


@pytest.mark.parametrize(
    ("text", "needle", "line"),
    [
        ("ok\n\nsee }} here", "macro that was not run", 3),
        ("<SCRIPT src=x></SCRIPT>", "<script>", 1),
        ("x\n<a href='#' onClick='go()'>x</a>", "event attributes", 2),
        ("[x]( javascript:alert(1))", "javascript:", 1),
        ('<a href="vbscript:x">x</a>', "javascript:", 1),
        ("<iframe src=x></iframe>", "<iframe>", 1),
    ],
)
def test_check_markdown_flags_and_points_at_the_source_line(
    text: str, needle: str, line: int
) -> None:
    with pytest.raises(ContentError) as caught:
        check_markdown(text, text, "docs/page.md")
    assert f"docs/page.md:{line}" in str(caught.value)
    assert needle in str(caught.value)
    assert "Fix:" in str(caught.value)


def test_check_markdown_reports_the_line_in_the_source_not_the_rendered_text() -> None:
    source = "# Title\n\n{{ big_macro() }}\n\nLater: stray }} here\n"
    rendered = "# Title\n\n<div>\nmany\nlines\n</div>\n\nLater: stray }} here\n"
    with pytest.raises(ContentError) as caught:
        check_markdown(rendered, source, "docs/page.md")
    assert caught.value.line == 5


@pytest.mark.parametrize(
    "text",
    [
        "Plain text with a [link](https://example.org) and `<script>` in code.",
        "An attr_list id: ## Heading {#my-id}",
        "Words like onion= or javascript in prose are fine.",
        "```js\nel.onclick = () => {{}}\n```",
    ],
)
def test_check_markdown_leaves_safe_text_alone(text: str) -> None:
    check_markdown(text, text, "docs/page.md")


@pytest.mark.parametrize(
    ("source", "line", "needle"),
    [
        ("---\ntitle: [oops\n---\n# T\n", 2, "not valid YAML"),
        ("---\ntitle: a: b\n---\n# T\n", 2, "not valid YAML"),
        ("---\n- a\n- b\n---\n# T\n", 2, "'key: value'"),
        ("---\ntitle: T\n# T\n", 1, "never closed"),
    ],
)
def test_check_front_matter_refuses_bad_yaml(source: str, line: int, needle: str) -> None:
    with pytest.raises(ContentError) as caught:
        check_front_matter(source, "docs/page.md")
    assert caught.value.line == line
    assert needle in str(caught.value)


def test_check_front_matter_accepts_good_and_missing_front_matter() -> None:
    check_front_matter("---\ntitle: T\nsearch:\n  boost: 2\n---\n# T\n", "docs/page.md")
    check_front_matter("# No front matter\n\n---\n\nA rule above.\n", "docs/page.md")
