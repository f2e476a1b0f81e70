"""One build per language, from one configuration and one table (languages.yml).

mkdocs.yml builds whichever language SITE_LANGUAGE names (English when unset)
from DOCS_DIR into SITE_DIR; scripts/build_site.py sets the three for each row
of languages.yml. For the language being built, this hook gives MkDocs:

- the words on no page (site name, footer, switch labels...) from
  docs/<code>/_language.yml, each missing key falling back to English;
- the address: the site's root, plus "<code>/" for a language other than English;
- search: the lunr language of the row, for its stop words, or none;
- the language switch: on every page, links to the same page in each language,
  written at build time (Material's own switch fetches every language's sitemap
  to find them, see overrides/main.html); the search engines' per-page
  alternates are in each sitemap (overrides/sitemap.xml);
- the pages not yet translated: the English page, under a notice, at the same
  address, so that a new English page never breaks the other languages;
- the notices on translated pages: machine-assisted, and stale once the English
  page has changed since the revision the translation records.

Only the English build writes the root's 404.html and robots.txt: GitHub Pages
serves no other.
"""

from __future__ import annotations

import datetime
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
import yaml
from babel.dates import format_date
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from language_table import BASE as BASE_LANGUAGE, LOADER, locale_of, revision, row_of, rows  # noqa: E402

DOCS = ROOT / "docs"
ROOT_ONLY_TEMPLATES = ("404.html", "robots.txt")
_state: dict = {}


def row(code: str) -> dict:
    found = row_of(code)
    if found is None:
        raise PluginError(f"languages.yml: no row for the language '{code}' (SITE_LANGUAGE)")
    return found


def _merged(english: dict, own: dict) -> dict:
    merged = dict(english)
    for key, value in own.items():
        merged[key] = _merged(english[key], value) if isinstance(value, dict) and isinstance(english.get(key), dict) else value
    return merged


def words(code: str) -> dict:
    """docs/<code>/_language.yml over English's: a missing key reads in English
    until it is translated (make check lists it)."""
    def read(language: str) -> dict:
        path = DOCS / language / "_language.yml"
        return yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER) or {} if path.is_file() else {}
    return _merged(read(BASE_LANGUAGE), read(code))


def home_path(root_url: str, code: str) -> str:
    """A language's home as an absolute path under the site's root: "/" or "/fr/"
    (or "/<repo>/fr/" on a project page)."""
    root = urlsplit(root_url).path or "/"
    return root if code == BASE_LANGUAGE else f"{root}{code}/"


@event_priority(100)  # before the search plugin reads its language
def on_config(config, **kwargs):
    code = config.theme["language"]
    this = row(code)
    expected = (DOCS / code).resolve()
    if Path(config.docs_dir).resolve() != expected:
        raise PluginError(f"SITE_LANGUAGE={code} builds docs/{code}: set DOCS_DIR=docs/{code} too "
                          "(scripts/build_site.py sets both)")

    own = words(code)
    config.site_name = own["site_name"]
    config.site_description = own["site_description"]
    config.copyright = own["copyright"]
    config.repo_name = own["repo_name"]
    for scheme, label in zip(config.theme["palette"], (own["dark_mode"], own["light_mode"])):
        scheme["toggle"]["name"] = label
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = own["permalink_title"]

    root_url = config.site_url or "/"
    if not root_url.endswith("/"):
        root_url += "/"
    config.site_url = root_url if code == BASE_LANGUAGE else f"{root_url}{code}/"
    config.edit_uri = f"edit/main/docs/{code}/"

    # lunr's stop words where the theme ships them for the language; never a
    # stemmer, which makes Material's prefix search miss whole words (languages.yml).
    search = config.plugins["material/search"].config
    search.lang = [this.get("search", BASE_LANGUAGE)]
    search.pipeline = ["stopWordFilter"] if "search" in this else []

    if code != BASE_LANGUAGE:
        for name in ROOT_ONLY_TEMPLATES:
            config.theme.static_templates.discard(name)

    languages = [dict(language, prefix="" if language["code"] == BASE_LANGUAGE else f"{language['code']}/",
                      home=home_path(root_url, language["code"])) for language in rows()]
    if code == BASE_LANGUAGE:  # the root's 404 page names each language's title for it
        for language in languages:
            language["not_found"] = words(language["code"])["not_found"]
    config.extra["language"] = dict(this, words=own)
    config.extra["languages"] = languages
    config.extra["root_url"] = root_url
    # Truthy, so that Material's header shows the switch; each page sets its links.
    config.extra["alternate"] = switch(languages, "")
    _state.update(code=code, locale=locale_of(code))
    return config


