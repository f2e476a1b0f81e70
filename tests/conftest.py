"""Shared fixtures and helpers: the site built once per run and served on
127.0.0.1, a copy of the project for tests that feed it bad input, and the one
mapping from a page to its address."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml
from language_table import codes, rows
from mkdocs.config import load_config
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent



def _mkdocs_yml_default(key: str) -> str:
    """The default of a top-level `key: !ENV [NAME, default]` of mkdocs.yml, read
    without running its tags: the value a build without SITE_LANGUAGE uses."""
    tree = yaml.compose((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    node = next(value for name, value in tree.value if name.value == key)
    return node.value[-1].value


# The English pages' folder as mkdocs.yml names it ("docs/en"), the one place it is written.
EN = _mkdocs_yml_default("docs_dir")
# The rows of languages.yml, and their codes, English first.
LANGUAGES = rows()
CODES = codes()
# The English pages, as paths under that folder (not the language's own _*.md files).
PAGES = sorted(p.relative_to(ROOT / EN).as_posix() for p in (ROOT / EN).glob("**/*.md") if not p.name.startswith("_"))
# Debian's chromium here; CHROMIUM points elsewhere (say, Chrome on GitHub's runners).
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# As root, Chromium needs --no-sandbox; without the network flags it hangs on the
# closed network of the test machines, trying to reach Google's services.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PHONE = {"width": 375, "height": 740}


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run."""
    assert Path(CHROMIUM).exists(), (
        f"No Chromium at {CHROMIUM}. Run `make test`, which installs Debian's chromium, "
        "or set CHROMIUM to a Chromium binary.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    """A fresh browser profile per test, in the light scheme at desktop width."""
    context = browser.new_context(color_scheme="light")
    context.set_default_timeout(10_000)
    yield context
    context.close()


# Pages and their addresses (MkDocs' directory URLs): the one mapping the tests use.

def page_url(page: str) -> str:
    """A Markdown page's address relative to the site's root: "" for index.md,
    "speakers/" for speakers.md, "about/" for about/index.md."""
    stem = page.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def built(site: Path, page: str) -> Path:
    """The HTML file MkDocs writes for a Markdown page."""
    return site / page_url(page) / "index.html"


def signup_address() -> str:
    """The sign-up address: the [signup] link reference in includes/links.md."""
    links = (ROOT / "includes" / "links.md").read_text(encoding="utf-8")
    [url] = re.findall(r"^\[signup\]: (\S+)$", links, re.M)
    return url


def url_of(server_url: str, page: str) -> str:
    return server_url + page_url(page)


def line_with(path: Path, text: str) -> int:
    """The number (from 1) of the first line of path that holds text, as a check names it."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {path}")


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace text in a file, failing if the text is not there (so a test that
    breaks a file on purpose cannot pass because the file changed under it)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


# A copy of the project, and the project's two commands run in it.

# What a copy of the project needs to check and build the site. The social
# plugin's .cache/ stays behind: a copy's build then fills the font cache and
# draws every link-preview image, as on a fresh clone. Copying the cache was
# measured to save no time (the same CPU time per build, about 1.4 s, here).
PROJECT_PARTS = ["mkdocs.yml", "languages.yml", "overrides", "includes", "data", "schemas", "hooks", "scripts"]


def copy_project(copy: Path, languages: tuple[str, ...] = ("en",)) -> Path:
    """A copy of the project with only the languages given (English alone by
    default): its own languages.yml keeps their rows, docs/ their folders, so
    that breaking one page does not rebuild 24 languages."""
    copy.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, copy / part, symlinks=True)
        else:
            shutil.copy2(source, copy / part)
    for code in languages:
        shutil.copytree(ROOT / "docs" / code, copy / "docs" / code)
    rows = [row for row in LANGUAGES if row["code"] in languages]
    (copy / "languages.yml").write_text(yaml.safe_dump(rows, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return copy


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A throwaway copy of the project, English only, to break on purpose."""
    return copy_project(tmp_path / "project")


def build(root: Path, out: Path, site_url: str | None = None) -> subprocess.CompletedProcess:
    """scripts/build_site.py for the project at root, as `make build` runs it."""
    env = {**os.environ, "SITE_URL": site_url} if site_url else None
    return subprocess.run([sys.executable, str(root / "scripts" / "build_site.py"), str(out)],
                          cwd=root, capture_output=True, text=True, env=env)


def check(root: Path) -> subprocess.CompletedProcess:
    """scripts/check_content.py for the project at root, as `make check` runs it."""
    return subprocess.run([sys.executable, str(root / "scripts" / "check_content.py"), str(root)],
                          cwd=root, capture_output=True, text=True)


# The built site, served as GitHub Pages serves it.

class _PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site as GitHub Pages does: 404.html for an unknown address."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.is_file():
            return super().send_error(code, message, explain)
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="session")
def _pages_server(tmp_path_factory):
    """One server on a port the system picks (port 0), kept open from the start,
    so no other program can take its port between choosing it and using it. It
    serves a folder the site is then built into with the server's address."""
    folder = tmp_path_factory.mktemp("site")
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_PagesHandler, directory=str(folder)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/", folder
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def server_url(_pages_server) -> str:
    return _pages_server[0]


@pytest.fixture(scope="session")
def site(_pages_server) -> Path:
    """The whole site, built strictly once, with site_url set to the test server."""
    server_url, out = _pages_server
    result = build(ROOT, out, site_url=server_url)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def served(site, server_url) -> str:
    """The built site's address on the test server."""
    return server_url


@pytest.fixture(scope="session")
def config():
    """mkdocs.yml as MkDocs reads it (defaults filled in, the hook not yet run)."""
    return load_config(str(ROOT / "mkdocs.yml"))
