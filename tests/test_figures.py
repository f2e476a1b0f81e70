"""The figures drawn from data/ (hooks/figures.py): each on its page with its text
alternative and sources, its dates, amounts and counts the same as in data/ and in
the page's own text, accessible and on-origin in a browser, and a broken data
entry or a missing word named with its file and line."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
import yaml
from babel.dates import format_date
from babel.numbers import format_compact_currency, format_compact_decimal
from conftest import EN, PHONE, ROOT, build, built, check, line_with, replace_in, url_of
from html_page import HtmlPage
from test_accessibility import AXE, AXE_TAGS, DESKTOP
from test_browser import Watch

LOCALE = "en_IE"  # hooks/figures.py's locale for English
# The figures, by the page that shows them.
FIGURES = {"webinar.md": ["gradient"], "timeline.md": ["timeline"], "openeurollm.md": ["numbers", "consortium"],
           "index.md": ["numbers"], "speakers.md": ["speakers"]}
NARROWEST = {"width": 320, "height": 640}


def data(name: str):
    return yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"))


def long_date(value: datetime.date) -> str:
    return format_date(value, "long", locale=LOCALE)


def figure(site: Path, page: str, name: str) -> str:
    """The built HTML of one figure on one page."""
    html = built(site, page).read_text(encoding="utf-8")
    found = re.findall(rf'<figure class="oss-figure oss-figure--{name}" data-figure="{name}">.*?</figure>', html, re.S)
    assert len(found) == 1, f"{page}: expected the figure '{name}' once, found it {len(found)} times"
    return found[0]


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.mark.parametrize("page,name", [(p, n) for p, names in FIGURES.items() for n in names])
def test_each_figure_is_drawn_on_its_page_with_caption_alternative_and_sources(site, page, name):
    html = figure(site, page, name)
    caption = re.search(r"<figcaption>(.*)</figcaption>\s*</figure>$", html, re.S)
    assert caption and text_of(caption.group(1)), f"{page}: the {name} figure has no caption as its last child"
    # The text alternative: a table, or the drawing itself as a list made of text.
    alternative = {"gradient": "<table>", "consortium": "<table", "timeline": '<ol class="oss-timeline">',
                   "numbers": '<dl class="oss-numbers">', "speakers": '<ul class="oss-speakers">'}[name]
    assert alternative in html
    if name != "speakers":  # the speakers' sources are in their sections, linked from each card
        assert re.search(r'class="oss-figure__sources">Sources:\s*<a href="https://', caption.group(1))
    assert "<img" not in html and "<script" not in html


def test_the_timeline_shows_every_date_in_data_with_today_in_its_place(site):
    html = figure(site, "timeline.md", "timeline")
    today = re.search(r'oss-timeline__today"><strong>Today: <time datetime="([\d-]+)">([^<]+)</time>', html)
    assert today, "the timeline has no mark for today"
    built_on = datetime.date.fromisoformat(today.group(1))
    assert abs((datetime.datetime.now(datetime.timezone.utc).date() - built_on).days) <= 1
    assert today.group(2) == long_date(built_on)
    events = data("timeline")
    items = re.findall(r'<li class="oss-timeline__event oss-timeline__event--(\w+)" data-event="([^"]+)">(.*?)</li>', html, re.S)
    assert [i[1] for i in items] == [e["id"] for e in sorted(events, key=lambda e: e["date"])]
    for (when, _, body), event in zip(items, sorted(events, key=lambda e: e["date"])):
        assert f'<time datetime="{event["date"].isoformat()}">{long_date(event["date"])}</time>' in body
        if "end" in event:
            assert f'<time datetime="{event["end"].isoformat()}">' in body
        if "was" in event:
            assert f"moved from <time datetime=\"{event['was'].isoformat()}\">" in body
        # Past or future in words, not only in the line's style.
        assert when == ("past" if event["date"] <= built_on else "future")
        assert ("On or before today" if when == "past" else "Still to come") in text_of(body)
    # Today sits between the last past entry and the first future one.
    order = re.findall(r'oss-timeline__(today|event--past|event--future)', html)
    assert order == sorted(order, key=["event--past", "today", "event--future"].index)


def test_the_timeline_has_its_own_page_linked_from_the_article(site):
    article = HtmlPage(built(site, "article.md"))
    assert any(a.attrs.get("href") == "../timeline/" for a in article.find("a"))
    assert "Official Journal" in text_of(built(site, "timeline.md").read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", ["openeurollm.md", "index.md"])
def test_the_numbers_equal_the_data(site, page):
    project, partners = data("openeurollm"), data("partners")
    html = figure(site, page, "numbers")
    values = re.findall(r'<data value="(\d+)">([^<]+)</data>', html)
    assert values == [
        (str(project["budget"]["total_eur"]), format_compact_currency(project["budget"]["total_eur"], "EUR", locale=LOCALE, fraction_digits=1)),
        (str(project["budget"]["eu_share_eur"]), format_compact_currency(project["budget"]["eu_share_eur"], "EUR", locale=LOCALE, fraction_digits=1)),
        (str(project["partners"]["total"]), str(project["partners"]["total"])),
        (str(len(partners)), str(len(partners))),
        (str(project["languages"]["official_eu"]), str(project["languages"]["official_eu"])),
    ]
    start = project["start"]["date"]
    assert f'<time datetime="{start.isoformat()}">{long_date(start)}</time>' in html


def test_the_openeurollm_page_says_what_the_data_says():
    """The sentences around the figures repeat some numbers: they must agree with data/."""
    text = (ROOT / EN / "openeurollm.md").read_text(encoding="utf-8")
    project, partners = data("openeurollm"), data("partners")
    for amount in (project["budget"]["total_eur"], project["budget"]["eu_share_eur"]):
        assert f"€{format_compact_decimal(amount, format_type='long', locale=LOCALE, fraction_digits=1)}" in text
    by_type = project["partners"]["by_type"]
    for count, what in ((by_type["research"], "universities and research organisations"),
                        (by_type["company"], "companies"), (by_type["supercomputing"], "EuroHPC centres")):
        assert f"{count} {what}" in text
    assert f"only the {len(partners)} partners" in text
    assert f"**{long_date(project['start']['date'])}:** work on the project began" in text
    step = next(e for e in data("timeline") if e["id"] == "openeurollm-step-seal")
    assert f"On {long_date(step['date'])} the Commission gave OpenEuroLLM a STEP seal" in text


def test_the_consortium_table_and_tiles_come_from_the_partner_data(site):
    partners, project = data("partners"), data("openeurollm")["partners"]
    html = figure(site, "openeurollm.md", "consortium")
    rows = re.findall(r'<tr data-partner="([^"]+)">(.*?)</tr>', html, re.S)
    assert [r[0] for r in rows] == [p["id"] for p in partners]
    countries = {"CZ": "Czechia", "FI": "Finland", "DE": "Germany", "FR": "France", "ES": "Spain",
                 "NL": "Netherlands", "SE": "Sweden", "IT": "Italy"}
    for (_, row), partner in zip(rows, partners):
        cells = [text_of(c) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        assert cells[0].startswith(partner["name"])
        assert cells[1] == countries[partner["country"]]
        assert [s["url"] for s in partner["sources"]] == re.findall(r'<a href="([^"]+)"', row)
        assert cells[3].endswith("(one source)") == (len(partner["sources"]) == 1), partner["name"]
    one_source = {p["name"] for p in partners if len(p["sources"]) == 1}
    assert {"University of Helsinki", "University of Turku"} <= one_source
    # The tiles are a picture of the table: hidden from screen readers, which read the table.
    tiles = re.search(r'<ul class="oss-consortium__tiles" aria-hidden="true">(.*?)</ul>\s*<div', html, re.S).group(1)
    for code, name in countries.items():
        count = sum(p["country"] == code for p in partners)
        assert re.search(rf'{name} <span class="oss-consortium__count">{count}</span>', tiles)
    unnamed = project["total"] - len(partners)
    summary = text_of(re.search(r'<ul class="oss-consortium__summary">(.*?)</ul>', html, re.S).group(1))
    assert f"{unnamed} of the {project['total']} partners not yet named in public" in summary
    for kind, total in project["by_type"].items():
        assert f"{sum(p['type'] == kind for p in partners)} of {total} named" in summary


def test_the_gradient_places_each_level_class_and_line_as_the_data_says(site):
    gradient = data("gradient")
    html = figure(site, "webinar.md", "gradient")
    levels = gradient["levels"]["ids"]
    cells = re.findall(r'<li class="oss-gradient__level" style="--at: (\d+); --span: 1">', html)
    assert cells == [str(i) for i in range(1, len(levels) + 1)]
    assert f'<ol class="oss-gradient__classes" style="--at: {levels.index(gradient["mof"]["from"]) + 1}; --span: 2">' in html
    passes = levels.index(gradient["osaid"]["passes_from"]) + 1
    assert f'oss-gradient__verdict--passes" style="--at: {passes};' in html
    table = re.search(r"<tbody>(.*?)</tbody>", html, re.S).group(1)
    rows = [[text_of(c) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)]
    assert [r[0] for r in rows] == ["Fully closed", "Gradual or staged", "Hosted", "Cloud service or API", "Downloadable", "Fully open"]
    assert [r[2] for r in rows] == ["Cannot pass"] * (passes - 1) + ["Can pass"] * (len(levels) - passes + 1)
    assert [bool(r[1]) for r in rows] == [False] * 4 + [True] * 2
    assert rows[levels.index("downloadable")][3].startswith("Example: DeepSeek-R1")


def test_each_speaker_card_comes_from_the_speaker_data(site):
    speakers = data("speakers")
    html = figure(site, "speakers.md", "speakers")
    cards = re.findall(r'<li class="oss-speaker" data-speaker="([^"]+)">(.*?)</li>', html, re.S)
    assert [c[0] for c in cards] == [s["id"] for s in speakers]
    page = built(site, "speakers.md").read_text(encoding="utf-8")
    for (_, card), speaker in zip(cards, speakers):
        initials = "".join(part[0] for part in (speaker["name"].split()[0], speaker["name"].split()[-1]))
        assert f'<span class="oss-speaker__monogram" aria-hidden="true">{initials}</span>' in card
        assert f'<p class="oss-speaker__name">{speaker["name"]}</p>' in card
        assert f'<p class="oss-speaker__organisation">{speaker["organisation"]}</p>' in card
        assert f'<a href="{speaker["profile"]}">' in card
        assert f'<a href="#{speaker["id"]}">' in card and f'id="{speaker["id"]}"' in page
    raible = dict(cards)["sebastian-raible"]
    assert "no profile page was found" in raible


# In the browser: accessible in both schemes, at every width, on its own origin, steady.

def open_figures(context, served, page_path):
    page = context.new_page()
    watch = Watch(page, served)
    page.goto(url_of(served, page_path), wait_until="load")
    return page, watch


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_figures_pass_axe_and_fit_the_screen_on_their_own_origin(browser, served, scheme):
    """At the narrowest width a figure must work at (320 px, WCAG 1.4.10 reflow).
    test_accessibility.py already runs axe on every page, these included, at
    desktop and phone widths in both schemes; this adds the narrowest screen."""
    viewport = NARROWEST
    context = browser.new_context(color_scheme=scheme, viewport=viewport)
    problems = {}
    for page_path in FIGURES:
        page, watch = open_figures(context, served, page_path)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("tags => axe.run({include: [['figure.oss-figure']]}, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
        found = [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes'][:3]]}" for v in result["violations"]]
        assert result["passes"], "axe found no figure to test"
        # Nothing wider than the screen: no sideways scrolling at 320 px or on a phone.
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > viewport["width"]:
            found.append(f"the page is {width} px wide at {viewport['width']} px")
        found += watch.problems
        if found:
            problems[page_path] = found
        page.close()
    context.close()
    assert problems == {}


def test_the_figures_add_no_request_and_no_layout_shift(browser, served):
    context = browser.new_context(viewport=PHONE)
    for page_path in FIGURES:
        page = context.new_page()
        page.add_init_script("""window.__shift = 0; window.__moved = []; new PerformanceObserver(list => {
            for (const entry of list.getEntries()) if (!entry.hadRecentInput) {
                window.__shift += entry.value;
                window.__moved.push(...entry.sources.map(s => s.node ? s.node.nodeName + '.' + s.node.className : '?'));
            }
        }).observe({type: 'layout-shift', buffered: true});""")
        requests = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(url_of(served, page_path), wait_until="networkidle")
        assert page.locator("figure.oss-figure").count() >= 1
        # The figures' CSS is inlined in the page, and they load nothing of their own.
        assert page.evaluate("[...document.querySelectorAll('style')].some(s => s.textContent.includes('.oss-gradient'))")
        assert [url for url in requests if "figure" in url] == []
        assert page.evaluate("window.__shift") == 0, f"{page_path}: the layout shifts: {page.evaluate('window.__moved')}"
        page.close()
    context.close()


def test_the_figures_print_and_zoom(browser, served):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(url_of(served, "webinar.md"), wait_until="networkidle")
    # 200 % zoom at 1280 px is the narrow layout at 640 px: the levels run down the page.
    page.set_viewport_size({"width": 640, "height": 800})
    first, last = page.locator(".oss-gradient__level").first.bounding_box(), page.locator(".oss-gradient__level").last.bounding_box()
    assert last["y"] > first["y"] and abs(last["x"] - first["x"]) < 1
    page.set_viewport_size(DESKTOP)
    first, last = page.locator(".oss-gradient__level").first.bounding_box(), page.locator(".oss-gradient__level").last.bounding_box()
    assert last["x"] > first["x"] and abs(last["y"] - first["y"]) < 1
    fill = "e => getComputedStyle(e).backgroundColor"
    assert page.locator(".oss-gradient__level").first.evaluate(fill) != "rgba(0, 0, 0, 0)"
    # On paper the fills go, and the words and lines stay.
    page.emulate_media(media="print")
    assert page.locator("figure.oss-figure").is_visible()
    assert page.locator(".oss-gradient__level").first.evaluate(fill) == "rgba(0, 0, 0, 0)"
    context.close()


# Bad input: a broken data entry or a missing word is named with its file and line.

# Each: the file, what an editor got wrong (old -> new), the text on the line to
# name, and what the check says there.
MISTAKES = {
    "a date that does not exist": (
        "data/timeline.yml", "date: 2025-01-30", "date: 2025-02-30", "2025-02-30",
        "entry 5 (eosa-launch): 'date': '2025-02-30' is not a date that exists; write it as YYYY-MM-DD"),
    "a partner without a country": (
        "data/partners.yml", "  name: LightOn\n  country: FR\n", "  name: LightOn\n", "- id: lighton",
        "entry 5 (lighton): 'country' is a required property; add it"),
    "a source that is not a web address": (
        "data/openeurollm.yml", "    - https://babl.ai/?p=7029", "    - babl.ai", "    - babl.ai",
        "'budget.sources.1': 'babl.ai' must be a full web address starting with https://"),
    "a missing word for an entry": (
        "docs/en/timeline.md", "      cra-in-force: The Cyber Resilience Act enters into force.\n", "", "    events:",
        "front matter 'figures.timeline.events' has no words for 'cra-in-force' from data/; add them"),
}


@pytest.mark.parametrize("mistake", MISTAKES)
def test_a_broken_entry_is_named_with_file_and_line(project, mistake):
    name, old, new, on_line, message = MISTAKES[mistake]
    replace_in(project / name, old, new)
    result = check(project)
    assert result.returncode == 1
    assert f"{name}:{line_with(project / name, on_line)}: {message}" in result.stderr


def test_an_unknown_figure_is_named_and_stops_the_build(project):
    page = project / EN / "webinar.md"
    replace_in(page, 'data-figure="gradient"', 'data-figure="gradeint"')
    line = line_with(page, 'data-figure="gradeint"')
    message = f"docs/en/webinar.md:{line}: there is no figure 'gradeint'"
    assert message in check(project).stderr
    result = build(project, project / "site")
    assert result.returncode == 1
    assert message in result.stderr
