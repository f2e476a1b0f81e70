"""A way off Material: Zensical, its successor, builds the English site from the same
mkdocs.yml, pages, overrides and snippets, in a copy of the project.

Zensical (0.0.73, the newest that installs from PyPI) reads mkdocs.yml, `!ENV`,
`INHERIT`, `custom_dir` and its template blocks, pymdownx.snippets, md_in_html and the
front matter's `template:`. What it does differently, and what this test therefore
does in its copy only (README, "Moving to Zensical"):

1. It runs no MkDocs hooks. The test runs hooks/*.py once, with MkDocs, and writes
   what they set (the language's words and address, the edit link's folder, the
   data from data/*.yml, the languages) into zensical.yml, which INHERITs
   mkdocs.yml unchanged: `zensical build -f zensical.yml`. The per-page parts
   of the hooks (the switch's same-page links, the translation notices, the
   figures) are not there: the pages read without them.
2. Its template engine (MiniJinja) has no Python list methods, so the templates
   build lists with namespace(), which Jinja2 (MkDocs) reads as well.
3. Of the static templates it renders only 404.html and sitemap.xml; robots.txt is
   copied as it is, unrendered.
4. A language other than English builds from the same mkdocs.yml, with the same
   SITE_LANGUAGE, DOCS_DIR and SITE_DIR that scripts/build_site.py sets.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import EN, ROOT, built, copy_project, signup_address
from html_page import HtmlPage
from mkdocs.config import load_config

ZENSICAL = Path(sys.executable).parent / "zensical"
MAIN_PAGES = ["index.md", "article.md", "openeurollm.md", "webinar.md", "speakers.md", "sign-up.md"]
SITE_URL = "https://example.org/project/"


def hook_settings(project: Path, config_file: str = "mkdocs.yml") -> dict:
    """What the MkDocs hooks add to the configuration, by running them as MkDocs would."""
    config = load_config(str(project / config_file))
    before = {"site_url": config.site_url, "edit_uri": config.edit_uri, "extra": dict(config.extra)}
    for hook in config.hooks.values():
        if hasattr(hook, "on_config"):
            config = hook.on_config(config) or config
    settings = {key: config[key] for key in ("site_url", "edit_uri") if config[key] != before[key]}
    settings |= {key: config[key] for key in ("site_name", "site_description", "copyright", "repo_name")}
    extra = {key: value for key, value in config.extra.items() if before["extra"].get(key) != value}
    return settings | ({"extra": extra} if extra else {})


def zensical(project: Path, config_file: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(ZENSICAL), "build", "--strict", "--config-file", config_file],
                          cwd=project, capture_output=True, text=True, env=os.environ.copy())


def for_zensical(project: Path, name: str, settings: dict) -> str:
    """Writes a configuration file for Zensical at the project's root and names it."""
    (project / name).write_text("# For Zensical, which runs no hooks: what hooks/*.py set, written out.\n"
                                + yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return name


def port(project: Path) -> Path:
    """The project copy with what must differ for Zensical (the module's docstring).
    Zensical draws the link-preview images too, with the font from the same
    .cache/ that hooks/social_fonts.py fills for MkDocs (hook_settings runs it)."""
    hook_settings(project)
    return project


@pytest.fixture(scope="module")
def site_url():
    """SITE_URL, read through mkdocs.yml's !ENV by both tools."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITE_URL", SITE_URL)
        yield SITE_URL


@pytest.fixture(scope="module")
def zensical_site(site_url, tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """The English site built by Zensical from a copy of the project, as README
    describes, once for every test that only reads it."""
    ported = port(copy_project(tmp_path_factory.mktemp("zensical") / "project"))
    config = for_zensical(ported, "zensical.yml", {"INHERIT": "mkdocs.yml", **hook_settings(ported)})
    return ported / "site", zensical(ported, config)


def test_zensical_builds_the_main_pages_with_their_headings(zensical_site, site):
    out, result = zensical_site
    assert result.returncode == 0, result.stdout + result.stderr
    for page in MAIN_PAGES:
        assert built(out, page).is_file(), f"Zensical wrote no page for {EN}/{page}"
        ours, theirs = HtmlPage(built(out, page)), HtmlPage(built(site, page))
        h1 = [e.text.strip() for e in ours.find("h1")]
        assert len(h1) == 1 and h1 == [e.text.strip() for e in theirs.find("h1")], (page, h1)
        assert ours.find("title")[0].text == theirs.find("title")[0].text, page


def test_zensical_keeps_the_address_the_edit_link_and_the_sign_up_button(zensical_site):
    out, result = zensical_site
    assert result.returncode == 0, result.stdout + result.stderr
    page = HtmlPage(built(out, "webinar.md"))
    assert page.find("link", rel="canonical")[0].attrs["href"] == f"{SITE_URL}webinar/"
    assert page.find("a", rel="edit")[0].attrs["href"].endswith(f"/edit/main/{EN}/webinar.md")
    sign_up = built(out, "sign-up.md").read_text(encoding="utf-8")
    assert f'href="{signup_address()}"' in sign_up


def test_zensical_pages_load_nothing_from_other_sites(zensical_site):
    """The privacy statement holds: no web fonts, scripts or styles from elsewhere."""
    out, result = zensical_site
    assert result.returncode == 0, result.stdout + result.stderr
    for page in MAIN_PAGES:
        html = HtmlPage(built(out, page))
        assets = [e.attrs.get("src") for e in html.find("script")]
        assets += [e.attrs.get("href") for e in html.find("link", rel="stylesheet")]
        assert [a for a in assets if a and re.match(r"(https?:)?//", a)] == [], page


def test_zensical_copies_robots_txt_without_rendering_it(zensical_site):
    """README says so; when this fails, Zensical renders it, and README should say that."""
    out, result = zensical_site
    assert result.returncode == 0, result.stdout + result.stderr
    template = (out.parent / "overrides" / "robots.txt").read_text(encoding="utf-8")
    assert "{{" in template and (out / "robots.txt").read_text(encoding="utf-8") == template


def test_another_language_builds_from_the_same_configuration(site_url, tmp_path):
    """French, chosen by the environment as scripts/build_site.py chooses it."""
    ported = port(copy_project(tmp_path / "project", languages=("en", "fr")))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITE_LANGUAGE", "fr")
        patch.setenv("DOCS_DIR", "docs/fr")
        patch.setenv("SITE_DIR", "site/fr")
        config = for_zensical(ported, "zensical-fr.yml", {"INHERIT": "mkdocs.yml", **hook_settings(ported)})
        result = zensical(ported, config)
    assert result.returncode == 0, result.stdout + result.stderr
    page = HtmlPage(ported / "site" / "fr" / "webinar" / "index.html")
    assert page.find("html")[0].attrs["lang"] == "fr"
    assert page.find("link", rel="canonical")[0].attrs["href"] == f"{SITE_URL}fr/webinar/"
    assert page.find("a", rel="edit")[0].attrs["href"].endswith("/edit/main/docs/fr/webinar.md")
    french_title = yaml.safe_load((ROOT / "docs" / "fr" / "webinar.md").read_text(encoding="utf-8").split("---")[1])["title"]
    assert page.find("title")[0].text.startswith(french_title)