def switch(languages: list[dict], page_url: str) -> list[dict]:
    """The language switch's entries for one page, at build time."""
    return [{"name": language["name"], "link": language["home"] + page_url, "lang": language["code"]}
            for language in languages]


def on_files(files, config, **kwargs):
    """Pages that English has and this language lacks: the English page, at this
    language's address (on_page_markdown adds the notice)."""
    if _state["code"] == BASE_LANGUAGE:
        return files
    # Not a template here (on_config), the theme would copy robots.txt as it is.
    for name in ROOT_ONLY_TEMPLATES:
        theme_file = files.get_file_from_path(name)
        if theme_file:
            files.remove(theme_file)
    english = DOCS / BASE_LANGUAGE
    for path in sorted(english.rglob("*.md")):
        uri = path.relative_to(english).as_posix()
        if uri.startswith("_") or files.get_file_from_path(uri):
            continue
        files.append(File(uri, src_dir=str(english), dest_dir=config.site_dir,
                          use_directory_urls=config.use_directory_urls))
    return files


def localised_date(day) -> str:
    """A date as the language writes it in full (YAML reads an unquoted one as a date)."""
    if isinstance(day, str):
        day = datetime.date.fromisoformat(day)
    return format_date(day, "long", locale=_state["locale"])


def on_page_markdown(markdown, page, config, files):
    # The navigation's name for a page; on a section's index page, the section's.
    nav_title = page.meta.get("nav_title")
    if nav_title:
        if page.file.name == "index" and page.parent is not None:
            page.parent.title = nav_title
        else:
            page.title = nav_title
    if page.meta.get("checked"):
        page.meta["checked_text"] = localised_date(page.meta["checked"])

    if _state["code"] == BASE_LANGUAGE:
        return markdown
    english = DOCS / BASE_LANGUAGE / page.file.src_uri
    if Path(page.file.abs_src_path) == english:
        page.meta["translation_state"] = "untranslated"
        page.edit_url = None  # the pencil would open a file that does not exist yet
        return markdown
    record = page.meta.get("translation")
    if not isinstance(record, dict) or not {"source", "date"} <= record.keys():
        raise PluginError(f"docs/{_state['code']}/{page.file.src_uri}: the front matter needs 'translation:' with "
                          "'source:' (the English page's revision) and 'date:' (see CONTRIBUTING.md, Translating)")
    stale = english.is_file() and str(record["source"]) != revision(english)
    page.meta["translation_state"] = "stale" if stale else "translated"
    page.meta["translation_date"] = localised_date(record["date"])
    return markdown


def on_page_context(context, page, config, nav):
    config.extra["alternate"] = switch(config.extra["languages"], page.url)
    context["english_url"] = config.extra["root_url"] + page.url
    return context


# The switch's links as Material 9.8.2 writes them (partials/alternate.html).
SWITCH_LINK = re.compile(r'(<a href="[^"]*" hreflang="([A-Za-z-]+)" class="md-select__link")>')


def on_post_page(output, page, config):
    """Each language's name in the switch is marked as that language, so that a
    screen reader says "Ελληνικά" in Greek (WCAG 3.1.2, language of parts)."""
    return SWITCH_LINK.sub(r'\1 lang="\2">', output)


def on_env(env, config, files):
    """The theme's templates compiled once for all 24 builds, and kept between
    builds: Jinja's bytecode cache checks each template's source before use."""
    folder = ROOT / ".cache" / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
    return env


def on_pre_template(template, template_name, config):
    """The 404 page's switch leads to each language's home."""
    config.extra["alternate"] = switch(config.extra["languages"], "")
    return template
