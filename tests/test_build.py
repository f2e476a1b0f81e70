"""The build: strict, every language, and a failure that names the page at fault."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from conftest import EN, PAGES, build, built, copy_project, replace_in


def test_the_site_builds_strictly_with_every_page(site):
    for page in PAGES:
        assert built(site, page).is_file(), page
    assert (site / "404.html").is_file()


@pytest.fixture(scope="module")
def broken(tmp_path_factory) -> subprocess.CompletedProcess:
    """One build of a project copy with three mistakes an editor can make. A
    strict build reports every warning before it stops, so one build shows that
    each is caught, and named."""
    project = copy_project(tmp_path_factory.mktemp("broken") / "project")
    replace_in(project / EN / "webinar.md", "(speakers.md)", "(speakrs.md)")
    replace_in(project / EN / "sign-up.md", "article.md#rules", "article.md#rulez")
    shutil.copy(project / EN / "webinar.md", project / EN / "webinar-copy.md")
    return build(project, project / "out")


def test_a_broken_build_fails(broken):
    assert broken.returncode == 1


def test_a_page_missing_from_the_navigation_fails_the_build_and_is_named(broken):
    """mkdocs.yml's `validation: omitted_files: warn`, with strict, makes this an error."""
    assert "not included in the \"nav\" configuration:\n    - " + f"{EN}/webinar-copy.md\n" in broken.stderr


def test_a_broken_internal_link_fails_the_build_and_names_the_page(broken):
    assert f"{EN}/webinar.md' contains a link 'speakrs.md'" in broken.stderr


def test_a_broken_anchor_fails_the_build_and_names_the_page(broken):
    """mkdocs.yml's `validation: anchors: warn`: MkDocs alone would only log it."""
    assert f"{EN}/sign-up.md' contains a link 'article.md#rulez'" in broken.stderr


def test_a_missing_shared_link_snippet_fails_the_build(project, tmp_path):
    (project / "includes" / "links.md").unlink()
    result = build(project, tmp_path / "out")
    assert result.returncode == 1
    assert "links.md" in result.stderr
