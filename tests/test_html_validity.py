"""The Nu HTML Checker (vnu-jar from npm, on the machine's Java) finds no error
in the built pages, except the ones listed here with the reason they stay."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

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


def vnu(*folders: Path) -> list[dict]:
    """The checker's messages for every page in the folders, in one run of Java."""
    java = shutil.which("java")
    assert java, "Java is missing: run `make test`, which installs Debian's default-jre-headless"
    assert VNU.is_file(), "vnu-jar is missing: run `make test`, which runs `npm ci`"
    result = subprocess.run([java, "-jar", str(VNU), "--format", "json", "--errors-only", "--skip-non-html",
                             *map(str, folders)], capture_output=True, text=True)
    return json.loads(result.stderr)["messages"]


def describe(messages: list[dict], root: Path) -> list[str]:
    return [f"{m['url'].removeprefix('file:' + str(root) + '/')}:{m.get('lastLine')}: {m['message']}" for m in messages]


def within(messages: list[dict], root: Path) -> list[dict]:
    return [m for m in messages if m["url"].startswith(f"file:{root}/")]


@pytest.fixture(scope="module")
def checked(site, tmp_path_factory) -> tuple[Path, list[dict]]:
    """The built site, and a copy of one page with a mistake: the checker starts
    once for both (Java's start-up is most of its time)."""
    bad = tmp_path_factory.mktemp("bad")
    shutil.copytree(site / "speakers", bad / "speakers")
    page = bad / "speakers" / "index.html"
    twice = '<span id="twice"></span><span id="twice"></span>'
    page.write_text(page.read_text(encoding="utf-8").replace("</h1>", "</h1>" + twice, 1), encoding="utf-8")
    return bad, vnu(site, bad)


def test_the_built_pages_are_valid_html(site, checked):
    errors = [m for m in within(checked[1], site) if m["type"] == "error" and m["message"] not in ALLOWED]
    assert errors == [], "\n".join(describe(errors, site))


def test_every_allowed_error_still_occurs(site, checked):
    """An allowance that no longer matches anything must be removed."""
    assert ALLOWED <= {m["message"] for m in within(checked[1], site)}


def test_an_invalid_page_is_reported_with_its_file_and_line(checked):
    bad, messages = checked
    errors = [m for m in within(messages, bad) if m["message"] not in ALLOWED]
    assert any(line.startswith("speakers/index.html:") and "Duplicate ID “twice”" in line
               for line in describe(errors, bad))
