"""Every page in real headless Chromium: loads cleanly, stays on its own origin,
and the theme's search, colour toggle and phone menu work."""

from __future__ import annotations

import pytest
from conftest import PAGES, PHONE, url_of
from playwright.sync_api import Page, expect

class Watch:
    """Everything a page did that a reader would not want: errors and off-site requests."""

    def __init__(self, page: Page, origin: str):
        self.problems: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.problems.append(f"console error: {m.text}"))
        page.on("pageerror", lambda e: self.problems.append(f"script error: {e}"))
        page.on("requestfailed", lambda r: self.problems.append(f"failed request: {r.url} {r.failure}"))
        page.on("response", lambda r: r.status >= 400 and self.problems.append(f"HTTP {r.status}: {r.url}"))
        page.on("request", lambda r: r.url.startswith(("data:", origin)) or self.problems.append(f"request to another origin: {r.url}"))


@pytest.mark.parametrize("page_path", PAGES)
def test_page_loads_cleanly_on_its_own_origin(context, served, page_path):
    page = context.new_page()
    watch = Watch(page, served)
    page.goto(url_of(served, page_path), wait_until="networkidle")
    expect(page.locator("h1")).to_have_count(1)
    assert watch.problems == []
    assert context.cookies() == []


def test_an_unknown_address_gets_the_404_page(context, served):
    page = context.new_page()
    response = page.goto(served + "no/such/page/")
    # Python's test server answers 404 without the page; GitHub Pages serves 404.html.
    assert response.status == 404
    page.goto(served + "404.html", wait_until="networkidle")
    expect(page.locator("h1")).to_have_text("Page not found")
    expect(page.get_by_role("link", name="Speakers").first).to_be_visible()


def test_search_finds_openeurollm(context, served):
    page = context.new_page()
    watch = Watch(page, served)
    page.goto(served, wait_until="networkidle")
    search = page.locator("input.md-search__input")
    search.focus()
    # The index loads in a web worker; a query typed before it is ready is dropped.
    expect(page.locator(".md-search-result__meta")).not_to_have_text("Initializing search", timeout=20_000)
    # Material reads the query on key presses, so type it as a reader would.
    search.press_sequentially("OpenEuroLLM")
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    assert results.locator("a[href*='openeurollm/']").count() >= 1
    assert watch.problems == []


def test_the_palette_toggle_switches_scheme(context, served):
    page = context.new_page()
    page.goto(served, wait_until="networkidle")
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.get_by_title("Switch to dark mode").click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    # The choice is kept on the next page.
    page.goto(served + "article/", wait_until="networkidle")
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.get_by_title("Switch to light mode").click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")


def test_the_scheme_follows_the_system_setting(browser, served):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(served, wait_until="networkidle")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    context.close()


def test_the_menu_opens_at_phone_width(browser, served):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(served + "article/", wait_until="networkidle")
    drawer_link = page.locator(".md-nav--primary").get_by_role("link", name="Speakers")
    expect(drawer_link).not_to_be_in_viewport()
    page.locator("label.md-header__button[for=__drawer]").click()
    expect(drawer_link).to_be_in_viewport()
    drawer_link.click()
    expect(page).to_have_url(served + "speakers/")
    context.close()
