"""The GitHub workflows are safe to run on anyone's pull request: zizmor's security
audit with this project's settings (.github/zizmor.yml), offline, plus the two
rules zizmor does not have. actionlint runs on GitHub only (the `actionlint` job
in ci.yml)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, replace_in

ZIZMOR = Path(sys.executable).parent / "zizmor"
# An action pinned to a commit: `uses: owner/repo[/path]@<40 hex digits>`.
PINNED = re.compile(r"uses:\s*[\w.-]+/[\w./-]+@[0-9a-f]{40}")
# ...followed by the release it is, which Dependabot updates with the commit.
VERSION_COMMENT = re.compile(r"\s+#\s*v\d")


def workflows(root: Path) -> list[Path]:
    return sorted((root / ".github" / "workflows").glob("*.y*ml"))


def project_rules(root: Path) -> list[str]:
    """`file:line: problem` for the rules zizmor does not check: a pin says which
    release it is, and no checkout keeps its token, not even on purpose (zizmor
    accepts an explicit `persist-credentials: true`, even with --pedantic)."""
    problems = []
    for path in workflows(root):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            where = f"{path.relative_to(root).as_posix()}:{number}"
            pin = PINNED.search(line)
            if pin and not VERSION_COMMENT.match(line[pin.end():]):
                problems.append(f"{where}: say which release the commit is: `{pin.group()} # vX.Y.Z`")
            if re.search(r"persist-credentials:\s*true", line):
                problems.append(f"{where}: the checkout keeps the job's token in .git/config; "
                                "write `persist-credentials: false`")
    return problems


def zizmor(github: Path) -> subprocess.CompletedProcess:
    """zizmor over a .github folder (workflows, dependabot.yml), without the network.
    It finds .github/zizmor.yml by itself."""
    return subprocess.run([str(ZIZMOR), "--offline", "--pedantic", "--no-progress", "--color=never", str(github)],
                          cwd=github.parent, capture_output=True, text=True)


@pytest.fixture
def github(tmp_path: Path) -> Path:
    """A copy of .github/ to break on purpose."""
    shutil.copytree(ROOT / ".github", tmp_path / ".github")
    return tmp_path / ".github"


def line_of(path: Path, pattern: str) -> tuple[int, str]:
    """The first line that matches pattern: its number and its text."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if re.search(pattern, line):
            return number, line
    raise AssertionError(f"no line of {path} matches {pattern}")


def test_zizmor_finds_nothing_in_the_workflows():
    result = zizmor(ROOT / ".github")
    assert result.returncode == 0, (
        f"{result.stdout}{result.stderr}\nzizmor names each finding's file and line (-->) and "
        "links to an explanation of the risk and its fix.")
    assert "No findings to report" in result.stdout


def test_the_workflows_follow_the_projects_own_rules():
    assert workflows(ROOT), "no workflows found in .github/workflows"
    problems = project_rules(ROOT)
    assert problems == [], "\n".join(problems)


# Bad input: a copy of ci.yml with one mistake each, caught by zizmor with this
# project's settings, or by the rules above.

def test_an_action_pinned_to_a_tag_is_named_with_its_line(github):
    """zizmor lets GitHub's own actions use tags by default; .github/zizmor.yml does not."""
    ci = github / "workflows" / "ci.yml"
    line, text = line_of(ci, r"uses: actions/checkout@")
    replace_in(ci, text, text.split("uses:")[0] + "uses: actions/checkout@v4")
    result = zizmor(github)
    assert result.returncode != 0
    assert f"ci.yml:{line}:" in result.stdout and "unpinned-uses" in result.stdout


def test_a_pin_without_its_version_comment_is_named(github):
    ci = github / "workflows" / "ci.yml"
    line, text = line_of(ci, r"uses: actions/checkout@")
    replace_in(ci, text, text.split(" #")[0])
    assert project_rules(github.parent) == [
        f".github/workflows/ci.yml:{line}: say which release the commit is: `{PINNED.search(text).group()} # vX.Y.Z`"]


def test_a_checkout_that_keeps_its_token_is_named(github):
    ci = github / "workflows" / "ci.yml"
    line, _ = line_of(ci, r"uses: actions/checkout@")
    replace_in(ci, "        with:\n          persist-credentials: false\n", "")
    result = zizmor(github)
    assert result.returncode != 0
    assert f"ci.yml:{line}:" in result.stdout and "artipacked" in result.stdout


def test_a_checkout_that_keeps_its_token_on_purpose_is_named_too(github):
    ci = github / "workflows" / "ci.yml"
    replace_in(ci, "persist-credentials: false", "persist-credentials: true")
    line, _ = line_of(ci, r"persist-credentials: true")
    assert project_rules(github.parent) == [
        f".github/workflows/ci.yml:{line}: the checkout keeps the job's token in .git/config; "
        "write `persist-credentials: false`"]


def test_write_permissions_for_the_whole_workflow_are_named(github):
    ci = github / "workflows" / "ci.yml"
    replace_in(ci, "permissions: {}", "permissions:\n  contents: write")
    line, _ = line_of(ci, r"^  contents: write")
    result = zizmor(github)
    assert result.returncode != 0
    assert f"ci.yml:{line}:" in result.stdout and "excessive-permissions" in result.stdout


def test_a_missing_top_level_permissions_block_is_named(github):
    ci = github / "workflows" / "ci.yml"
    replace_in(ci, "permissions: {}\n", "")
    result = zizmor(github)
    assert result.returncode != 0 and "excessive-permissions" in result.stdout


def test_pull_request_target_is_named(github):
    ci = github / "workflows" / "ci.yml"
    replace_in(ci, "  pull_request:\n", "  pull_request_target:\n")
    result = zizmor(github)
    assert result.returncode != 0 and "dangerous-triggers" in result.stdout
