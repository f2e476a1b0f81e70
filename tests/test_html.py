"""The built HTML of every page: what browsers, search engines and screen readers read first."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from check_content import front_matter
from conftest import EN, PAGES, ROOT, built, signup_address, url_of
from html_page import HtmlPage


@pytest.mark.parametrize("page", PAGES)
def test_page_head_and_heading(site, server_url, page):
    html = HtmlPage(built(site, page))
    meta, _ = front_matter(ROOT / EN / page)
    h1 = html.find("h1")
    assert len(h1) == 1, f"{page}: {len(h1)} h1 elements"
    assert html.find("html")[0].attrs["lang"] == "en"
    title = html.find("title")[0].text.strip()
    assert title.startswith(meta["title"]) or page == "index.md"
    assert html.meta(name="description") == meta["description"]
    canonical = html.find("link", rel="canonical")
    assert [c.attrs["href"] for c in canonical] == [url_of(server_url, page)]


def own_origin(url: str, server_url: str) -> bool:
    parts = urlsplit(url)
    return not parts.netloc or f"{parts.scheme}://{parts.netloc}/" == server_url


def test_no_page_loads_anything_from_another_origin(site, server_url):
    """Scripts, styles, fonts, images, frames and icons all come from the site itself."""
    loaded = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src", "video": "src"}
    for path in sorted(site.glob("**/*.html")):
        html = HtmlPage(path)
        for tag, attribute in loaded.items():
            for element in html.find(tag):
                url = element.attrs.get(attribute, "")
                assert own_origin(url, server_url), f"{path.relative_to(site)} loads {url}"
        for link in html.find("link"):
            if link.attrs.get("rel") in {"stylesheet", "preload", "preconnect", "icon", "manifest", "modulepreload"}:
                assert own_origin(link.attrs["href"], server_url), f"{path.relative_to(site)} loads {link.attrs['href']}"
    for css in site.glob("**/*.css"):
        for url in re.findall(r"url\(\s*['\"]?(https?:[^'\")]+)", css.read_text(encoding="utf-8")):
            assert own_origin(url, server_url), f"{css.relative_to(site)} loads {url}"


def test_the_sign_up_button_links_to_the_sign_up_address_in_the_pages_words(site):
    html = HtmlPage(built(site, "sign-up.md"))
    buttons = [a for a in html.find("a") if "md-button--primary" in a.attrs.get("class", "")]
    assert [a.attrs["href"] for a in buttons] == [signup_address()]
    # One line of Markdown on the page gives the button its words.
    source = (ROOT / EN / "sign-up.md").read_text(encoding="utf-8")
    assert f"[{buttons[0].text.strip()}][signup]{{ .md-button .md-button--primary }}" in source


def test_every_speaker_has_a_section_and_a_profile_link(site):
    html = HtmlPage(built(site, "speakers.md"))
    speakers = yaml.safe_load((ROOT / "data" / "speakers.yml").read_text(encoding="utf-8"))
    links = {a.attrs.get("href") for a in html.find("a")}
    for speaker in speakers:
        heading = html.find("h2", id=speaker["id"])
        assert heading and speaker["name"] in heading[0].text
        assert speaker["profile"] in links


def test_every_page_has_an_edit_link_to_its_source_file(site, config):
    for page in PAGES:
        html = HtmlPage(built(site, page))
        edits = [a.attrs["href"] for a in html.find("a") if "md-content__button" in a.attrs.get("class", "")]
        assert edits == [f"{config.repo_url.rstrip('/')}/edit/main/{EN}/{page}"], page


def test_the_404_page_leads_back_to_every_section(site, server_url):
    html = HtmlPage(site / "404.html")
    words = yaml.safe_load((ROOT / EN / "_language.yml").read_text(encoding="utf-8"))["not_found"]
    assert html.find("h1")[0].text.strip() == words["title"]
    # Absolute paths, since the 404 page is served at any depth.
    hrefs = {urljoin(server_url, a.attrs["href"]) for a in html.find("a") if a.attrs["href"].startswith("/")}
    for target in ["", "article/", "openeurollm/", "webinar/", "speakers/", "sign-up/"]:
        assert urljoin(server_url, target) in hrefs


def test_the_repository_link_asks_nothing_of_the_github_api(site):
    html = HtmlPage(site / "index.html")
    assert not [e for e in html.elements if e.attrs.get("data-md-component") == "source"]
