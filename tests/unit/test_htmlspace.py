"""Built pages lose the theme's indentation, never a space a reader sees or a byte that counts."""

from __future__ import annotations

from pathlib import Path

from lxml import html as lxml_html

from macros.htmlspace import collapse, collapse_pages


def test_indentation_between_tags_becomes_one_newline() -> None:
    page = "<nav>\n      <ul>\n        <li>One</li>\n        <li>Two</li>\n      </ul>\n    </nav>"
    assert collapse(page) == "<nav>\n<ul>\n<li>One</li>\n<li>Two</li>\n</ul>\n</nav>"


def test_inline_elements_apart_keep_one_space() -> None:
    assert collapse("<p><a>Print</a>\n    <a>Share</a></p>") == "<p><a>Print</a>\n<a>Share</a></p>"
    assert collapse("<p><b>Own</b>   <i>it</i></p>") == "<p><b>Own</b> <i>it</i></p>"
    assert collapse("<p><b>Own</b><i>it</i></p>") == "<p><b>Own</b><i>it</i></p>"


def test_words_in_text_keep_one_space_and_no_break_spaces_stay() -> None:
    assert collapse("<p>Tell  your\t manager\u00a0\u00a0now</p>") == (
        "<p>Tell your manager\u00a0\u00a0now</p>"
    )


def test_pre_textarea_script_style_code_and_kbd_are_kept_as_written() -> None:
    kept = [
        '<pre class="x"><code>if a:\n    b  = 1\n</code></pre>',
        "<textarea>  two\n\n  lines </textarea>",
        '<script type="application/json">{"a":  "<b>  x</b>"}</script>',
        "<style>\n  .a  { color: red }\n</style>",
        "<p>Run <code>make   build</code> now</p>",
        "<p>Press <kbd>Ctrl</kbd>  +  <kbd>C  </kbd></p>",
    ]
    for html in kept[:5]:
        assert collapse(f"<div>\n  {html}\n</div>") == f"<div>\n{html}\n</div>"
    assert collapse(kept[5]) == "<p>Press <kbd>Ctrl</kbd> + <kbd>C  </kbd></p>"


def test_nested_kept_elements_are_kept_until_the_outer_one_ends() -> None:
    html = "<pre><code><span>a</span>   <span>b</span>\n\n</code>  x  </pre>  <p>a   b</p>"
    kept = "<pre><code><span>a</span>   <span>b</span>\n\n</code>  x  </pre>"
    assert collapse(html) == f"{kept} <p>a b</p>"


def test_attribute_values_and_comments_are_untouched() -> None:
    html = (
        '<div title="a  b\n   c" data-x=\'{"k":  ">  <"}\'>\n  <img alt="x   y" src=a.svg>\n</div>'
        "<!--  a   note  -->"
    )
    assert collapse(html) == (
        '<div title="a  b\n   c" data-x=\'{"k":  ">  <"}\'>\n<img alt="x   y" src=a.svg>\n</div>'
        "<!--  a   note  -->"
    )


def test_the_page_text_a_parser_reads_is_the_same() -> None:
    page = (
        "<!DOCTYPE html>\n<html>\n  <head>\n    <title>Own it</title>\n  </head>\n  <body>\n"
        "    <article>\n      <h1>Own   it</h1>\n"
        "      <p>Say <em>what</em>\n        happened.</p>\n"
        "      <pre>  keep\n   this</pre>\n    </article>\n  </body>\n</html>\n"
    )

    def words(html: str) -> list[str]:
        return lxml_html.fromstring(html).text_content().split()

    collapsed = collapse(page)
    assert len(collapsed) < len(page)
    assert words(collapsed) == words(page)
    assert "<pre>  keep\n   this</pre>" in collapsed


def test_collapse_pages_rewrites_every_page_and_only_pages(tmp_path: Path) -> None:
    (tmp_path / "steps").mkdir()
    (tmp_path / "index.html").write_text("<p>\n   a</p>", encoding="utf-8")
    (tmp_path / "steps" / "index.html").write_text("<p>b    c</p>", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("a    b", encoding="utf-8")
    collapse_pages(tmp_path)
    assert (tmp_path / "index.html").read_text(encoding="utf-8") == "<p>\na</p>"
    assert (tmp_path / "steps" / "index.html").read_text(encoding="utf-8") == "<p>b c</p>"
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "a    b"
    collapse_pages(tmp_path)  # a second run changes nothing
    assert (tmp_path / "index.html").read_text(encoding="utf-8") == "<p>\na</p>"
