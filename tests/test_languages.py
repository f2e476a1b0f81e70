"""Every language of languages.yml, in the built site: each page in its own
language, a switch that keeps the page, hreflang in the sitemaps, one 404 for
all, search set per language, the theme served once, the notices on
translated, stale and untranslated pages; and a new language is one folder
and one row."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from urllib.parse import urlsplit

import pytest
import yaml
from check_content import front_matter
from conftest import CODES, EN, LANGUAGES, PAGES, ROOT, build, built, check, copy_project, page_url, replace_in
from html_page import HtmlPage
from language_table import revision

OTHERS = CODES[1:]
NAMES = {row["code"]: row["name"] for row in LANGUAGES}
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def prefix(code: str) -> str:
    """A language's folder in the site: "" for English, "fr/" for French."""
    return "" if code == "en" else f"{code}/"


def words(code: str) -> dict:
    return yaml.safe_load((ROOT / "docs" / code / "_language.yml").read_text(encoding="utf-8"))


def meta(code: str, page: str) -> dict:
    data, problems = front_matter(ROOT / "docs" / code / page)
    assert problems == [], problems
    return data


def switch(html: HtmlPage) -> list[tuple[str, str, str]]:
    """The language switch's links: address, hreflang and name, each name
    marked as written in its own language (lang)."""
    links = [a for a in html.find("a") if "md-select__link" in a.attrs.get("class", "")]
    assert all(a.attrs.get("lang") == a.attrs["hreflang"] for a in links), "a language's name without its lang"
    return [(a.attrs["href"], a.attrs["hreflang"], a.text.strip()) for a in links]


@pytest.mark.parametrize("code", CODES)
def test_every_page_is_built_in_its_language_with_its_own_title(site, code):
    for page in PAGES:
        html = HtmlPage(built(site / prefix(code), page))
        assert html.find("html")[0].attrs["lang"] == code, page
        assert html.find("title")[0].text.startswith(meta(code, page)["title"]), page


@pytest.mark.parametrize("code", CODES)
def test_the_switch_leads_to_the_same_page_in_every_language(site, server_url, code):
    """Written at build time, in the order of languages.yml, each language named
    in its own words: nothing for a script to work out, no sitemap to fetch."""
    root = urlsplit(server_url).path
    for page in PAGES:
        expected = [(f"{root}{prefix(other)}{page_url(page)}", other, NAMES[other]) for other in NAMES]
        assert switch(HtmlPage(built(site / prefix(code), page))) == expected, page


def test_a_rows_interface_words_replace_the_themes(site):
    """languages.yml corrects the theme's words for a language (Slovenian's header
    and footer landmarks are swapped in Material 9.8.2)."""
    corrected = [row for row in LANGUAGES if row.get("interface")]
    assert corrected, "no row corrects the theme's words: remove partials/language.html and this test"
    for row in corrected:
        html = built(site / prefix(row["code"]), "article.md").read_text(encoding="utf-8")
        for key, word in row["interface"].items():
            assert f'class="md-{key}__inner md-grid" aria-label="{word}"' in html, (row["code"], key)


def test_no_page_lists_the_languages_in_its_head(site):
    """Material's script fetches a sitemap.xml for every <link rel=alternate>:
    24 requests on every page. The alternates are in the sitemaps instead."""
    for code in CODES:
        for page in PAGES:
            links = [link for link in HtmlPage(built(site / prefix(code), page)).find("link")
                     if link.attrs.get("rel") == "alternate" and "hreflang" in link.attrs]
            assert links == [], (code, page)


@pytest.mark.parametrize("code", CODES)
def test_each_sitemap_gives_every_page_in_every_language_with_english_as_default(site, server_url, code):
    tree = ElementTree.parse(site / prefix(code) / "sitemap.xml")
    urls = tree.getroot().findall(f"{SITEMAP}url")
    assert sorted(u.find(f"{SITEMAP}loc").text for u in urls) == sorted(
        f"{server_url}{prefix(code)}{page_url(page)}" for page in PAGES)
    for url in urls:
        page = url.find(f"{SITEMAP}loc").text.removeprefix(server_url + prefix(code))
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
        expected = {other: f"{server_url}{prefix(other)}{page}" for other in CODES}
        assert alternates == {**expected, "x-default": f"{server_url}{page}"}, page


