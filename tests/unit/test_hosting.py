"""The four server configurations in hosting/ say the same thing: one policy, one caching rule.

Only nginx.conf is run for real (tests/browser/test_hosting_nginx.py); the others are held here to
the same policy text, the same hashed-name rule, revalidation, the 404 page and valid syntax where
a parser is at hand, so a change to one that is not made to all shows up.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from macros.assets import HASHED_NAME
from tests.support import ROOT

HOSTING = ROOT / "hosting"
FILES = ["nginx.conf", ".htaccess", "web.config", "Caddyfile"]
POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; frame-ancestors 'self'"
)


def test_the_browser_tests_use_the_policy_the_servers_send() -> None:
    from tests.browser.conftest import STRICT_CSP

    assert STRICT_CSP == POLICY


@pytest.mark.parametrize("name", FILES)
def test_each_configuration_sends_the_policy_and_caches_by_name(name: str) -> None:
    text = (HOSTING / name).read_text(encoding="utf-8")
    assert POLICY in text
    assert "nosniff" in text
    assert "/hr/guide/404.html" in text or "/404.html" in text
    assert "no-cache" in text or 'cacheControlMode="DisableCache"' in text
    assert "immutable" in text
    assert "31536000" in text or "365.00:00:00" in text
    if name != "web.config":  # IIS caches the two asset folders, all hashed (tests/site)
        assert r"\.[0-9a-f]{8}\.min\.(css|js)$" in text
    assert HASHED_NAME.pattern == r"\.[0-9a-f]{8}\.min\.(?:css|js)$"


def test_web_config_is_well_formed_xml() -> None:
    root = ET.parse(HOSTING / "web.config").getroot()
    assert root.tag == "configuration"
    headers = root.find("system.webServer/httpProtocol/customHeaders")
    assert {add.get("name"): add.get("value") for add in headers}["Content-Security-Policy"] == (
        POLICY
    )


def test_hosting_md_names_every_configuration() -> None:
    text = (HOSTING / "HOSTING.md").read_text(encoding="utf-8")
    for name in FILES:
        assert f"({name})" in text, name
