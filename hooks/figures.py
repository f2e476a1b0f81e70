"""Draws the site's figures into the pages, at build time, from data/.

A page asks for a figure with a marker and its own caption, in Markdown:

    <figure class="oss-figure" data-figure="timeline" markdown>
    <figcaption markdown>What the figure shows, in the page's language.</figcaption>
    </figure>

and gives the figure's words in its front matter, under figures.timeline. This
hook puts the drawing, made by overrides/partials/figures/<name>.html from
data/*.yml, in front of the caption, and the figure's sources at the end of
the caption. Dates, amounts and country names are written for the page's
language by Babel. Every drawing is HTML and CSS made of real text: nothing to
download, no script, no request to another origin.

It works on the page's HTML (on_page_content) so that the figures never
change how the Markdown around them is read. Zensical runs no hooks: there
the marker stays, with its caption, and the page reads as text without the
drawing (README, "Moving to Zensical").
"""

from __future__ import annotations

import datetime
import logging
import os
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from babel import Locale
from babel.dates import format_date
from babel.numbers import format_compact_currency, format_decimal
from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from check_data import check_data, figure_data  # noqa: E402
from language_table import locale_of  # noqa: E402

FIGURE = re.compile(r'<figure class="oss-figure" data-figure="(?P<name>[a-z]+)">(?P<inner>.*?)</figure>', re.S)

log = logging.getLogger("mkdocs.hooks.figures")
_state: dict = {}


def today() -> datetime.date:
    """The day of the build, which the timeline marks as today; SOURCE_DATE_EPOCH
    (the reproducible-builds convention) sets it for a rebuild of an older state."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date()
    return datetime.datetime.now(datetime.timezone.utc).date()


class Words:
    """What the figure templates call to write data in the page's language."""

    def __init__(self, language: str):
        # languages.yml's locale: Babel's "en" is American English and its "pt"
        # Brazilian Portuguese; the EU writes "1 February 2025" and European Portuguese.
        self.locale = locale_of(language)

    def time(self, iso: str, end: str | None = None) -> Markup:
        """A date, or two for an event of several days, readable and machine-readable."""
        def one(value: str) -> Markup:
            day = datetime.date.fromisoformat(value)
            return Markup('<time datetime="{}">{}</time>').format(value, format_date(day, "long", locale=self.locale))
        # Two full dates: CLDR has no long-month interval format in every language.
        return one(iso) if end is None else Markup("{} – {}").format(one(iso), one(end))

    def money(self, euros: int) -> Markup:
        return Markup('<data value="{}">{}</data>').format(
            euros, format_compact_currency(euros, "EUR", locale=self.locale, fraction_digits=1))

    def number(self, value: int) -> Markup:
        return Markup('<data value="{}">{}</data>').format(value, format_decimal(value, locale=self.locale))

    def country(self, code: str) -> str:
        return Locale.parse(self.locale).territories[code]

    def by_country(self, partners: list[dict]) -> list[dict]:
        """The partners by country: most partners first, then by name in the page's language."""
        countries = {}
        for partner in partners:
            countries.setdefault(partner["country"], []).append(partner)
        found = [{"code": code, "name": self.country(code), "partners": members} for code, members in countries.items()]
        return sorted(found, key=lambda c: (-len(c["partners"]), c["name"].casefold()))

    @staticmethod
    def fill(pattern: str, **values) -> Markup:
        """A page's words with {name} filled in: the words escaped, the values as given."""
        text = Markup(escape(pattern))
        for key, value in values.items():
            text = text.replace("{" + key + "}", value)
        return text

    @staticmethod
    def initials(name: str) -> str:
        parts = name.split()
        return (parts[0][0] + (parts[-1][0] if len(parts) > 1 else "")).upper()

    @staticmethod
    def source_label(url: str) -> str:
        """A source's address without https:// and www., so the link says where it leads."""
        parts = urlsplit(url)
        return (parts.netloc.removeprefix("www.") + parts.path).rstrip("/")


def on_config(config, **kwargs):
    # This language's pages only: make check reads every language's.
    problems = check_data(ROOT, config.theme["language"])
    # One log line per problem, so that scripts/build_site.py shows each with its file and line.
    for problem in problems:
        log.error(problem.show(ROOT))
    if problems:
        raise PluginError(f"{len(problems)} problem(s) in the figures' data or words; see above")
    _state["data"], _ = figure_data(ROOT)
    # The same files in config.extra.data (hooks/data.py) with their dates as
    # text, as checked: PyYAML's date objects stop Zensical reading extra.
    config.extra["data"].update(_state["data"])
    # Autoescaped: the words come from pages, and only the drawing is markup.
    _state["env"] = jinja2.Environment(loader=jinja2.FileSystemLoader(config.theme.dirs), autoescape=True,
                                       undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    _state["words"] = Words(config.theme["language"])
    _state["today"] = today().isoformat()
    return config


def draw(match: re.Match, page) -> str:
    name, inner = match["name"], match["inner"]
    words = (page.meta.get("figures") or {}).get(name)
    if words is None or "<figcaption>" not in inner:
        raise PluginError(f"{page.file.src_uri}: the figure '{name}' needs its words under figures.{name} "
                          "in the front matter and a <figcaption> (see CONTRIBUTING.md)")
    template = _state["env"].get_template(f"partials/figures/{name}.html")
    context = {"data": _state["data"], "words": words, "f": _state["words"], "today": _state["today"]}
    drawing = template.render(context, part="drawing")
    sources = template.render(context, part="sources")
    caption = inner.replace("</figcaption>", f"{sources}</figcaption>", 1)
    return (f'<figure class="oss-figure oss-figure--{name}" data-figure="{name}">'
            f"{drawing}{caption.strip()}</figure>")


def on_page_content(html, page, config, files):
    if 'class="oss-figure"' not in html:
        return html
    return FIGURE.sub(lambda match: draw(match, page), html)
