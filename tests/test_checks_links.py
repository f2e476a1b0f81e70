"""Every link and anchor inside the BUILT site leads somewhere: lychee (lychee.toml)
over the HTML that MkDocs wrote, offline. MkDocs' own validation checks the links
written in Markdown; this also covers the templates, the navigation, the table of
contents, the language selector and the canonical and hreflang addresses."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import EN, PAGES, ROOT, page_url, replace_in

LYCHEE = Path(sys.executable).parent / "lychee"


def lychee(site: Path, site_url: str) -> subprocess.CompletedProcess:
    """lychee with the repository's lychee.toml over a built site. Links that start
    with "/" resolve in the site's folder, and so do links to the site's own address."""
    return subprocess.run(
        [str(LYCHEE), "--config", str(ROOT / "lychee.toml"), "--root-dir", str(site),
         "--remap", f"^{re.escape(site_url)}(.*)$ file://{site}/$1", str(site)],
        cwd=site.parent, capture_output=True, text=True)


def explained(result: subprocess.CompletedProcess, site: Path) -> str:
    """lychee's report, with each built page also named by the file it comes from."""
    # Addresses as the site's own ("/speakers/"), pages as paths in the build.
    report = (result.stdout + result.stderr).replace(f"file://{site}/", "/").replace(f"{site}/", "")

    sources = {f"{page_url(page)}index.html": f"{EN}/{page}" for page in PAGES}

    def source(match: re.Match) -> str:
        page = match.group(1)
        if page in sources:
            return f"[{page}] (built from {sources[page]} and the templates in overrides/):"
        return f"[{page}] (built from the templates in overrides/):"

    return re.sub(r"^\[(\S+\.html)\]:", source, report, flags=re.M) + (
        "\nEach [ERROR] gives the broken address and its line:column in the built page. Fix the "
        "link in the page's Markdown (or the template); for 'Cannot find fragment', the part after "
        "'#' must be the { #id } of a heading on the page it points to.")


def test_every_internal_link_and_anchor_in_the_built_site_works(site, server_url):
    result = lychee(site, server_url)
    assert result.returncode == 0, explained(result, site)
    # It did look: the summary counts hundreds of links in the pages.
    checked = int(re.search(r"(\d+) OK", result.stdout).group(1))
    assert checked > 100, result.stdout


def test_a_broken_link_in_a_built_page_is_named(site, server_url, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    # Every page's navigation links to the speakers page.
    replace_in(copy / "webinar" / "index.html", 'href="../speakers/"', 'href="../speakrs/"')
    result = lychee(copy, server_url)
    assert result.returncode == 2
    report = explained(result, copy)
    assert f"[webinar/index.html] (built from {EN}/webinar.md" in report
    assert re.search(r"\[ERROR\] /speakrs/? \(at \d+:\d+\) \| File not found", report), report


def test_a_link_to_a_missing_anchor_in_a_built_page_is_named(site, server_url, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    replace_in(copy / "index.html", 'href="speakers/"', 'href="speakers/#no-such-heading"')
    result = lychee(copy, server_url)
    assert result.returncode == 2
    report = explained(result, copy)
    assert f"[index.html] (built from {EN}/index.md" in report
    assert re.search(r"\[ERROR\] /speakers/?#no-such-heading \(at \d+:\d+\) \| Cannot find fragment", report), report
