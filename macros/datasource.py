"""The data files as a source of records: where they are and how errors name them.

Shared by every reader of data/ (the content loaders, the knowledge-check questions), so each
names files, checks links and refuses a repeated id the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from macros.errors import ContentError
from macros.fields import Record
from macros.yamlsource import Located, load_yaml


@dataclass(frozen=True)
class DataSource:
    """Where the data files are, how errors name them, and where linked pages must exist."""

    data_dir: Path
    docs_dir: Path | None

    def name(self, path: Path) -> str:
        """The file's name in messages: data/checklists.yml, data/examples/wrong-refund.yml."""
        return f"{self.data_dir.name}/{path.relative_to(self.data_dir).as_posix()}"

    def record(self, located: Located, kind: str, label: str | None = None) -> Record:
        """A record whose links are checked against docs/."""
        return Record(located, kind, label=label, docs_dir=self.docs_dir)

    def top_list(
        self, file_name: str, key: str, kind: str, also: tuple[str, ...] = ()
    ) -> tuple[Record, list[Located]]:
        """The file's top-level list (`steps:`, `checklists:`), refusing any key but `also`.

        With `also`, the caller reads those keys from the returned record and finishes it.
        """
        path = self.data_dir / file_name
        if not path.is_file():
            raise ContentError(
                file=self.name(path),
                message="the file is missing",
                fix=f"create it with a '{key}:' list (see AUTHORING.md)",
            )
        top = self.record(load_yaml(path, self.name(path)), "file")
        entries = top.records(key, kind)
        if not also:
            top.finish()
        return top, entries


def check_unique(seen: dict[str, int], record: Record, value: str, what: str) -> None:
    """Refuse an id used before in the same list; `seen` maps ids to the line they were on."""
    if value in seen:
        raise record.error(
            "id",
            f"the {what} id '{value}' is used twice (first on line {seen[value]})",
            f"give each {what} its own id; never reuse an id, even after deleting its {what}",
        )
    seen[value] = record.fields["id"].line
