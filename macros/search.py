"""Search that answers in the reader's words: synonyms added to the index, and its word list.

Material's search finds a page only by the words written on it, and only from their first letters
on ("manag" finds "manager"). Readers in a hurry type other words ("boss", "fired") and misspell
them ("manger"). Two things are done here, after the build, to the index the browser downloads:

- **Synonyms** (data/synonyms.yml): each indexed section that uses a guide word ("manager") gets
  the readers' words for it ("boss") in a field of its own, which search matches but never shows.
  The page text stays as written, so no page is stuffed with words for search's sake.
- **The word list** (search/words.js): every word the index holds, most used first, for the
  browser script (overrides/assets/javascripts/search.js) that corrects misspellings and word
  forms. It is a script, not JSON, so it loads from file:// and under `script-src 'self'`, and
  the script asks for it only when someone searches.

This runs on the built folder and imports nothing from MkDocs; the offline copy's search_index.js
is written from the enriched index afterwards (its plugin runs last).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from macros import inline
from macros.addresses import FIRST_HOUR_PAGE, SEARCH_WORDS, STEPS_PAGE
from macros.content import Content
from macros.errors import ContentError
from macros.fields import Record
from macros.pageref import PageRef
from macros.render import render
from macros.yamlsource import Located, load_yaml

SYNONYMS_FILE = "synonyms.yml"
INDEX_FILE = "search/search_index.json"
# The search panel's help styles (theme assets): the help names them, so only a search loads them.
HELP_STYLESHEET = "assets/stylesheets/search.css"
# The index field holding the readers' words. Material searches every field the index config
# names and shows only title, text and tags, so this one matches without being seen.
FIELD = "synonyms"
# As strong as the page's own text: a synonym finds the sections that use the guide word, and the
# pages' `search: boost` still decides their order.
FIELD_BOOST = 1.0
# A word or phrase as readers type it: lower-case letters, apostrophes inside words, single spaces.
_WORDS = re.compile(r"^[a-z]+(?:'[a-z]+)?(?: [a-z]+(?:'[a-z]+)?)*$")
# Tokens the word list keeps: letters, with an apostrophe inside ("don't"); no numbers.
_WORD_TOKEN = re.compile(r"^[^\W\d_]+(?:['\u2019][^\W\d_]+)*$")


@dataclass(frozen=True)
class Synonym:
    """A word or phrase readers use, and the words this guide uses for the same thing."""

    reader: str
    guide: tuple[tuple[str, int], ...]  # each guide word or phrase, with the line it is on
    line: int

    @property
    def token(self) -> str:
        """The reader's words as one index token: "screwed up" is "screwedup".

        Search matches a word from its first letters on, so "screwed" still finds it, while "up"
        does not match every section that says "mistake".
        """
        return self.reader.replace(" ", "")


def load_synonyms(data_dir: Path) -> tuple[Synonym, ...]:
    """Read data/synonyms.yml (optional: without it, search matches only the guide's own words)."""
    path = data_dir / SYNONYMS_FILE
    if not path.is_file():
        return ()
    name = f"data/{SYNONYMS_FILE}"
    top = Record(load_yaml(path, name), "file")
    listed = top.mapping("synonyms", "synonyms list")
    assert listed is not None  # required
    top.finish()
    if not listed.fields:
        raise listed.error(
            None, "'synonyms' is empty", "add a line such as 'boss: [manager]', or delete the file"
        )
    return tuple(_synonym(listed, reader, value) for reader, value in listed.fields.items())


def _synonym(listed: Record, reader: str, value: Located) -> Synonym:
    """One `reader words: [guide words]` line, checked."""
    if not _WORDS.match(reader):
        raise listed.error(
            reader,
            f"'{reader}' is not a word or phrase in lower-case letters",
            "write the reader's word as they would type it, in lower case, such as 'boss' or "
            "'screwed up' (letters, single spaces and apostrophes only)",
        )
    entries = value.value if isinstance(value.value, list) else [value]
    guide: list[tuple[str, int]] = []
    for entry in entries:
        word = entry.value.strip() if isinstance(entry.value, str) else ""
        if not _WORDS.match(word):
            shown = word or "(a block or an empty value)"
            raise listed.error(
                reader,
                f"'{shown}' is not a word or phrase in lower-case letters",
                f"write the guide's words for '{reader}' as a list: '{reader}: [manager]' or "
                f"'{reader}: [apology, sorry]' (letters, single spaces and apostrophes only)",
                line=entry.line,
            )
        if word == reader:
            raise listed.error(
                reader,
                f"'{reader}' is listed as a synonym of itself",
                "remove it from the list: the guide's own words are always found",
                line=entry.line,
            )
        if word in (seen for seen, _ in guide):
            raise listed.error(
                reader, f"'{word}' is listed twice", "keep one of them", line=entry.line
            )
        guide.append((word, entry.line))
    if not guide:
        raise listed.error(
            reader, f"'{reader}' has no guide words", f"write '{reader}: [manager]' or similar"
        )
    return Synonym(reader, tuple(guide), value.line)


def tokens(text: str, separator: re.Pattern[str]) -> list[str]:
    """Lower-case words of `text`, split where Material's search splits them."""
    return [token for token in separator.split(inline.text_of(text).lower()) if token]


def _entry_texts(entry: dict) -> Iterator[str]:
    yield entry.get("title", "")
    yield entry.get("text", "")
    yield from entry.get("tags", [])


def _has_phrase(words: list[str], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    return any(tuple(words[i : i + size]) == phrase for i in range(len(words) - size + 1))


def add_synonyms(index: dict, synonyms: Iterable[Synonym]) -> dict:
    """Give every indexed section that uses a guide word its readers' words, in FIELD.

    A guide word that no section uses would find nothing: the build stops and names its line.
    """
    separator = re.compile(index["config"]["separator"])
    sections = [
        [token for text in _entry_texts(entry) for token in tokens(text, separator)]
        for entry in index["docs"]
    ]
    found: dict[int, list[str]] = {}
    for synonym in synonyms:
        for word, line in synonym.guide:
            phrase = tuple(tokens(word, separator))
            users = [i for i, words in enumerate(sections) if _has_phrase(words, phrase)]
            if not users:
                raise ContentError(
                    file=f"data/{SYNONYMS_FILE}",
                    line=line,
                    field=synonym.reader,
                    message=f"the guide never uses '{word}', so '{synonym.reader}' would find "
                    "nothing through it",
                    fix="check the spelling, or use a word or phrase the guide's pages use "
                    "(search the built site for it)",
                )
            for i in users:
                readers = found.setdefault(i, [])
                if synonym.token not in readers:
                    readers.append(synonym.token)
    for i, entry in enumerate(index["docs"]):
        entry.pop(FIELD, None)
        if i in found:
            entry[FIELD] = " ".join(found[i])
    index["config"]["fields"][FIELD] = {"boost": FIELD_BOOST}
    return index


def vocabulary(index: dict, synonyms: Iterable[Synonym] = ()) -> list[str]:
    """Every word search can match, most used first (ties in alphabetical order).

    Readers' words count once for each section they were added to: that is how often they match.
    """
    separator = re.compile(index["config"]["separator"])
    counts: Counter[str] = Counter()
    for entry in index["docs"]:
        for text in _entry_texts(entry):
            counts.update(t for t in tokens(text, separator) if _WORD_TOKEN.match(t))
    added = Counter(token for entry in index["docs"] for token in entry.get(FIELD, "").split())
    for synonym in synonyms:
        counts.update({word: added[synonym.token] for word in synonym.reader.split()})
    return sorted(counts, key=lambda word: (-counts[word], word))


def words_script(index: dict, synonyms: Iterable[Synonym] = ()) -> str:
    """search/words.js: the word list and the separator, as a script that sets one global."""
    data = {"separator": index["config"]["separator"], "words": vocabulary(index, synonyms)}
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"window.guideSearchWords={payload};\n"


def enrich_site(site_dir: Path, data_dir: Path) -> None:
    """Add the synonyms to the built search index and write the word list beside it."""
    path = site_dir / INDEX_FILE
    if not path.is_file():
        return  # a build without the search plugin has nothing to enrich
    index = json.loads(path.read_text(encoding="utf-8"))
    synonyms = load_synonyms(data_dir)
    add_synonyms(index, synonyms)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")
    (site_dir / SEARCH_WORDS).write_text(words_script(index, synonyms), encoding="utf-8")


def search_help(content: Content, page: PageRef) -> Markup:
    """What the search panel offers beyond Material's results, in an inert <template>.

    The first-hour page, the five steps and how to reach HR, for a search that finds nothing, and
    the sentences the script fills in. Rendered per page, so every link is relative to it.
    """
    html = render(
        "search_help.html",
        page,
        style_href=page.link_to(HELP_STYLESHEET),
        first_hour_href=page.link_to_page(FIRST_HOUR_PAGE),
        steps_href=page.link_to_page(STEPS_PAGE),
        hr=content.settings.hr.markdown,
    )
    return Markup(html)