def test_the_root_robots_txt_lists_every_languages_sitemap(site, server_url):
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    listed = re.findall(r"^Sitemap: (\S+)$", robots, re.M)
    assert listed == [f"{server_url}{prefix(row['code'])}sitemap.xml" for row in LANGUAGES]
    # GitHub Pages serves only the root's robots.txt and 404.html: a language writes neither.
    for code in OTHERS:
        assert not (site / code / "robots.txt").exists() and not (site / code / "404.html").exists(), code


def test_the_404_page_leads_to_every_languages_home_in_that_language(site, server_url):
    html = HtmlPage(site / "404.html")
    homes = [(a.attrs["href"], a.attrs["hreflang"], a.text.strip()) for a in html.find("a") if "hreflang" in a.attrs
             and "md-select__link" not in a.attrs.get("class", "")]
    root = urlsplit(server_url).path
    assert homes == [(f"{root}{prefix(code)}", code, NAMES[code]) for code in NAMES if code != "en"]
    items = [li for li in html.find("li") if "lang" in li.attrs]
    for item in items:
        assert words(item.attrs["lang"])["not_found"]["title"] in item.text, item.attrs["lang"]


@pytest.mark.parametrize("code", OTHERS)
def test_each_translated_page_says_it_was_machine_assisted_and_links_the_english(site, server_url, code):
    said = words(code)["translation"]
    for page in PAGES:
        html = HtmlPage(built(site / code, page))
        [notice] = html.find("div", class_="oss-translation")
        assert notice.attrs["role"] == "note"
        before_date = said["banner"].split("{date}")[0].strip()
        assert before_date in notice.text, page
        raw = built(site / code, page).read_text(encoding="utf-8")
        notice_html = raw[raw.index('<div class="oss-translation"'):].split("</div>", 1)[0]
        assert f'<time datetime="{meta(code, page)["translation"]["date"]}">' in notice_html, page
        links = {a.text.strip(): a.attrs["href"] for a in html.find("a") if a.attrs.get("href", "").startswith(
            (server_url, "https://github.com/"))}
        assert links[said["english"]] == f"{server_url}{page_url(page)}", page
        assert links[said["report"]].endswith(f"/issues/new?template=translation.yml&title=%5BTranslation%5D%3A%20/{code}/{page_url(page)}"
                                              f"&pages=/{code}/{page_url(page)}"), page


@pytest.mark.parametrize("code", CODES)
def test_search_uses_the_stop_words_of_the_row_or_none(site, code):
    """lunr's stop words where the theme ships them for the language
    (languages.yml, search:); elsewhere every word counts, rather than with
    English's stop words or, for Slovenian, a lunr.sl that does not exist. No
    stemmer: test_languages_browser.py searches whole words in every language."""
    row = next(row for row in LANGUAGES if row["code"] == code)
    index = json.loads((site / prefix(code) / "search" / "search_index.json").read_text(encoding="utf-8"))
    if "search" in row:
        assert index["config"]["lang"] == [row["search"]]
        assert index["config"]["pipeline"] == ["stopWordFilter"]
        if code != "en":
            assert (site / code / "assets" / "javascripts" / "lunr" / "min" / f"lunr.{row['search']}.min.js").is_file()
    else:
        assert index["config"] == {**index["config"], "lang": ["en"], "pipeline": []}


def test_the_theme_is_served_once_from_the_root(site):
    """Each language keeps only its own files; its pages load the root's theme."""
    for code in OTHERS:
        assert not (site / code / "assets" / "stylesheets").exists(), code
        assert not list((site / code / "assets" / "javascripts").glob("bundle.*.js")), code
        assert not (site / code / "assets" / "javascripts" / "workers").exists(), code
        html = built(site / code, "article.md").read_text(encoding="utf-8")
        stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
        assert stylesheets and all(s.startswith("../../assets/") for s in stylesheets), (code, stylesheets)
        for path in stylesheets:
            assert (site / code / "article" / path).resolve().is_file(), path


