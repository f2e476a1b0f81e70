"""What editors write: pages, front matter, data, and the check's messages for mistakes."""

from __future__ import annotations

import re
import shutil

from language_table import revision
from conftest import EN, ROOT, build, check, copy_project, line_with, replace_in, signup_address

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
    places = [ROOT / "mkdocs.yml", ROOT / "languages.yml", *ROOT.glob("docs/**/*.md"), *ROOT.glob("docs/*/_language.yml"), *ROOT.glob("overrides/**/*.html")]
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


def test_a_missing_translation_is_listed_and_does_not_fail(tmp_path):
    """An English page added later does not block a pull request: make check
    lists it per language, and the build shows the English page (test_languages.py)."""
    project = copy_project(tmp_path / "project", languages=("en", "fr"))
    shutil.copy(ROOT / "templates" / "page.md", project / EN / "open-data.md")
    replace_in(project / "mkdocs.yml", "  - speakers.md\n", "  - speakers.md\n  - open-data.md\n")
    result = check(project)
    assert result.returncode == 0, result.stderr
    assert f"fr: missing   docs/fr/open-data.md: translate {EN}/open-data.md" in result.stdout


def test_a_stale_translation_is_listed_with_what_changed(tmp_path):
    project = copy_project(tmp_path / "project", languages=("en", "fr"))
    old = revision(project / EN / "sign-up.md")
    replace_in(project / EN / "sign-up.md", "# ", "# New: ")
    result = check(project)
    assert result.returncode == 0, result.stderr
    now = revision(project / EN / "sign-up.md")
    assert f"fr: stale     docs/fr/sign-up.md: see `git diff {old} {now}`, update it, then set source: {now}" in result.stdout


def test_a_language_without_its_folder_and_a_folder_without_its_row_are_named(project):
    replace_in(project / "languages.yml", "- code: en", "- code: de\n  name: Deutsch\n- code: en")
    (project / "docs" / "xx").mkdir()
    result = check(project)
    assert result.returncode == 1
    assert "languages.yml:1: the language 'de' has no folder docs/de/" in result.stderr
    assert "languages.yml:1: docs/xx/ has no row here; add one (see CONTRIBUTING.md, Translating)" in result.stderr


def test_a_row_the_theme_or_babel_does_not_know_is_named(project):
    """A language the theme has no interface words for, or Babel no dates for,
    is named before the build fails on it; so is a row without its name."""
    with (project / "languages.yml").open("a", encoding="utf-8") as table:
        table.write("- code: xx\n  name: Xish\n- code: is\n")
    result = check(project)
    assert result.returncode == 1
    xx, icelandic = line_with(project / "languages.yml", "- code: xx"), line_with(project / "languages.yml", "- code: is")
    assert (f"languages.yml:{xx}: the theme has no interface words for 'xx'; add "
            "overrides/partials/languages/xx.html, as ga.html does for Irish") in result.stderr
    assert (f"languages.yml:{xx}: Babel knows no locale 'xx' for dates and numbers; "
            "give the row a 'locale:' that Babel knows, such as pt_PT") in result.stderr
    assert (f"languages.yml:{icelandic}: this row needs name: "
            "- {code: xx, name: the language's name in that language}") in result.stderr


def test_a_translated_page_that_does_not_record_its_english_revision_is_named(tmp_path):
    project = copy_project(tmp_path / "project", languages=("en", "fr"))
    page = project / "docs" / "fr" / "speakers.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"translation:\n  source: \w+\n  date: [\d-]+\n", "", text), encoding="utf-8")
    result = check(project)
    assert result.returncode == 1
    assert ("docs/fr/speakers.md:2: add 'translation:' with 'source:' (the first 12 characters of "
            f"`git hash-object {EN}/speakers.md`) and 'date:', the day it was translated") in result.stderr


def test_a_translated_page_without_an_english_original_is_named(tmp_path):
    project = copy_project(tmp_path / "project", languages=("en", "fr"))
    shutil.copy(project / "docs" / "fr" / "sign-up.md", project / "docs" / "fr" / "inscription.md")
    result = check(project)
    assert result.returncode == 1
    assert f"docs/fr/inscription.md:1: this page has no English original {EN}/inscription.md" in result.stderr


def test_the_copy_me_template_passes_the_check_and_builds(project, tmp_path):
    """templates/page.md, copied as CONTRIBUTING.md says, is a valid page."""
    shutil.copy(ROOT / "templates" / "page.md", project / EN / "open-data.md")
    replace_in(project / "mkdocs.yml", "  - speakers.md\n", "  - speakers.md\n  - open-data.md\n")
    assert check(project).returncode == 0, check(project).stderr
    result = build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "open-data" / "index.html").is_file()
