"""Shared fixtures: the site built once per run, served on 127.0.0.1, and a
copy of the project for tests that feed it bad input."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urljoin

import pytest
from mkdocs.config import load_config
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
# The English pages, as paths under docs/en/.
PAGES = sorted(p.relative_to(ROOT / "docs" / "en").as_posix() for p in (ROOT / "docs" / "en").glob("**/*.md"))
# Debian's chromium here; CHROMIUM points elsewhere (say, Playwright's own browser).
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
        f"No Chromium at {CHROMIUM}. Install Debian's chromium (apt-get install chromium) "
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




def built(site: Path, page: str) -> Path:
    """The HTML file MkDocs writes for a Markdown page (directory URLs)."""
    stem = page.removesuffix(".md")
    if stem == "index":
        return site / "index.html"
    return site / stem.removesuffix("/index") / "index.html"


def signup_address() -> str:
    """The sign-up address: the [signup] link reference in includes/links.md."""
    links = (ROOT / "includes" / "links.md").read_text(encoding="utf-8")
    [url] = re.findall(r"^\[signup\]: (\S+)$", links, re.M)
    return url


def url_of(server_url: str, page: str) -> str:
    return urljoin(server_url, built(Path("."), page).as_posix().removesuffix("index.html"))


# What a copy of the project needs to check and build the site.
PROJECT_PARTS = ["mkdocs.yml", "docs", "overrides", "includes", "data", "schemas", "hooks", "languages", "scripts"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build(root: Path, out: Path, site_url: str | None = None) -> subprocess.CompletedProcess:
    """scripts/build_site.py for the project at root, as `make build` runs it."""
    env = {**os.environ, "SITE_URL": site_url} if site_url else None
    return subprocess.run([sys.executable, str(root / "scripts" / "build_site.py"), str(out)],
                          cwd=root, capture_output=True, text=True, env=env)


def check(root: Path) -> subprocess.CompletedProcess:
    """scripts/check_content.py for the project at root, as `make check` runs it."""
    return subprocess.run([sys.executable, str(root / "scripts" / "check_content.py"), str(root)],
                          cwd=root, capture_output=True, text=True)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A throwaway copy of the project to break on purpose."""
    copy = tmp_path / "project"
    copy.mkdir()
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, copy / part)
        else:
            shutil.copy2(source, copy / part)
    return copy


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
def server_url() -> str:
    return f"http://127.0.0.1:{free_port()}/"


@pytest.fixture(scope="session")
def site(tmp_path_factory, server_url) -> Path:
    """The whole site, built strictly once, with site_url set to the test server."""
    out = tmp_path_factory.mktemp("site")
    result = build(ROOT, out, site_url=server_url)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def served(site, server_url) -> str:
    """The built site served on 127.0.0.1, as GitHub Pages would serve it."""
    port = int(server_url.rstrip("/").rsplit(":", 1)[1])
    handler = functools.partial(_PagesHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield server_url
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def config():
    """mkdocs.yml as MkDocs reads it (defaults filled in, the hook not yet run)."""
    return load_config(str(ROOT / "mkdocs.yml"))
