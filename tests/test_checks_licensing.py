"""Every file says who holds its copyright and under which licence it may be reused:
`reuse lint` against REUSE.toml (text CC BY 4.0, code MIT) and LICENSES/."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EN, ROOT

REUSE = Path(sys.executable).parent / "reuse"
WHAT_TO_DO = ("Add the file's path to the code (MIT) or the content (CC-BY-4.0) list in "
              "REUSE.toml; its comments say which is which.")


def reuse_lint(root: Path) -> subprocess.CompletedProcess:
    """`reuse lint`, one `file: problem` line each, with paths from the root."""
    return subprocess.run([str(REUSE), "--root", ".", "lint", "--lines"], cwd=root, capture_output=True, text=True)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A clean copy of what a clone would hold: the files git tracks, plus new ones
    not yet committed, but nothing that .gitignore leaves out (.venv/, node_modules/,
    site/), however much of it lies in the working tree."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, text=True, check=True).stdout.split("\0")
    copy = tmp_path / "repository"
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():  # a tracked file may be deleted in the working tree
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    return copy


def test_every_file_has_a_licence(repository):
    result = reuse_lint(repository)
    assert result.returncode == 0, f"{result.stdout}{result.stderr}\n{WHAT_TO_DO}"


def test_pages_are_cc_by_and_code_is_mit(repository):
    """What REUSE.toml says about a page, a snippet, a Markdown file anywhere, and code."""
    report = subprocess.run([str(REUSE), "--root", ".", "spdx"], cwd=repository,
                            capture_output=True, text=True, check=True).stdout
    licences = {}
    for block in report.split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
        if "FileName" in fields:
            licences[fields["FileName"].removeprefix("./")] = fields["LicenseInfoInFile"]
    for content in [f"{EN}/index.md", "includes/links.md", "data/speakers.yml", "README.md",
                    "docs/fr/index.md", "docs/fr/_language.yml", "docs/fr/_terms.yml"]:
        assert licences[content] == "CC-BY-4.0", content
    for code in ["mkdocs.yml", "languages.yml", "overrides/main.html", "hooks/languages.py", "scripts/build_site.py",
                 "tests/conftest.py", ".github/workflows/ci.yml", "Makefile"]:
        assert licences[code] == "MIT", code


def test_a_new_file_without_a_licence_is_named(repository):
    (repository / "tools").mkdir()
    (repository / "tools" / "publish.sh").write_text("#!/bin/sh\necho publish\n", encoding="utf-8")
    result = reuse_lint(repository)
    assert result.returncode == 1
    assert "tools/publish.sh: no license identifier" in result.stdout
    assert "tools/publish.sh: no copyright notice" in result.stdout
