"""Every page in real headless Chromium: loads cleanly, stays on its own origin,
and the theme's search, colour toggle and phone menu work."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import PAGES, PHONE, copy_project, url_of
from playwright.sync_api import Page, expect


class Watch:
    """Everything a page did that a reader would not want: errors and off-site requests."""

    def __init__(self, page: Page, origin: str):
        self.problems: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.problems.append(
            f"console error: {m.text} at {m.location.get('url')}"))
        page.on("pageerror", lambda e: self.problems.append(f"script error: {e}"))
        page.on("requestfailed", lambda r: self.problems.append(f"failed request: {r.url} {r.failure}"))
        page.on("response", lambda r: r.status >= 400 and self.problems.append(f"HTTP {r.status}: {r.url}"))
        page.on("request", lambda r: r.url.startswith(("data:", origin)) or self.problems.append(f"request to another origin: {r.url}"))


def search_for(page: Page, query: str) -> None:
    search = page.locator("input.md-search__input")
    search.focus()
    # The index loads in a web worker; a query typed before it is ready is dropped.
    # Material (checked with 9.8.2) then replaces "Initializing search" with its
    # placeholder, in the page's language, which it reads from the translations
    # in the page's #__config script: wait for that text, whatever the language.
    config = json.loads(page.locator("script#__config").text_content())
    ready = config.get("translations", {}).get("search.result.placeholder")
    assert ready, ("Material's #__config no longer holds translations['search.result.placeholder']: "
                   "find what its search shows once the index is ready, and wait for that here")
    expect(page.locator(".md-search-result__meta")).to_have_text(ready, timeout=20_000)
    # Material reads the query on key presses, so type it as a reader would.
    # Playwright types a letter that a US keyboard lacks (Greek, Cyrillic) as
    # inserted text, with no key event; a reader's keyboard sends one, so send it.
    search.press_sequentially(query)
    search.dispatch_event("keyup")


@pytest.mark.parametrize("page_path", PAGES)
def test_page_loads_cleanly_on_its_own_origin(context, served, page_path):
    page = context.new_page()
    watch = Watch(page, served)
    # networkidle: the requests a page makes after `load` (the search worker and
    # its index, the sitemap) are what this test watches.
    page.goto(url_of(served, page_path), wait_until="networkidle")
    expect(page.locator("h1")).to_have_count(1)
    assert watch.problems == []
    assert context.cookies() == []


def test_an_unknown_address_deep_in_the_site_gets_a_working_404_page(context, served):
    """The 404 page is served at any depth, so its styles, scripts and links
    must not depend on where it is: the reader can go on from it."""
    page = context.new_page()
    watch = Watch(page, served)
    response = page.goto(served + "no/such/page/", wait_until="networkidle")  # as above
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Page not found")
    # Material's stylesheet loaded: the header has its colour, not the browser's default.
    assert page.locator(".md-header").evaluate("h => getComputedStyle(h).position") != "static"
    page.locator(".md-content").get_by_role("link", name="Speakers").click()
    expect(page).to_have_url(served + "speakers/")
    # Only the page itself answered 404; everything it loaded was found.
    assert [p for p in watch.problems if "no/such/page" not in p] == []


def test_search_finds_openeurollm(context, served):
    page = context.new_page()
    watch = Watch(page, served)
    page.goto(served, wait_until="load")
    search_for(page, "OpenEuroLLM")
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    assert results.locator("a[href*='openeurollm/']").count() >= 1
    assert watch.problems == []


def test_the_palette_toggle_switches_scheme(context, served):
    page = context.new_page()
    page.goto(served, wait_until="load")
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.get_by_title("Switch to dark mode").click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    # The choice is kept on the next page.
    page.goto(served + "article/", wait_until="load")
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.get_by_title("Switch to light mode").click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")


def test_the_menu_opens_at_phone_width(browser, served):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(served + "article/", wait_until="load")
    drawer_link = page.locator(".md-nav--primary").get_by_role("link", name="Speakers")
    expect(drawer_link).not_to_be_in_viewport()
    page.get_by_role("button", name="Navigation").click()
    expect(drawer_link).to_be_in_viewport()
    drawer_link.click()
    expect(page).to_have_url(served + "speakers/")
    context.close()


def test_storage_holds_only_the_readers_own_settings(context, served):
    """No cookies, and storage holds only the reader's colour scheme, as the
    privacy statement says."""
    page = context.new_page()
    page.goto(served, wait_until="load")
    page.get_by_title("Switch to dark mode").click()
    page.locator("input.md-search__input").press_sequentially("AI")
    page.goto(served + "article/", wait_until="load")
    keys = page.evaluate("[...Object.keys(localStorage), ...Object.keys(sessionStorage)]")
    assert context.cookies() == []
    assert keys, "the colour scheme should be remembered"
    # Material prefixes each key with the site's path.
    assert [k.rsplit(".", 1)[-1] for k in keys] == ["__palette"]


@pytest.mark.parametrize("page_path", ["article.md", "openeurollm.md"])
def test_print_shows_the_text_and_link_addresses_without_controls(browser, served, page_path):
    context = browser.new_context()
    page = context.new_page()
    page.goto(url_of(served, page_path), wait_until="load")
    page.emulate_media(media="print")
    for control in [".md-header", ".md-sidebar--primary", ".md-search", ".md-footer", ".md-content__button"]:
        expect(page.locator(control).first).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
    link = page.locator(".md-typeset p a[href^='https://']").first
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert link.get_attribute("href") in after
    context.close()


def test_the_preview_build_works_from_disk(browser, tmp_path):
    """OFFLINE=true gives pull requests a preview that opens from a download:
    plain .html links that work on file:// URLs, in English and in a language
    that loads the theme's files from the root (English and Greek are built)."""
    project = copy_project(tmp_path / "project", languages=("en", "el"))
    out = tmp_path / "preview"
    result = subprocess.run([sys.executable, "scripts/build_site.py", str(out)], cwd=project,
                            capture_output=True, text=True, env={**os.environ, "OFFLINE": "true"})
    assert result.returncode == 0, result.stderr
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((out / "index.html").as_uri(), wait_until="load")
    page.locator(".md-typeset").get_by_role("link", name="Speakers").first.click()
    expect(page).to_have_url((out / "speakers.html").as_uri())
    expect(page.locator("h1")).to_contain_text("The webinar speakers")
    page.goto((out / "el" / "speakers.html").as_uri(), wait_until="load")
    # Material's stylesheet, from the root's assets/, styles the Greek page too.
    assert page.locator(".md-header").evaluate("h => getComputedStyle(h).position") != "static"
    # Search from disk needs Material's iframe-worker shim, which it loads from
    # unpkg.com: it works on an editor's connected machine, not on this offline one.
    assert errors == []
    context.close()
