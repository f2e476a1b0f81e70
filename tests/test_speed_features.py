"""Material's script runs on demand (overrides/assets/js/theme-loader.js), not at
load, and the page asks for one stylesheet before it paints (overrides/main.html).
These tests show that readers lose nothing by it: the first tap or key on search,
the menu and the colour toggle works at once, even while Material's script is
held back, and no keystroke is lost. Speed itself is measured by `make bench`.

The first group fails when a Material upgrade changes what the site relies on
(checked against Material 9.8.2), and says what to look at."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from conftest import PHONE, ROOT, built
from html_page import HtmlPage
from playwright.sync_api import Page, expect

MATERIAL = Path(material.__file__).parent / "templates"
MAIN_HTML = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
UPGRADE = ("A Material upgrade changed what the site relies on: {what} (checked against 9.8.2). "
           "Look at {where}, and update it and this test together.")


def material_file(path: str) -> str:
    return (MATERIAL / path).read_text(encoding="utf-8")


def bundle() -> str:
    found = sorted((MATERIAL / "assets" / "javascripts").glob("bundle.*.min.js"))
    assert len(found) == 1, UPGRADE.format(what="more than one bundle.*.min.js, or none", where="this test")
    return found[0].read_text(encoding="utf-8")


# What theme-loader.js and keyboard.js rely on in Material's minified script.
BUNDLE_RELIES_ON = {
    '"DOMContentLoaded",{once:!0}': "theme-loader.js replays DOMContentLoaded, on which Material mounts its components",
    'classList.remove("no-js")': "theme-loader.js swaps html.no-js for html.js itself, as Material does",
    'case"f":case"s":case"/":': "theme-loader.js opens search on Material's keys f, s and /",
    'case"p":case",":': "theme-loader.js goes to the previous page on p and ,",
    'case"n":case".":': "theme-loader.js goes to the next page on n and .",
    '"__palette"': "theme-loader.js keeps the colour choice under Material's __palette key",
    "window.component$=": "theme-loader.js leaves its handlers to Material once window.component$ exists",
}


@pytest.mark.parametrize("snippet", BUNDLE_RELIES_ON)
def test_materials_script_still_does_what_the_loader_relies_on(snippet):
    assert snippet in bundle(), UPGRADE.format(
        what=f"its script no longer contains {snippet!r}", where="overrides/assets/js/theme-loader.js: "
        + BUNDLE_RELIES_ON[snippet])


def test_materials_templates_still_have_what_the_site_relies_on():
    base = material_file("base.html")
    name = re.search(r'set palette = "([^"]+)"', MAIN_HTML).group(1)
    assert f"'{name}' | url" in base and (MATERIAL / name).is_file(), UPGRADE.format(
        what=f"its palette stylesheet is no longer {name}", where="the styles block of overrides/main.html")
    assert "<script src=\"{{ 'assets/javascripts/bundle." in base, UPGRADE.format(
        what="its scripts block no longer writes <script src=", where="the scripts block of overrides/main.html")
    assert "__md_get=" in material_file("partials/javascripts/base.html") and "__md_set=" in material_file(
        "partials/javascripts/base.html"), UPGRADE.format(what="__md_get/__md_set", where="theme-loader.js")
    header = material_file("partials/header.html")
    for markup in ['<label class="md-header__button md-icon" for="__drawer">',
                   '<label class="md-header__button md-icon" for="__search">']:
        assert markup in header, UPGRADE.format(what=f"its header no longer has {markup}",
                                                where="overrides/assets/js/keyboard.js")
    palette = material_file("partials/palette.html")
    assert 'data-md-component="palette"' in palette and 'class="md-option"' in palette and "hidden>" in palette, \
        UPGRADE.format(what="its colour toggle markup", where="theme-loader.js and site.css (.md-option)")
    search = material_file("partials/search.html")
    assert 'role="dialog"' in search and "md-search__input" in search, UPGRADE.format(
        what="its search markup", where="keyboard.js and theme-loader.js (.md-search__input)")
    css = next((MATERIAL / "assets" / "stylesheets").glob("main.*.min.css")).read_text(encoding="utf-8")
    for rule in [".no-js .md-search{display:none}", ".md-header__button:not(.focus-visible){outline:none"]:
        assert rule in css, UPGRADE.format(what=f"its stylesheet no longer has {rule}",
                                           where="theme-loader.js (html.js) and site.css (focus ring)")


def test_a_page_loads_one_stylesheet_and_runs_no_theme_script(site):
    page = HtmlPage(built(site, "article.md"))
    stylesheets = [link for link in page.find("link") if link.attrs.get("rel") == "stylesheet"]
    assert len(stylesheets) == 1, [link.attrs for link in stylesheets]
    scripts = page.find("script")
    assert not [s.attrs["src"] for s in scripts if "src" in s.attrs], "a script would run at load"
    held = [s.attrs["data-oss-src"] for s in scripts if "data-oss-src" in s.attrs]
    assert held and all((site / "article" / src).resolve().is_file() for src in held), held


def hold_back_material(page: Page) -> list:
    """Material's script is requested but not answered until the test says so."""
    held: list = []
    page.route("**/assets/javascripts/bundle.*.min.js", lambda route: held.append(route))
    return held


