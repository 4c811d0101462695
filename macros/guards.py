"""Content faults MkDocs lets through silently, caught before a page is converted.

MkDocs shows broken front matter as page text, ships unrendered `{{ macro }}` calls as text, and
passes `<script>`, event attributes and `javascript:` links straight into the site. Each check here
raises a ContentError naming the page, the line in its source file, and the fix.
"""

from __future__ import annotations

import re

import yaml

from macros.errors import ContentError

_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*\n", re.DOTALL)

CHECKS: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (
        re.compile(r"\{\{|\{%|\}\}|%\}"),
        "this looks like a macro that was not run (a leftover '{{', '}}', '{%' or '%}')",
        'check the macro\'s spelling and brackets, e.g. {{ checklist("tell-your-manager") }}; '
        "to show braces as text, put them in `code`",
    ),
    (
        re.compile(r"<\s*/?\s*(script|iframe|object|embed)\b", re.IGNORECASE),
        "pages must not contain <script>, <iframe>, <object> or <embed>",
        "remove it; interactive features belong in a script under overrides/assets/javascripts/",
    ),
    (
        re.compile(r"<[a-zA-Z][^>]*\son[a-z]+\s*=", re.IGNORECASE),
        "pages must not contain event attributes such as onclick= or onerror=",
        "remove the attribute; behaviour belongs in a script under overrides/assets/javascripts/",
    ),
    (
        re.compile(
            r"(?:\]\(|href\s*=\s*['\"]?|src\s*=\s*['\"]?)\s*(?:javascript|vbscript|data):", re.I
        ),
        "pages must not link to javascript:, vbscript: or data: addresses",
        "link to a page of this guide or to an https:// address",
    ),
)


def blank_fenced_code(markdown: str) -> list[str]:
    """The page's lines with fenced code blocks (fences included) blanked; line numbers hold."""
    lines = markdown.split("\n")
    fence: str | None = None
    for index, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group(2)[0] * len(match.group(2))
            lines[index] = ""
        elif fence is not None:
            if line.strip().startswith(fence) and set(line.strip()) == {fence[0]}:
                fence = None
            lines[index] = ""
    return lines


def blank_front_matter(source: str) -> str:
    """The page with its front matter blanked and line numbers kept: a `# comment` is no title."""
    match = _FRONT_MATTER.match(source)
    if match is None:
        return source
    return "\n" * match.group(0).count("\n") + source[match.end() :]


def strip_code(markdown: str) -> str:
    """Blank out fenced and inline code, keeping line breaks, so examples in code pass."""
    return "\n".join(
        _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line)
        for line in blank_fenced_code(markdown)
    )


def source_line(source: str, snippet: str) -> int | None:
    """The 1-based line of `snippet` in the page's source file, if it is written there."""
    for number, line in enumerate(source.splitlines(), start=1):
        if snippet in line:
            return number
    return None


def check_front_matter(source: str, page_file: str) -> None:
    """Refuse a front-matter block that is not a valid YAML mapping."""
    if not source.startswith("---"):
        return
    match = _FRONT_MATTER.match(source)
    if match is None:
        raise ContentError(
            file=page_file,
            line=1,
            field="front matter",
            message="the front matter starting with '---' is never closed",
            fix="end the front matter with a line holding only '---'",
        )
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.MarkedYAMLError as exc:
        # At the end of the block the problem mark is past the mistake; the context mark (say, an
        # unclosed '[') is where the author should look.
        at_end = "end" in (exc.problem or "") and exc.context_mark is not None
        mark = exc.context_mark if at_end else exc.problem_mark
        raise ContentError(
            file=page_file,
            line=mark.line + 2 if mark else 1,
            field="front matter",
            message=f"the front matter is not valid YAML ({exc.problem})",
            fix="write each setting as 'key: value' and quote values that contain ': '",
        ) from None
    if data is not None and not isinstance(data, dict):
        raise ContentError(
            file=page_file,
            line=2,
            field="front matter",
            message="the front matter must be 'key: value' lines",
            fix="write each setting as 'key: value'",
        )


def check_markdown(rendered: str, source: str, page_file: str) -> None:
    """Check a page's Markdown after macros ran; report lines as they stand in the source file."""
    text = strip_code(rendered)
    for pattern, message, fix in CHECKS:
        for number, line in enumerate(text.split("\n"), start=1):
            match = pattern.search(line)
            if match:
                written = rendered.split("\n")[number - 1]
                line_in_source = source_line(source, written.strip()) or source_line(
                    source, written[match.start() : match.end()]
                )
                raise ContentError(
                    file=page_file,
                    line=line_in_source or number,
                    message=message,
                    fix=fix,
                )
