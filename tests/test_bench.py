"""make bench measures, it is not a test; this only checks that its two builds
still build, so the benchmark does not break unnoticed between runs."""

from __future__ import annotations

import bench
from conftest import PAGES, built
from html_page import HtmlPage


def test_the_stock_material_build_builds_the_same_pages_with_theme_defaults(tmp_path):
    out = tmp_path / "stock"
    bench.build(bench.write_stock_config(tmp_path), out, "http://127.0.0.1:8000/")
    for page in PAGES:
        html = HtmlPage(built(out, page))
        assert len(html.find("h1")) == 1, page
    # Stock means Material's defaults: Roboto from Google Fonts, none of this site's CSS.
    links = [link.attrs["href"] for link in HtmlPage(built(out, "index.md")).find("link")]
    assert any(href.startswith("https://fonts.googleapis.com/") for href in links)
    assert "--oss-blue-700" not in built(out, "index.md").read_text(encoding="utf-8")


def test_the_pages_to_measure_are_the_pages_the_build_writes(site):
    measured = bench.pages()
    assert len(set(measured)) == len(PAGES)
    missing = [address for address in measured if not (site / address / "index.html").is_file()]
    assert missing == [], f"bench.pages() names addresses the build has no page for: {missing}"
