"""Every language in headless Chromium: the switch keeps the reader on the same
page (by mouse, by keyboard on a phone, and with Material's instant navigation
on), search finds a page in each language, and a sample page per language
loads cleanly and passes axe in both schemes. English gets the full browser
and axe tests (test_browser.py, test_accessibility.py)."""

from __future__ import annotations

import functools
import http.server
import json
import threading

import pytest
from check_content import front_matter
from conftest import CODES, PAGES, PHONE, ROOT, build, copy_project, page_url
from playwright.sync_api import expect
from test_accessibility import AXE, COLOUR_RULES, axe_violations
from test_browser import Watch, search_for

# (from, to, page): several pairs of languages on several pages, every script.
PAIRS = [("en", "fr", "article.md"), ("fr", "de", "speakers.md"), ("de", "el", "about/privacy.md"),
         ("el", "bg", "timeline.md"), ("bg", "ga", "index.md"), ("ga", "mt", "webinar.md"),
         ("mt", "en", "openeurollm.md")]
PAIRS = [pair for pair in PAIRS if pair[0] in CODES and pair[1] in CODES]


def address(root: str, code: str, page: str) -> str:
    return f"{root}{'' if code == 'en' else code + '/'}{page_url(page)}"


def title(code: str, page: str) -> str:
    return front_matter(ROOT / "docs" / code / page)[0]["title"]


def choose(page, target: str) -> None:
    """Open the language switch with the mouse and pick a language."""
    page.locator(".md-header .md-select").hover()
    page.locator(f".md-header .md-select__link[hreflang='{target}']").click()


@pytest.mark.parametrize("start,target,page_path", PAIRS)
def test_the_switch_keeps_the_page_by_mouse(context, served, start, target, page_path):
    page = context.new_page()
    page.goto(address(served, start, page_path), wait_until="load")
    choose(page, target)
    expect(page).to_have_url(address(served, target, page_path))
    assert page.evaluate("document.documentElement.lang") == target


def test_the_switch_keeps_the_page_by_keyboard_on_a_phone(browser, served):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    for start, target, page_path in PAIRS[:3]:
        page.goto(address(served, start, page_path), wait_until="load")
        page.locator(".md-header .md-select button").focus()
        for _ in range(len(CODES) + 1):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.hreflang") == target:
                break
        assert page.evaluate("document.activeElement.hreflang") == target, "Tab never reached the language"
        expect(page.locator(":focus")).to_be_visible()
        page.keyboard.press("Enter")
        expect(page).to_have_url(address(served, target, page_path))
    context.close()


@pytest.fixture(scope="module")
def instant(tmp_path_factory):
    """English, French and German built with Material's instant navigation on,
    and served: the switch must keep the page there too."""
    project = copy_project(tmp_path_factory.mktemp("instant") / "project", languages=("en", "fr", "de"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "    # - navigation.instant ", "    - navigation.instant\n    # was:", 1), encoding="utf-8")
    out = project / "out"
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(
        http.server.SimpleHTTPRequestHandler, directory=str(out)))
    url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    result = build(project, out, site_url=url)
    assert result.returncode == 0, result.stderr
    assert "navigation.instant" in json.dumps(json.loads(
        (out / "index.html").read_text(encoding="utf-8").split('id="__config" type="application/json">')[1]
        .split("</script>")[0])["features"])
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield url
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("start,target,page_path", [("en", "fr", "article.md"), ("fr", "de", "webinar.md")])
def test_the_switch_keeps_the_page_with_instant_navigation(context, instant, start, target, page_path):
    page = context.new_page()
    page.goto(address(instant, start, page_path), wait_until="load")
    page.mouse.wheel(0, 300)  # Material's script runs from the reader's first scroll (theme-loader.js)
    page.wait_for_function("'component$' in window")
    choose(page, target)
    expect(page).to_have_url(address(instant, target, page_path))
    expect(page.locator("h1")).to_have_count(1)
    assert page.evaluate("document.documentElement.lang") == target
    assert page.title().startswith(title(target, page_path))


def query_for(code: str) -> str:
    """The longest word of the language's timeline page title: search must find that page."""
    return max((w.strip(",.:;") for w in title(code, "timeline.md").split()), key=len)


@pytest.mark.parametrize("code", CODES)
def test_each_language_loads_cleanly_passes_axe_in_both_schemes_and_searches(browser, served, code):
    """One visit per language, to a different page in each so that every page is
    seen in some language: no error or request elsewhere, axe in the light
    scheme and its colour rules in the dark one, then a whole word of a page
    title searched (Greek, Bulgarian and languages without lunr support
    included). English also gets test_browser.py and test_accessibility.py."""
    page_path = PAGES[CODES.index(code) % len(PAGES)]
    context = browser.new_context(color_scheme="light", reduced_motion="reduce")
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    watch = Watch(page, served)
    page.goto(address(served, code, page_path), wait_until="networkidle")
    found = axe_violations(page)
    page.locator("label[for='__palette_1']").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    found += [f"dark scheme: {problem}" for problem in axe_violations(page, COLOUR_RULES)]
    query = query_for(code)
    search_for(page, query)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    assert results.locator("a[href*='timeline/']").count() >= 1, query
    context.close()
    assert found == [] and watch.problems == [], (page_path, found, watch.problems)


def test_no_page_fetches_the_languages_sitemaps(context, served):
    """Material's script, once it runs, fetches a sitemap.xml for every
    <link rel=alternate> in the head (24 of them with the theme's own switch);
    here the switch's links are written at build time and none is fetched."""
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(address(served, "fr", "article.md"), wait_until="load")
    page.mouse.wheel(0, 300)  # Material's script runs from the reader's first scroll
    page.wait_for_function("'component$' in window")
    page.wait_for_load_state("networkidle")
    assert any("/assets/javascripts/bundle." in url for url in requests), "Material's script did not run"
    assert [url for url in requests if url.endswith("sitemap.xml")] == []
