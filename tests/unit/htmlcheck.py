"""A strict check of an HTML fragment: balanced tags, sound nesting, unique ids, nothing executable.

Browsers repair broken markup silently, so a lenient parser proves little; this one reports what a
browser would have had to repair.
"""

from __future__ import annotations

from html.parser import HTMLParser

VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
# Elements a <p> or a phrasing-only parent cannot hold (the browser would close the <p> early).
BLOCK = {
    "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav", "ol",
    "p", "pre", "section", "table", "ul",
}  # fmt: skip
PHRASING_ONLY = {"p", "span", "a", "label", "strong", "em", "code", "h1", "h2", "h3", "h4", "h5"}
INTERACTIVE = {"a", "button", "input", "select", "textarea", "label", "details", "summary"}
EXECUTABLE_TAGS = {"script", "iframe", "object", "embed", "frame", "base", "meta", "link"}


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.ids: set[str] = set()
        self.problems: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = [name for name, _ in attrs]
        if len(names) != len(set(names)):
            self.problems.append(f"<{tag}> repeats an attribute: {names}")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag}> has an event attribute {name}")
            if name in ("href", "src", "action", "formaction") and value is not None:
                self.hrefs.append(value)
                if value.strip().lower().startswith(("javascript:", "vbscript:", "data:")):
                    self.problems.append(f"<{tag}> {name} is a script address: {value}")
            if name == "id":
                if value in self.ids:
                    self.problems.append(f"duplicate id {value!r}")
                self.ids.add(value or "")
        if tag in EXECUTABLE_TAGS:
            self.problems.append(f"<{tag}> is not expected in a component")
        parent = self.stack[-1] if self.stack else None
        if parent in PHRASING_ONLY and tag in BLOCK:
            self.problems.append(f"<{tag}> inside <{parent}>")
        if tag in INTERACTIVE and any(t in ("a", "button", "label") for t in self.stack):
            self.problems.append(f"interactive <{tag}> inside {self.stack}")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.problems.append(f"<{tag}/> self-closed but is not a void element")
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            self.problems.append(f"</{tag}> closes a void element")
        elif not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> does not match the open {self.stack}")
        else:
            self.stack.pop()


def problems(html: str) -> list[str]:
    """Everything a browser would have to repair or that could run script, in order."""
    checker = _Checker()
    checker.feed(html)
    checker.close()
    if checker.stack:
        checker.problems.append(f"left open: {checker.stack}")
    return checker.problems


def hrefs(html: str) -> list[str]:
    """Every href and src in the fragment."""
    checker = _Checker()
    checker.feed(html)
    return checker.hrefs
