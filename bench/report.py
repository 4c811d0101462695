"""The bench's one table: each figure with its target and whether it is met."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Row:
    """One figure. `ratio` is ours over plain where there is a plain twin; `met` None: no target."""

    section: str
    figure: str
    value: str
    ratio: float | None
    target: str
    met: bool | None

    def as_dict(self) -> dict[str, object]:
        """The row as it goes into results.json."""
        return asdict(self)


def table(rows: list[Row]) -> str:
    """Fixed-width text, one row per figure, for a terminal or a CI log."""
    header = ("Section", "Figure", "Value", "Ratio", "Target", "Result")
    cells = [
        (
            row.section,
            row.figure,
            row.value,
            "" if row.ratio is None else f"{row.ratio:.2f}x",
            row.target,
            {True: "pass", False: "MISS", None: ""}[row.met],
        )
        for row in rows
    ]
    widths = [max(len(line[i]) for line in [header, *cells]) for i in range(len(header))]
    lines = [header, tuple("-" * w for w in widths), *cells]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in lines
    )


def markdown(rows: list[dict[str, object]]) -> str:
    """The table from results.json as Markdown, for the README's Performance section."""
    lines = ["| Figure | Value | Ratio | Target | Result |", "| --- | --- | --- | --- | --- |"]
    for row in rows:
        ratio = "" if row["ratio"] is None else f"{row['ratio']:.2f}x"
        result = {True: "pass", False: "**miss**", None: ""}[row["met"]]
        figure = f"{row['section']}: {row['figure']}"
        lines.append(f"| {figure} | {row['value']} | {ratio} | {row['target']} | {result} |")
    return "\n".join(lines)
