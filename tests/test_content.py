"""What editors write: pages, front matter, data, and the check's messages for mistakes."""

from __future__ import annotations

import re
import shutil

import yaml
from conftest import EN, ROOT, build, check, replace_in, signup_address

# The pages every language must have (issue: "The site: every page in English").
# That each is in the navigation is MkDocs' strict nav validation (test_build.py).
REQUIRED_PAGES = [
    "index.md", "article.md", "openeurollm.md", "webinar.md", "speakers.md",
    "sign-up.md", "about/index.md", "about/privacy.md", "about/accessibility.md",
]


def test_the_content_check_passes_on_the_project():
    result = check(ROOT)
    assert result.returncode == 0, result.stderr


def test_every_required_page_exists():
    for page in REQUIRED_PAGES:
        assert (ROOT / EN / page).is_file(), f"{EN}/{page} is missing"


def test_the_sign_up_address_is_written_once():
    """includes/links.md holds it; no page, template or setting writes it again
    (pages use [words][signup]). data/article.yml names the same site as the
    original's publisher, a different fact that may stay when the sign-up moves."""
    url = signup_address()
    assert url.startswith("https://")
    places = [ROOT / "mkdocs.yml", *ROOT.glob("languages/*.yml"), *ROOT.glob("docs/**/*.md"), *ROOT.glob("overrides/**/*.html")]
    written = re.compile(re.escape(url) + r"(?![\w/.-])")  # the address itself, not a page under it
    assert [p.relative_to(ROOT).as_posix() for p in places if written.search(p.read_text(encoding="utf-8"))] == []
    assert "[signup]" in (ROOT / EN / "sign-up.md").read_text(encoding="utf-8")


# Bad input: each mistake an editor can make fails the check and names the file.

def test_a_page_without_a_title_is_named(project):
    page = project / EN / "webinar.md"
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    page.write_text("".join(line for line in lines if not line.startswith("title:")), encoding="utf-8")
    result = check(project)
    assert result.returncode == 1
    assert f"{EN}/webinar.md:2: front matter 'title' is a required property; add it" in result.stderr


def test_an_unknown_front_matter_key_is_named(project):
    replace_in(project / EN / "article.md", "title:", "titel: typo\ntitle:")
    result = check(project)
    assert result.returncode == 1
    # The mapping's first line: the unknown key sits there.
    assert f"{EN}/article.md:2: front matter Additional properties are not allowed ('titel' was unexpected)" in result.stderr


def test_a_description_too_long_is_named(project):
    replace_in(project / EN / "speakers.md", "description: ", "description: " + "very " * 40)
    result = check(project)
    assert result.returncode == 1
    # The line of the description itself (title, structured_data, description).
    assert f"{EN}/speakers.md:4: front matter 'description': is" in result.stderr
    assert "it must be at most 160" in result.stderr


def test_front_matter_that_is_not_yaml_is_named_with_its_line(project):
    replace_in(project / EN / "openeurollm.md", "description: ", 'description: "unclosed ')
    result = check(project)
    assert result.returncode == 1
    assert f"{EN}/openeurollm.md:" in result.stderr and "not valid YAML" in result.stderr


def test_a_page_without_front_matter_is_named(project):
    page = project / EN / "about" / "privacy.md"
    page.write_text("# Privacy\n", encoding="utf-8")
    result = check(project)
    assert result.returncode == 1
    assert f"{EN}/about/privacy.md:1: the page has no front matter" in result.stderr


def test_a_malformed_speaker_entry_is_named(project):
    data = project / "data" / "speakers.yml"
    replace_in(data, "profile: https://www.linaker.se/", "profile: www.linaker.se")
    replace_in(data, "  organisation_based_in: BE\n", "", )
    result = check(project)
    assert result.returncode == 1
    lines = (project / "data" / "speakers.yml").read_text(encoding="utf-8").splitlines()
    profile_line = lines.index("  profile: www.linaker.se") + 1
    muto_line = lines.index("- id: sachiko-muto") + 1
    assert (f"data/speakers.yml:{profile_line}: speaker 1 (Johan Linåker): 'profile': 'www.linaker.se' "
            "must be a full web address starting with https://") in result.stderr
    assert (f"data/speakers.yml:{muto_line}: speaker 2 (Sachiko Muto): needs exactly one of person_based_in "
            "(where the person is based) or organisation_based_in") in result.stderr


def test_speaker_data_that_is_not_yaml_is_named(project):
    (project / "data" / "speakers.yml").write_text("- id: x\n  name: [unclosed\n", encoding="utf-8")
    result = check(project)
    assert result.returncode == 1
    assert "data/speakers.yml:" in result.stderr and "not valid YAML" in result.stderr


def test_a_speakers_page_that_lost_a_profile_link_is_named(project):
    replace_in(project / EN / "speakers.md", "](https://www.linaker.se/)", "](https://example.org/)", count=-1)
    result = check(project)
    assert result.returncode == 1
    assert f"{EN}/speakers.md:1: Johan Linåker: the profile link" in result.stderr


def test_a_missing_translation_is_named(project):
    (project / "languages" / "fr.yml").write_text(
        "INHERIT: ../mkdocs.yml\ndocs_dir: ../docs/fr\nsite_dir: ../site/fr\n"
        "theme:\n  language: fr\n  custom_dir: ../overrides\n",
        encoding="utf-8")
    (project / "docs" / "fr").mkdir()
    (project / "docs" / "fr" / "index.md").write_text((project / EN / "index.md").read_text(encoding="utf-8"), encoding="utf-8")
    result = check(project)
    assert result.returncode == 1
    assert f"docs/fr/article.md:1: this translation is missing; translate {EN}/article.md" in result.stderr


def test_a_language_file_with_wrong_folders_is_named(project):
    (project / "languages" / "de.yml").write_text(
        "INHERIT: ../mkdocs.yml\ndocs_dir: docs/de\ntheme:\n  language: de\n", encoding="utf-8")
    result = check(project)
    assert result.returncode == 1
    assert "languages/de.yml:1: 'docs_dir' must be '../docs/de'" in result.stderr
    assert "languages/de.yml:1: there is no folder docs/de/" in result.stderr


def test_a_language_file_that_lists_the_hooks_again_is_named(project):
    """mkdocs.yml is the one list of hooks; a copy in a language file would drift."""
    (project / "languages" / "de.yml").write_text(
        "INHERIT: ../mkdocs.yml\ndocs_dir: ../docs/de\nsite_dir: ../site/de\n"
        "theme:\n  language: de\n  custom_dir: ../overrides\nhooks:\n  - ../hooks/data.py\n", encoding="utf-8")
    shutil.copytree(project / EN, project / "docs" / "de")
    result = check(project)
    assert result.returncode == 1
    assert result.stderr.startswith("languages/de.yml:1: remove 'hooks': every language runs mkdocs.yml's hooks\n")


def test_the_copy_me_template_passes_the_check_and_builds(project, tmp_path):
    """templates/page.md, copied as CONTRIBUTING.md says, is a valid page."""
    shutil.copy(ROOT / "templates" / "page.md", project / EN / "open-data.md")
    replace_in(project / "mkdocs.yml", "  - Speakers: speakers.md\n", "  - Speakers: speakers.md\n  - Open data: open-data.md\n")
    assert check(project).returncode == 0, check(project).stderr
    result = build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "open-data" / "index.html").is_file()