def release(held: list) -> None:
    for route in held:
        route.continue_()


def test_no_theme_script_is_loaded_until_the_reader_acts(context, served):
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(served + "article/", wait_until="networkidle")
    assert not [url for url in requested if url.endswith(".js") or "search_index" in url or "sitemap" in url]
    # Colour toggle and search are shown, though Material's CSS hides them without its script.
    expect(page.get_by_title("Switch to dark mode")).to_be_visible()
    expect(page.locator("input.md-search__input")).to_be_visible()


def test_the_colour_toggle_works_at_once_and_material_carries_on(context, served):
    page = context.new_page()
    held = hold_back_material(page)
    page.goto(served, wait_until="networkidle")
    body = page.locator("body")
    page.get_by_title("Switch to dark mode").click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    expect(page.get_by_title("Switch to light mode")).to_be_visible()
    assert held, "the first tap should start loading Material's script"
    release(held)
    page.wait_for_function("'component$' in window")
    # Material starts from the reader's choice, and switches back on the next tap.
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    # Once Material runs, content.tooltips moves the toggle's title into a tooltip
    # (Material 9.8.2), so the visible toggle is found by its palette input instead.
    page.locator("label[for^='__palette_']:not([hidden])").click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")


def test_the_dark_system_setting_applies_before_materials_script(browser, served):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    hold_back_material(page)
    page.goto(served, wait_until="networkidle")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    context.close()


def test_the_phone_menu_opens_at_once(browser, served):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    hold_back_material(page)
    page.goto(served + "article/", wait_until="networkidle")
    page.get_by_role("button", name="Navigation").tap()
    expect(page.locator(".md-nav--primary").get_by_role("link", name="Speakers")).to_be_in_viewport()
    context.close()


@pytest.mark.parametrize("opening", ["slash key", "click in the box"])
def test_no_keystroke_is_lost_while_materials_search_loads(context, served, opening):
    page = context.new_page()
    held = hold_back_material(page)
    page.goto(served + "article/", wait_until="networkidle")
    if opening == "slash key":
        page.keyboard.press("/")
    else:
        page.locator("input.md-search__input").click()
    # Typed at once, while Material's script is still held back.
    page.keyboard.type("OpenEuroLLM")
    search = page.locator("input.md-search__input")
    expect(search).to_be_focused()
    expect(search).to_have_value("OpenEuroLLM")
    assert page.locator("#__search").is_checked(), "search should be open"
    release(held)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=20_000)
    assert results.locator("a[href*='openeurollm/']").count() >= 1


def test_the_next_page_key_works_before_materials_script(context, served):
    page = context.new_page()
    hold_back_material(page)
    page.goto(served + "article/", wait_until="networkidle")
    next_page = page.locator("link[rel=next]").get_attribute("href")
    page.keyboard.press("n")
    expect(page).to_have_url(re.compile(re.escape(next_page.strip("./")) + "/?$"))


def test_material_mounts_its_page_components_when_loaded_late(context, served):
    """Material mounts the header title, sidebars and back-to-top button on
    DOMContentLoaded, which theme-loader.js replays: scrolling shows the page's
    title in the header, as Material does."""
    page = context.new_page()
    page.goto(served + "article/", wait_until="networkidle")
    page.mouse.wheel(0, 3000)
    page.wait_for_function("'component$' in window")
    page.mouse.wheel(0, 200)
    expect(page.locator(".md-header__title")).to_have_class(re.compile("md-header__title--active"))


def test_the_benchmarks_stock_language_page_builds_with_24_languages(tmp_path):
    """make bench compares this site's Greek article with stock Material's article
    and a 24-language selector; that throwaway configuration must keep building
    as mkdocs.yml changes."""
    import bench

    site_url = "http://127.0.0.1:8000/"
    config = bench.write_languages_config(bench.write_stock_config(tmp_path), 24, site_url)
    bench.build(config, tmp_path / "site", site_url)
    assert not config.exists(), "the throwaway configuration should be removed after the build"
    page = HtmlPage(built(tmp_path / "site", "article.md"))
    alternates = [link.attrs["href"] for link in page.find("link") if link.attrs.get("rel") == "alternate"]
    assert len(alternates) == 24 and all(href.startswith(site_url) for href in alternates), alternates
