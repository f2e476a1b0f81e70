"""Shared fixtures: the site built once per run, served on 127.0.0.1, and a
copy of the project for tests that feed it bad input."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


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
    handler = functools.partial(_QuietHandler, directory=str(site))
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
