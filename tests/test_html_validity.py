"""The Nu HTML Checker (vnu-jar from npm, on the machine's Java) finds no error
in the built pages, except the ones listed here with the reason they stay."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Errors that come from Material's own markup, cannot be fixed with a template
# block or a setting, and do no harm to readers.
ALLOWED = {
    # base.html sets autocomplete="off" on its two hidden checkboxes (menu and
    # search toggles) so Firefox does not restore them open after a reload.
    # They sit outside every template block; removing the attribute would mean
    # copying base.html whole.
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
    "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, “search”, "
    "“tel”, “text”, “time”, “url”, or “week”.",
}


def vnu(folder) -> list[dict]:
    java = shutil.which("java")
    assert java, "Java is missing: install Debian's default-jre-headless (.ci/run does)"
    assert VNU.is_file(), "vnu-jar is missing: run `npm ci` (make test does)"
    result = subprocess.run([java, "-jar", str(VNU), "--format", "json", "--errors-only", "--skip-non-html", str(folder)],
                            capture_output=True, text=True)
    return json.loads(result.stderr)["messages"]


def describe(messages: list[dict], root) -> list[str]:
    return [f"{m['url'].removeprefix('file:' + str(root) + '/')}:{m.get('lastLine')}: {m['message']}" for m in messages]


@pytest.fixture(scope="module")
def site_messages(site) -> list[dict]:
    return vnu(site)


def test_the_built_pages_are_valid_html(site, site_messages):
    errors = [m for m in site_messages if m["type"] == "error" and m["message"] not in ALLOWED]
    assert errors == [], "\n".join(describe(errors, site))


def test_every_allowed_error_still_occurs(site_messages):
    """An allowance that no longer matches anything must be removed."""
    assert ALLOWED <= {m["message"] for m in site_messages}


def test_an_invalid_page_is_reported_with_its_file_and_line(site, tmp_path):
    bad = tmp_path / "bad"
    shutil.copytree(site / "speakers", bad / "speakers")
    page = bad / "speakers" / "index.html"
    twice = '<span id="twice"></span><span id="twice"></span>'
    page.write_text(page.read_text(encoding="utf-8").replace("</h1>", "</h1>" + twice, 1), encoding="utf-8")
    errors = [m for m in vnu(bad) if m["message"] not in ALLOWED]
    assert any(line.startswith("speakers/index.html:") and "Duplicate ID “twice”" in line
               for line in describe(errors, bad))
