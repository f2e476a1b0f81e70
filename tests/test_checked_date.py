"""When each page's facts were last checked: in the front matter, on the page in
the language's own words, in the structured data, and in make check's report."""

from __future__ import annotations

import datetime
import json
import re

import pytest
import yaml
from check_content import front_matter
from conftest import EN, PAGES, ROOT, build, built, check, copy_project, line_with, replace_in
from html_page import HtmlPage

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def checked_of(page: str) -> datetime.date:
    meta, problems = front_matter(ROOT / EN / page)
    assert problems == []
    return datetime.date.fromisoformat(meta["checked"])


@pytest.mark.parametrize("page", PAGES)
def test_every_page_says_when_its_facts_were_checked(site, page):
    checked = checked_of(page)
    assert checked <= datetime.date.today()
    html = HtmlPage(built(site, page))
    [line] = [p for p in html.find("p") if p.attrs.get("class") == "oss-checked"]
    assert line.text == f"Facts checked on {checked.day} {MONTHS[checked.month - 1]} {checked.year}"
    # The date is machine-readable too (figures on the page have <time> elements of their own).
    assert re.search(r'<p class="oss-checked">[^<]*<time datetime="([^"]+)"',
                     built(site, page).read_text(encoding="utf-8")).group(1) == checked.isoformat()


@pytest.mark.parametrize("page", PAGES)
def test_search_engines_get_the_checked_date_as_the_last_change(site, page):
    html = HtmlPage(built(site, page))
    [data] = [json.loads(s.text) for s in html.find("script", type="application/ld+json")]
    assert data["dateModified"] == checked_of(page).isoformat()


def test_make_check_prints_every_pages_date_and_lists_the_stale_ones(project):
    replace_in(project / EN / "speakers.md", "checked: 2026-11-27", "checked: 2024-05-02")
    result = check(project)
    assert result.returncode == 0, result.stderr
    for page in PAGES:
        date = "2024-05-02" if page == "speakers.md" else checked_of(page).isoformat()
        assert f"  {date}  {EN}/{page}" in result.stdout
    stale = result.stdout.split("Not checked for more than a year", 1)[1]
    assert "docs/en/speakers.md: last checked 2024-05-02" in stale
    assert "docs/en/article.md" not in stale


def test_a_page_without_a_checked_date_is_named(project):
    replace_in(project / EN / "webinar.md", "checked: 2026-11-27\n", "")
    result = check(project)
    assert result.returncode == 1
    assert "docs/en/webinar.md:2: front matter 'checked' is a required property; add it" in result.stderr


@pytest.mark.parametrize("written", ["27 November 2026", "2026-11-31", "2026/11/27", "26-11-27"])
def test_a_malformed_checked_date_is_named_with_its_line(project, written):
    page = project / EN / "openeurollm.md"
    replace_in(page, "checked: 2026-11-27", f"checked: {written}")
    line = line_with(page, f"checked: {written}")
    result = check(project)
    assert result.returncode == 1
    message = (f"{EN}/openeurollm.md:{line}: front matter 'checked': "
               f"'{written}' is not a date written as YYYY-MM-DD, such as 2026-11-27")
    assert result.stderr.count(message) == 1, result.stderr


def test_a_checked_date_in_the_future_is_named(project):
    page = project / EN / "article.md"
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    replace_in(page, "checked: 2026-11-27", f"checked: {tomorrow}")
    line = line_with(page, f"checked: {tomorrow}")
    result = check(project)
    assert result.returncode == 1
    assert f"docs/en/article.md:{line}: front matter 'checked': {tomorrow} is in the future" in result.stderr


def test_the_words_come_from_the_language_and_the_date_from_babel(tmp_path):
    """No English in the template: the language's words (_language.yml) and its
    own way of writing a date (Babel/CLDR; pt_PT for Portuguese, per languages.yml)."""
    project = copy_project(tmp_path / "project", languages=("en", "de"))
    words = project / "docs" / "de" / "_language.yml"
    german = yaml.safe_load(words.read_text(encoding="utf-8"))
    words.write_text(yaml.safe_dump({**german, "checked": "Geprüft: {date} (Test)"}, allow_unicode=True), encoding="utf-8")
    result = build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    for path, expected in ((tmp_path / "out" / "article" / "index.html", "27 November 2026"),
                           (tmp_path / "out" / "de" / "article" / "index.html", "Geprüft: 27. November 2026 (Test)")):
        [line] = [p for p in HtmlPage(path).find("p") if p.attrs.get("class") == "oss-checked"]
        assert line.text.endswith(expected), line.text
