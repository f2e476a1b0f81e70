"""What search engines and link previews read: structured data, sitemap, robots.txt."""

from __future__ import annotations

import json
import re
import struct
import xml.etree.ElementTree as ET

import pytest
import yaml
from check_content import front_matter
from conftest import EN, PAGES, ROOT, built, url_of
from html_page import HtmlPage


def json_ld(site, page: str) -> list[dict]:
    html = HtmlPage(built(site, page))
    return [json.loads(s.text) for s in html.find("script", type="application/ld+json")]


def test_the_home_page_describes_the_website(site, server_url, config):
    [data] = json_ld(site, "index.md")
    assert data["@type"] == "WebSite"
    assert data["url"] == server_url and data["name"] == config.site_name and data["inLanguage"] == "en"


def test_the_article_is_an_article_based_on_the_original(site, server_url):
    [data] = json_ld(site, "article.md")
    original = yaml.safe_load((ROOT / "data" / "article.yml").read_text(encoding="utf-8"))
    assert data["@type"] == "Article"
    assert data["url"] == url_of(server_url, "article.md")
    assert data["isBasedOn"]["url"] == original["url"]
    assert data["isBasedOn"]["publisher"]["name"] == "European Open Source Academy"


def test_the_original_article_has_one_address(site):
    """data/article.yml (for templates) and includes/links.md (for pages) agree."""
    original = yaml.safe_load((ROOT / "data" / "article.yml").read_text(encoding="utf-8"))
    links = (ROOT / "includes" / "links.md").read_text(encoding="utf-8")
    assert f"[eosa-article]: {original['url']}\n" in links


def test_the_webinar_page_is_about_an_event_with_only_what_sources_say(site, server_url):
    [data] = json_ld(site, "webinar.md")
    meta, _ = front_matter(ROOT / EN / "webinar.md")
    speakers = yaml.safe_load((ROOT / "data" / "speakers.yml").read_text(encoding="utf-8"))
    assert data["@type"] == "WebPage" and data["url"] == url_of(server_url, "webinar.md")
    event = data["about"]
    assert event["@type"] == "Event"
    # Its own name, not the page's title.
    assert event["name"] == meta["event_name"] != meta["title"]
    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert event["organizer"]["name"] == "European Open Source Academy"
    assert [p["name"] for p in event["performer"]] == [s["name"] for s in speakers]
    # No source gives the webinar's date or a place to attend it, so none is claimed.
    assert not {"startDate", "endDate", "location"} & set(event)


def test_every_speaker_is_a_person_with_a_profile(site, server_url):
    [data] = json_ld(site, "speakers.md")
    speakers = yaml.safe_load((ROOT / "data" / "speakers.yml").read_text(encoding="utf-8"))
    people = data["mainEntity"]
    assert {p["@type"] for p in people} == {"Person"}
    for person, speaker in zip(people, speakers, strict=True):
        assert person["name"] == speaker["name"] and person["url"] == speaker["profile"]
        assert person["@id"] == f"{server_url}speakers/#{speaker['id']}"
        assert person["affiliation"]["name"] == speaker["organisation"]


def test_the_sitemap_lists_every_page(site, server_url):
    tree = ET.parse(site / "sitemap.xml")
    locations = {e.text for e in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert locations == {url_of(server_url, page) for page in PAGES}


def test_robots_txt_allows_everything_and_names_the_sitemap(site, server_url):
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert re.search(r"^User-agent: \*$", robots, re.M) and re.search(r"^Allow: /$", robots, re.M)
    assert f"Sitemap: {server_url}sitemap.xml" in robots.splitlines()


def test_the_404_page_is_not_indexed(site):
    html = HtmlPage(site / "404.html")
    assert html.meta(name="robots") == "noindex"
    assert not html.find("link", rel="canonical")


@pytest.mark.parametrize("page", PAGES)
def test_every_page_has_a_description_and_canonical_address(site, server_url, page):
    html = HtmlPage(built(site, page))
    assert len(html.meta(name="description") or "") >= 50
    assert [c.attrs["href"] for c in html.find("link", rel="canonical")] == [url_of(server_url, page)]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_has_link_preview_tags_and_its_own_image(site, server_url, page):
    html = HtmlPage(built(site, page))
    meta, _ = front_matter(ROOT / EN / page)
    assert html.meta(property="og:title").startswith(meta["title"]) or page == "index.md"
    assert html.meta(property="og:description") == meta["description"]
    assert html.meta(property="og:url") == url_of(server_url, page)
    assert html.meta(property="twitter:card") == "summary_large_image"
    image = html.meta(property="og:image")
    assert image == html.meta(property="twitter:image")
    assert image.startswith(server_url + "assets/images/social/")
    png = site / image.removeprefix(server_url)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # The size Open Graph and Twitter expect, as the tags say.
    width, height = struct.unpack(">II", png.read_bytes()[16:24])
    assert (width, height) == (1200, 630)
    assert (html.meta(property="og:image:width"), html.meta(property="og:image:height")) == ("1200", "630")


def test_each_page_gets_a_different_image(site):
    images = [HtmlPage(built(site, page)).meta(property="og:image") for page in PAGES]
    assert len(set(images)) == len(PAGES)
