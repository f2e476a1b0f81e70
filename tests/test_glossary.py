"""The glossary: abbreviations explained in tooltips, by mouse and by keyboard,
one file per language, and a check that names a wrong line."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import ROOT, build, built, check, url_of
from html_page import HtmlPage
from playwright.sync_api import expect
from test_content import replace_in

GLOSSARY = ROOT / "includes" / "glossary" / "en.md"
LINE = re.compile(r"^\*\[([^\]]+)\]: (.+)$", re.M)


def glossary(path=GLOSSARY) -> dict[str, str]:
    return dict(LINE.findall(path.read_text(encoding="utf-8")))


def abbreviations(site, page: str) -> list[tuple[str, str, bool]]:
    """Each <abbr> on a built page: its text, its title and whether Tab reaches it."""
    return [(a.text, a.attrs["title"], "tabindex" in a.attrs) for a in HtmlPage(built(site, page)).find("abbr")]


def test_every_abbreviation_is_explained_where_a_page_uses_it(site):
    entries = glossary()
    assert {"AI Act", "CRA", "DEP", "EOSA", "HPC", "LLMs", "MOF", "OSAID", "OSI", "STEP"} <= set(entries)
    shown = {}
    for page in ["index.md", "article.md", "openeurollm.md", "webinar.md", "speakers.md"]:
        for text, title, _ in abbreviations(site, page):
            shown[text] = title
    assert shown == entries


@pytest.mark.parametrize("page", ["article.md", "webinar.md"])
def test_the_first_mention_of_each_abbreviation_is_one_tab_stop(site, page):
    found = abbreviations(site, page)
    assert found, f"{page} marks no abbreviation"
    focusable = [text for text, _, tab in found if tab]
    assert sorted(focusable) == sorted({text for text, _, _ in found})
    for text in focusable:
        first = next(tab for t, _, tab in found if t == text)
        assert first, f"{page}: the first {text} is not the one Tab reaches"


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

def line_number(path, text: str) -> int:
    return path.read_text(encoding="utf-8").splitlines().index(text) + 1


def test_a_malformed_glossary_line_is_named(project):
    path = project / "includes" / "glossary" / "en.md"
    replace_in(path, "*[CRA]: Cyber", "*[CRA] Cyber")
    result = check(project)
    assert result.returncode == 1
    number = line_number(path, next(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("*[CRA]")))
    assert (f"includes/glossary/en.md:{number}: write each abbreviation as *[ABBREVIATION]: "
            "what it stands for") in result.stderr


def test_an_abbreviation_explained_twice_is_named(project):
    path = project / "includes" / "glossary" / "en.md"
    path.write_text(path.read_text(encoding="utf-8") + "*[EOSA]: the Academy\n", encoding="utf-8")
    result = check(project)
    assert result.returncode == 1
    first = line_number(path, "*[EOSA]: European Open Source Academy")
    second = line_number(path, "*[EOSA]: the Academy")
    assert f"includes/glossary/en.md:{second}: 'EOSA' is already explained on line {first}; keep one" in result.stderr


def test_an_abbreviation_no_page_uses_is_named(project):
    path = project / "includes" / "glossary" / "en.md"
    path.write_text(path.read_text(encoding="utf-8") + "*[GDPR]: General Data Protection Regulation\n", encoding="utf-8")
    result = check(project)
    assert result.returncode == 1
    number = line_number(path, "*[GDPR]: General Data Protection Regulation")
    assert f"includes/glossary/en.md:{number}: no page in docs/en/ uses 'GDPR'; remove the line" in result.stderr


def add_french(project) -> None:
    """A throwaway French site, as languages/README.md describes it."""
    shutil.copytree(project / "docs" / "en", project / "docs" / "fr")
    example = (ROOT / "languages" / "README.md").read_text(encoding="utf-8")
    config = re.search(r"```yaml\n(.*?)```", example, re.S).group(1)
    config = "\n".join(line[3:] for line in config.splitlines()).split("nav:")[0]
    (project / "languages" / "fr.yml").write_text(config, encoding="utf-8")


def test_a_language_without_its_own_glossary_is_named(project):
    add_french(project)
    result = check(project)
    assert result.returncode == 1
    assert ("includes/glossary/fr.md:1: this glossary is missing; copy includes/glossary/en.md "
            "and translate it") in result.stderr


def test_each_language_builds_with_its_own_glossary(project, tmp_path):
    add_french(project)
    english = glossary(project / "includes" / "glossary" / "en.md")
    french = project / "includes" / "glossary" / "fr.md"
    shutil.copy(project / "includes" / "glossary" / "en.md", french)
    replace_in(french, f"*[CRA]: {english['CRA']}", "*[CRA]: règlement sur la cyberrésilience")
    assert check(project).returncode == 0, check(project).stderr
    out = tmp_path / "out"
    result = build(project, out)
    assert result.returncode == 0, result.stderr
    titles = {lang: {a.attrs["title"] for a in HtmlPage(page).find("abbr") if a.text == "CRA"}
              for lang, page in (("en", out / "article" / "index.html"), ("fr", out / "fr" / "article" / "index.html"))}
    assert titles == {"en": {english["CRA"]}, "fr": {"règlement sur la cyberrésilience"}}
