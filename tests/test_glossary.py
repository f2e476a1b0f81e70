"""The glossary: abbreviations explained in tooltips, by mouse and by keyboard,
one file per language, and a check that names a wrong line."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from conftest import EN, ROOT, build, built, check, copy_project, line_with, replace_in, url_of
from html_page import HtmlPage
from playwright.sync_api import expect

GLOSSARY = ROOT / EN / "_glossary.md"
LINE = re.compile(r"^\*\[([^\]]+)\]: (.+)$", re.M)


def glossary(path=GLOSSARY) -> dict[str, str]:
    return dict(LINE.findall(path.read_text(encoding="utf-8")))


class Marks(HTMLParser):
    """Each <abbr> on a page: its text, its title, whether Tab reaches it, and
    whether it sits inside a link."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.found: list[dict] = []
        self.in_link = 0
        self.in_abbr = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            self.in_link += 1
        if tag == "abbr":
            self.in_abbr = True
            self.found.append({"title": attrs["title"], "tab": attrs.get("tabindex") == "0",
                               "in_link": bool(self.in_link), "text": ""})

    def handle_endtag(self, tag):
        if tag == "a":
            self.in_link -= 1
        if tag == "abbr":
            self.in_abbr = False

    def handle_data(self, data):
        if self.in_abbr:
            self.found[-1]["text"] += data


def abbreviations(site, page: str) -> list[dict]:
    return Marks(built(site, page).read_text(encoding="utf-8")).found


def test_every_abbreviation_is_explained_where_a_page_uses_it(site):
    entries = glossary()
    assert {"AI Act", "CRA", "DEP", "EOSA", "HPC", "LLMs", "MOF", "OSAID", "OSI", "STEP"} <= set(entries)
    shown = {}
    for page in ["index.md", "article.md", "openeurollm.md", "webinar.md", "speakers.md"]:
        for mark in abbreviations(site, page):
            shown[mark["text"]] = mark["title"]
    assert shown == entries


@pytest.mark.parametrize("page", ["article.md", "openeurollm.md", "webinar.md"])
def test_the_first_mention_outside_a_link_is_the_one_tab_stop(site, page):
    found = abbreviations(site, page)
    assert any(mark["tab"] for mark in found), f"{page} has no abbreviation that Tab reaches"
    for text in {mark["text"] for mark in found}:
        marks = [mark for mark in found if mark["text"] == text]
        outside = [mark for mark in marks if not mark["in_link"]]
        # HTML allows nothing focusable inside a link; otherwise the first mention only.
        assert not any(mark["tab"] for mark in marks if mark["in_link"]), (page, text)
        if outside:
            assert [mark["tab"] for mark in outside] == [True] + [False] * (len(outside) - 1), (page, text)


@pytest.mark.parametrize("page", ["article.md", "index.md"])
def test_tab_reaches_an_abbreviation_and_shows_its_tooltip(context, served, page):
    """Keyboard users get the explanation too (WCAG 1.4.13 and 2.1.1). The home
    page hides the navigation, which once broke Material's tooltips there."""
    browser_page = context.new_page()
    browser_page.goto(url_of(served, page), wait_until="networkidle")
    first = browser_page.locator("article abbr[tabindex='0']").first
    expansion = first.get_attribute("title")
    for _ in range(60):
        browser_page.keyboard.press("Tab")
        if browser_page.evaluate("document.activeElement.tagName") == "ABBR":
            break
    else:
        pytest.fail(f"Tab never reached an abbreviation on {page}")
    focused = browser_page.locator(":focus")
    assert focused.inner_text() == first.inner_text()
    tooltip = browser_page.locator(".md-tooltip2", has_text=expansion)
    expect(tooltip).to_be_visible()
    assert tooltip.get_attribute("role") == "tooltip"


# Bad input: a glossary mistake fails the check and names the file and line.

def test_a_malformed_glossary_line_is_named(project):
    path = project / EN / "_glossary.md"
    replace_in(path, "*[CRA]: Cyber", "*[CRA] Cyber")
    result = check(project)
    assert result.returncode == 1
    number = line_with(path, next(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("*[CRA]")))
    assert (f"{EN}/_glossary.md:{number}: write each abbreviation as *[ABBREVIATION]: "
            "what it stands for") in result.stderr


def test_an_abbreviation_explained_twice_is_named(project):
    path = project / EN / "_glossary.md"
    path.write_text(path.read_text(encoding="utf-8") + "*[EOSA]: the Academy\n", encoding="utf-8")
    result = check(project)
    assert result.returncode == 1
    first = line_with(path, "*[EOSA]: European Open Source Academy")
    second = line_with(path, "*[EOSA]: the Academy")
    assert f"{EN}/_glossary.md:{second}: 'EOSA' is already explained on line {first}; keep one" in result.stderr


def test_an_abbreviation_no_page_uses_is_named(project):
    path = project / EN / "_glossary.md"
    path.write_text(path.read_text(encoding="utf-8") + "*[GDPR]: General Data Protection Regulation\n", encoding="utf-8")
    result = check(project)
    assert result.returncode == 1
    number = line_with(path, "*[GDPR]: General Data Protection Regulation")
    assert f"{EN}/_glossary.md:{number}: no page in docs/en/ uses 'GDPR'; remove the line" in result.stderr


def test_a_language_without_its_own_glossary_uses_english_and_is_listed(tmp_path):
    project = copy_project(tmp_path / "project", languages=("en", "fr"))
    (project / "docs" / "fr" / "_glossary.md").unlink()
    result = check(project)
    assert result.returncode == 0, result.stderr
    assert "fr: missing   docs/fr/_glossary.md: translate docs/en/_glossary.md" in result.stdout
    out = tmp_path / "out"
    assert build(project, out).returncode == 0
    english = glossary()
    titles = {a.attrs["title"] for a in HtmlPage(out / "fr" / "article" / "index.html").find("abbr") if a.text == "EOSA"}
    assert titles == {english["EOSA"]}


def test_each_language_builds_with_its_own_glossary(tmp_path):
    project = copy_project(tmp_path / "project", languages=("en", "fr"))
    french = project / "docs" / "fr" / "_glossary.md"
    replace_in(french, f"*[EOSA]: {glossary(french)['EOSA']}", "*[EOSA]: Académie européenne du logiciel libre")
    assert check(project).returncode == 0, check(project).stderr
    out = tmp_path / "out"
    result = build(project, out)
    assert result.returncode == 0, result.stderr
    titles = {lang: {a.attrs["title"] for a in HtmlPage(page).find("abbr") if a.text == "EOSA"}
              for lang, page in (("en", out / "article" / "index.html"), ("fr", out / "fr" / "article" / "index.html"))}
    assert titles == {"en": {glossary()["EOSA"]}, "fr": {"Académie européenne du logiciel libre"}}