@pytest.mark.parametrize("code", OTHERS)
def test_the_figures_give_the_same_dates_and_amounts_in_every_language(site, code):
    """The drawings write each value as the language does (Babel); their
    machine-readable values are English's."""
    def values(path) -> list[str]:
        figures = re.findall(r'<figure class="oss-figure.*?</figure>', path.read_text(encoding="utf-8"), re.S)
        # Sorted: a figure orders countries by their names in the page's language.
        return [sorted(re.findall(r'<(?:time datetime|data value)="([^"]+)"', figure)) for figure in figures]

    for page in PAGES:
        if meta("en", page).get("figures"):
            assert values(built(site / code, page)) == values(built(site, page)), page


# A new language: one folder and one row, nothing else.

def test_a_language_is_one_folder_and_one_row(tmp_path):
    """Icelandic, which is not an EU language: a row in languages.yml and a
    folder with one translated page. Every other page shows the English text
    under a notice, at the new language's address."""
    project = copy_project(tmp_path / "project", languages=("en", "fr"))
    with (project / "languages.yml").open("a", encoding="utf-8") as table:
        table.write("- code: is\n  name: Íslenska\n")
    (project / "docs" / "is").mkdir()
    english = (project / EN / "sign-up.md").read_text(encoding="utf-8")
    (project / "docs" / "is" / "sign-up.md").write_text(english.replace(
        "checked:", f"translation:\n  source: {revision(project / EN / 'sign-up.md')}\n  date: 2026-11-27\nchecked:", 1)
        .replace("title: Sign up for updates", "title: Skráðu þig fyrir fréttum"), encoding="utf-8")

    result = check(project)
    assert result.returncode == 1  # the page is still English, word for word
    assert "docs/is/sign-up.md:" in result.stderr and "this line is the English text" in result.stderr

    out = tmp_path / "out"
    result = build(project, out, site_url="https://example.org/project/")
    assert result.returncode == 0, result.stderr
    for page in PAGES:
        assert built(out / "is", page).is_file(), page
    article = HtmlPage(built(out / "is", "article.md"))
    assert article.find("html")[0].attrs["lang"] == "is"
    [notice] = article.find("div", class_="oss-translation")
    assert notice.text.strip() == words("en")["translation"]["untranslated"]  # no Icelandic words yet
    assert [div for div in article.find("div") if div.attrs.get("lang") == "en"], "the English text is marked as English"
    assert not [a for a in article.find("a") if a.attrs.get("rel") == "edit"], "no pencil for a file that does not exist"
    assert ("/project/is/article/", "is", "Íslenska") in switch(HtmlPage(built(out, "article.md")))
    assert "Sitemap: https://example.org/project/is/sitemap.xml" in (out / "robots.txt").read_text(encoding="utf-8")
    assert 'href="/project/is/" hreflang="is">Íslenska</a>' in (out / "404.html").read_text(encoding="utf-8")
    index = json.loads((out / "is" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["en"] and index["config"]["pipeline"] == []


def test_stale_and_untranslated_pages_say_so_in_the_readers_language(tmp_path):
    project = copy_project(tmp_path / "project", languages=("en", "fr"))
    replace_in(project / EN / "sign-up.md", "# ", "# New: ")
    (project / "docs" / "fr" / "about" / "privacy.md").unlink()
    out = tmp_path / "out"
    result = build(project, out)
    assert result.returncode == 0, result.stderr
    said = words("fr")["translation"]
    [stale] = HtmlPage(built(out / "fr", "sign-up.md")).find("div", class_="oss-translation")
    assert said["stale"] in stale.text
    links = [a for a in HtmlPage(built(out / "fr", "sign-up.md")).find("a") if a.text.strip() == said["current"]]
    assert [a.attrs["href"] for a in links] == ["http://127.0.0.1:8000/sign-up/"]
    [current] = HtmlPage(built(out / "fr", "webinar.md")).find("div", class_="oss-translation")
    assert said["stale"] not in current.text
    untranslated = HtmlPage(built(out / "fr", "about/privacy.md"))
    [notice] = untranslated.find("div", class_="oss-translation")
    assert notice.text.strip() == said["untranslated"]
    assert untranslated.find("html")[0].attrs["lang"] == "fr"
    assert untranslated.find("h1")[0].text.strip().startswith(meta("en", "about/privacy.md")["title"].split()[0])
