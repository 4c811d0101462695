"""Build-wide print settings: where the guide is published (for QR codes) and the build date.

The site has no site_url, so a card can only carry a working QR code when the publisher says where
the guide lives: `extra.public_url` in mkdocs.yml (or GUIDE_PUBLIC_URL). Without it, cards print
the short address as text and no QR code, because a code that scans to nowhere is worse than none.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from macros.addresses import is_public_url
from macros.errors import ContentError

PAPERS = ("a4", "letter")


@dataclass(frozen=True)
class PrintOptions:
    """What every printed page and card needs besides the content itself."""

    site_name: str
    public_url: str
    build_date: datetime

    @property
    def printed(self) -> PrintOptions:
        """These options as paper shows them: the build time cut to its day.

        Paper shows the date, never the time, so the PDFs and their cache key use this: two builds
        on one day without SOURCE_DATE_EPOCH give the same bytes and the second reuses the first.
        """
        day = self.build_date.replace(hour=0, minute=0, second=0, microsecond=0)
        return replace(self, build_date=day)

    @property
    def date_text(self) -> str:
        """The build date as printed on paper (ISO, so it reads the same everywhere)."""
        return self.build_date.strftime("%Y-%m-%d")

    def short_address(self, path: str) -> str:
        """A root-relative address such as `go/step-1/`; absolute when a public URL is set."""
        return f"{self.public_url}{path}" if self.public_url else path


def build_date() -> datetime:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else the time of this build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    return datetime.now(tz=UTC).replace(microsecond=0)


def print_options(site_name: str, extra: dict[str, object]) -> PrintOptions:
    """Read and check `extra.public_url`; a malformed address stops the build."""
    value = str(extra.get("public_url") or "").strip()
    if value and not is_public_url(value):
        raise ContentError(
            file="mkdocs.yml",
            field="extra.public_url",
            message=f"'{value}' is not a web address",
            fix="write the address the guide is published at, e.g. https://intranet.example/hr/guide/",
        )
    if value and not value.endswith("/"):
        value += "/"
    return PrintOptions(site_name=site_name, public_url=value, build_date=build_date())
