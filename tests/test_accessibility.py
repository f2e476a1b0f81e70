"""WCAG 2.2 AA, tested: axe-core on every page in both schemes at desktop and
phone widths, keyboard use, headings, link texts, text alternatives and motion."""

from __future__ import annotations

import json
import re

import pytest
from conftest import PAGES, PHONE, ROOT, built, url_of
from html_page import HtmlPage
from playwright.sync_api import expect

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DESKTOP = {"width": 1280, "height": 800}
# Link texts that say nothing about where the link leads (WCAG 2.4.4).
VAGUE = {"here", "click here", "read more", "more", "link", "this", "this page", "this link"}
# The rules whose result depends on colours: all that changes between the light
# and the dark scheme, since the page and what it shows stay the same.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def axe_violations(page, rules: list[str] | None = None) -> list[str]:
    """axe's findings on the page: every rule of the WCAG tags, or only `rules`."""
    only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": AXE_TAGS}
    result = page.evaluate("only => axe.run(document, {runOnly: only})", only)
    return [f"{v['id']} ({v['impact']}): {v['help']} at " + ", ".join(n["target"][0] for n in v["nodes"][:3])
            for v in result["violations"]]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_axe_finds_no_violation(browser, served, viewport):
    """Every page at each width (the phone width shows other controls, so every
    rule runs at both), in the light scheme; then, on the same page switched to
    the dark scheme with the header's toggle, the rules that read colours.
    Transitions are off (reduced motion), so colours are read as they end."""
    assert AXE.is_file(), "axe-core is missing: run `make test`, which runs `npm ci`"
    context = browser.new_context(color_scheme="light", viewport=viewport, reduced_motion="reduce")
    context.add_init_script(path=str(AXE))  # in every page this context opens, before the page's scripts
    page = context.new_page()
    body = page.locator("body")
    assert page.evaluate("rules => axe.getRules().filter(r => rules.includes(r.ruleId)).length",
                         COLOUR_RULES) == len(COLOUR_RULES), f"axe no longer has the rules {COLOUR_RULES}"
    problems = {}
    for path in PAGES + ["404.html"]:
        page.goto(served + path if path.endswith(".html") else url_of(served, path), wait_until="load")
        expect(body).to_have_attribute("data-md-color-scheme", "default")
        found = axe_violations(page)
        # Material's palette toggle (markup checked with 9.8.2): a label for the
        # radio input of the other scheme, numbered in mkdocs.yml's palette order.
        # If an upgrade renames them, this click fails with the selector it missed.
        page.locator("label[for='__palette_1']").click()
        expect(body).to_have_attribute("data-md-color-scheme", "slate")
        found += [f"dark scheme: {problem}" for problem in axe_violations(page, COLOUR_RULES)]
        page.locator("label[for='__palette_0']").click()  # the choice is kept: back to light for the next page
        if found:
            problems[path] = found
    context.close()
    assert problems == {}, json.dumps(problems, indent=2)


def test_the_first_tab_reaches_the_skip_link_and_it_moves_to_the_content(context, served):
    page = context.new_page()
    page.goto(served + "article/", wait_until="load")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    expect(skip).to_have_class(re.compile("md-skip"))
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") != ""
    assert page.locator("h1, h2").first.is_visible()


def focus_ring(page) -> str:
    return page.evaluate("getComputedStyle(document.activeElement).outlineStyle")


def test_keyboard_focus_is_always_visible(context, served):
    page = context.new_page()
    page.goto(served + "speakers/", wait_until="load")
    seen = 0
    for _ in range(40):
        page.keyboard.press("Tab")
        tag = page.evaluate("document.activeElement.tagName")
        if tag in ("A", "BUTTON", "INPUT", "LABEL"):
            seen += 1
            name = page.evaluate("document.activeElement.outerHTML.slice(0, 80)")
            assert focus_ring(page) != "none", f"no visible focus on {name}"
    assert seen >= 30


def test_the_menu_and_search_work_from_the_keyboard_at_phone_width(browser, served):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(served + "article/", wait_until="load")
    menu = page.get_by_role("button", name="Navigation")
    expect(menu).to_have_attribute("aria-expanded", "false")
    menu.focus()
    assert focus_ring(page) != "none"
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".md-nav--primary").get_by_role("link", name="Speakers")).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "false")
    page.keyboard.press(" ")
    expect(menu).to_have_attribute("aria-expanded", "true")
    page.goto(served + "article/", wait_until="load")
    search = page.get_by_role("button", name="Search")
    search.focus()
    page.keyboard.press(" ")
    expect(page.locator("input.md-search__input")).to_be_focused()
    context.close()


def test_the_palette_toggle_works_from_the_keyboard(context, served):
    page = context.new_page()
    page.goto(served, wait_until="load")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "__palette":
            break
    else:
        pytest.fail("the colour toggle cannot be reached with Tab")
    page.keyboard.press("Enter")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")


def test_reduced_motion_turns_off_transitions_and_smooth_scrolling(browser, served):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    page.goto(served + "article/", wait_until="load")
    durations = page.evaluate("""[...document.querySelectorAll('*')].map(e => getComputedStyle(e))
        .flatMap(s => [s.transitionDuration, s.animationDuration]).flatMap(d => d.split(', '))""")
    assert {float(d.removesuffix("s")) for d in durations} <= {0.0, 0.00001}
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"
    context.close()


@pytest.mark.parametrize("page", PAGES)
def test_headings_go_down_one_level_at_a_time(site, page):
    levels = [int(e.tag[1]) for e in HtmlPage(built(site, page)).elements
              if re.fullmatch(r"h[1-6]", e.tag) and "md-nav" not in e.attrs.get("class", "")
              and not e.attrs.get("class", "").startswith("md-")]
    assert levels[0] == 1, f"{page} starts with h{levels[0]}"
    for before, after in zip(levels, levels[1:]):
        assert after <= before + 1, f"{page}: h{before} is followed by h{after}"


@pytest.mark.parametrize("page", PAGES)
def test_links_say_where_they_lead_and_images_have_text(site, page):
    html = HtmlPage(built(site, page))
    for link in html.find("a"):
        text = " ".join((link.text + " " + link.attrs.get("aria-label", "") + " " + link.attrs.get("title", "")).split())
        assert text, f"{page}: a link to {link.attrs.get('href')} has no text"
        assert text.lower() not in VAGUE, f"{page}: the link text '{text}' does not say where it leads"
    for image in html.find("img"):
        assert "alt" in image.attrs, f"{page}: an image without alt: {image.attrs.get('src')}"


def test_content_links_are_underlined(context, served):
    page = context.new_page()
    page.goto(served + "article/", wait_until="load")
    link = page.locator(".md-typeset p a").first
    assert "underline" in link.evaluate("a => getComputedStyle(a).textDecorationLine")
