"""Checks on what editors write, before the build: spelling (codespell, .codespellrc)
and Markdown style (PyMarkdown, .pymarkdown.yml). Each tool prints `file:line`
for every problem; the tests add what to do about it."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import EN, ROOT, replace_in

# The virtual environment's own copies of the tools (requirements-dev.txt).
BIN = Path(sys.executable).parent
# Spelling: English pages only; codespell would "correct" other languages.
SPELLED = [EN]
# Markdown lint: every page in every language, the shared snippets, the templates
# for editors and the Markdown that GitHub shows. Paths that do not exist are left out.
LINTED = ["docs", "includes", "templates", "README.md", "CONTRIBUTING.md",
          ".github/PULL_REQUEST_TEMPLATE.md"]


def codespell(root: Path, *paths: str) -> subprocess.CompletedProcess:
    """codespell as an editor runs it, from the repository root (it reads .codespellrc there)."""
    return subprocess.run([str(BIN / "codespell"), *paths], cwd=root, capture_output=True, text=True)


def pymarkdown(root: Path) -> subprocess.CompletedProcess:
    """PyMarkdown over LINTED, from the root (it reads .pymarkdown.yml there), with paths
    printed from the root rather than as absolute paths."""
    paths = [p for p in LINTED if (root / p).exists()]
    result = subprocess.run([str(BIN / "pymarkdown"), "scan", "--recurse", *paths],
                            cwd=root, capture_output=True, text=True)
    result.stdout = result.stdout.replace(f"{root}/", "")
    return result


def with_tool_settings(project: Path) -> Path:
    """The project copy from conftest, plus the settings files these tools read."""
    for name in [".codespellrc", ".codespell-ignore.txt", ".pymarkdown.yml"]:
        shutil.copy2(ROOT / name, project / name)
    return project


# Spelling

def test_the_english_pages_are_spelled_right():
    result = codespell(ROOT, *SPELLED)
    assert result.returncode == 0, (
        f"codespell found misspellings (file:line: word ==> suggestion):\n{result.stdout}{result.stderr}\n"
        "Fix the word on that line. If it is right (a name or a term), add it, in lower case, "
        "to .codespell-ignore.txt.")


def test_every_allowed_word_is_one_codespell_would_flag(tmp_path):
    """The allow-list holds only words that need it: each must be flagged without it."""
    listed = [line.strip() for line in (ROOT / ".codespell-ignore.txt").read_text(encoding="utf-8").splitlines()
              if line.strip() and not line.startswith("#")]
    settings = configparser.ConfigParser()
    settings.read(ROOT / ".codespellrc", encoding="utf-8")
    # Run outside the repository, so that .codespellrc and its allow-list are not read.
    result = subprocess.run([str(BIN / "codespell"), "--builtin", settings["codespell"]["builtin"],
                             *(str(ROOT / p) for p in SPELLED)], cwd=tmp_path, capture_output=True, text=True)
    flagged = {m.group(1).lower() for m in re.finditer(r": (\S+) ==> ", result.stdout)}
    assert [w for w in listed if not re.fullmatch(r"[\w'-]+", w)] == [], (
        ".codespell-ignore.txt: one word a line; put the reason on a '#' line above it")
    unneeded = [word for word in listed if word.lower() not in flagged]
    assert unneeded == [], f".codespell-ignore.txt: {unneeded} no longer appear on the pages; remove them"


def test_a_misspelt_word_is_named_with_its_file_and_line(project):
    with_tool_settings(project)
    page = project / EN / "typo.md"
    page.write_text("---\ntitle: Typo\ndescription: A page with a typo.\n---\n\n# Typo\n\nWe recieve mail.\n",
                    encoding="utf-8")
    result = codespell(project, *SPELLED)
    assert result.returncode != 0
    assert f"{EN}/typo.md:8: recieve ==> receive" in result.stdout


def test_british_spelling_and_names_are_not_flagged(project):
    with_tool_settings(project)
    (project / EN / "words.md").write_text(
        "The organisation's licence and programme, by Johan Linåker and Jan Hajič.\n", encoding="utf-8")
    result = codespell(project, *SPELLED)
    assert result.returncode == 0, result.stdout


# Markdown lint

def test_the_markdown_files_pass_the_linter():
    result = pymarkdown(ROOT)
    assert result.returncode == 0, (
        f"PyMarkdown found problems (file:line:column: rule: what is wrong):\n{result.stdout}{result.stderr}\n"
        "Change the line as the rule says; https://pymarkdown.readthedocs.io/en/latest/rules/ "
        "explains each rule with examples. .pymarkdown.yml says which rules are off and why.")


def test_a_heading_without_a_blank_line_is_named_with_its_file_and_line(project):
    with_tool_settings(project)
    page = project / EN / "webinar.md"
    text = page.read_text(encoding="utf-8")
    line = text[:text.index("\n\n## ")].count("\n") + 2  # the first "## " heading, once moved up
    replace_in(page, "\n\n## ", "\n## ")
    result = pymarkdown(project)
    assert result.returncode == 1
    assert f"{EN}/webinar.md:{line}:1: MD022: Headings should be surrounded by blank lines." in result.stdout


def test_trailing_spaces_are_named_with_their_file_and_line(project):
    with_tool_settings(project)
    page = project / "includes" / "links.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[spaces]: https://example.org/   \n", encoding="utf-8")
    line = page.read_text(encoding="utf-8").count("\n")
    result = pymarkdown(project)
    assert result.returncode == 1
    assert f"includes/links.md:{line}:" in result.stdout and "MD009" in result.stdout
