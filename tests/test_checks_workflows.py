"""The GitHub workflows are safe to run on anyone's pull request: zizmor's security
audit (.github/zizmor.yml), offline, and this project's own rules, checked here in
plain Python. actionlint runs on GitHub only (the `actionlint` job in ci.yml)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from test_content import replace_in

ZIZMOR = Path(sys.executable).parent / "zizmor"
# `owner/repo[/path]@<commit> # v1.2.3`: a commit cannot be moved to other code as a
# tag can, and the comment says which release it is (Dependabot updates both).
PINNED = re.compile(r"""uses:\s*["']?[\w.-]+/[\w./-]+@[0-9a-f]{40}["']?\s+#\s*v\d""")


def mapping(node: yaml.Node | None) -> dict[str, yaml.Node]:
    """A YAML mapping node's values by key, or {} for anything else."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: value for key, value in node.value}


def sequence(node: yaml.Node | None) -> list[yaml.Node]:
    return node.value if isinstance(node, yaml.SequenceNode) else []


def read_only(permissions: yaml.Node) -> bool:
    """`{}`, `read-all`, or a mapping of scopes to `read` or `none`."""
    if isinstance(permissions, yaml.ScalarNode):
        return permissions.value == "read-all"
    return isinstance(permissions, yaml.MappingNode) and all(
        isinstance(level, yaml.ScalarNode) and level.value in ("read", "none")
        for level in mapping(permissions).values())


def workflow_problems(path: Path, root: Path) -> list[str]:
    """This project's rules for one workflow, as `file:line: problem; what to do`.
    It reads YAML nodes rather than values, to know each one's line (and because
    plain YAML reads the key `on` as true)."""
    name = path.relative_to(root).as_posix()
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    workflow = mapping(yaml.compose(text))
    problems = []

    def problem(node: yaml.Node, message: str) -> None:
        problems.append(f"{name}:{node.start_mark.line + 1}: {message}")

    # Least privilege: nothing, or only reading, unless a job asks for more.
    permissions = workflow.get("permissions")
    if permissions is None:
        problems.append(f"{name}:1: no top-level `permissions:`; add `permissions: {{}}` "
                        "and give each job only the permissions it needs")
    elif not read_only(permissions):
        problem(permissions, "top-level `permissions:` must be `{}` or read-only; "
                             "move any `write` to the job that needs it")

    # pull_request_target runs with the base repository's secrets on a fork's code.
    triggers = workflow.get("on")
    events = ([triggers] if isinstance(triggers, yaml.ScalarNode) else sequence(triggers)
              + [key for key, _ in (triggers.value if isinstance(triggers, yaml.MappingNode) else [])])
    for event in events:
        if event.value == "pull_request_target":
            problem(event, "`pull_request_target` gives a fork's code this repository's "
                           "secrets and write token; use `pull_request`")

    for job in mapping(workflow.get("jobs")).values():
        job_uses = mapping(job).get("uses")  # a reusable workflow
        steps = [mapping(step) for step in sequence(mapping(job).get("steps"))]
        for uses in [job_uses] + [step.get("uses") for step in steps]:
            if uses is None or uses.value.startswith(("./", "docker://")):
                continue
            if not PINNED.search(lines[uses.start_mark.line]):
                problem(uses, f"`{uses.value}` is not pinned to a commit; write "
                              "`owner/action@<the release's 40-character commit SHA> # vX.Y.Z`")
        for step in steps:
            uses = step.get("uses")
            if uses is not None and uses.value.startswith("actions/checkout@"):
                persist = mapping(step.get("with")).get("persist-credentials")
                if persist is None or persist.value != "false":
                    problem(uses, "actions/checkout leaves the job's token in .git/config; "
                                  "add `with: persist-credentials: false`")
    return problems


def workflows(root: Path) -> list[Path]:
    return sorted((root / ".github" / "workflows").glob("*.y*ml"))


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


def test_there_are_workflows_to_check():
    assert {p.name for p in workflows(ROOT)} >= {"ci.yml", "deploy.yml"}


def test_the_workflows_follow_the_projects_rules():
    problems = [p for path in workflows(ROOT) for p in workflow_problems(path, ROOT)]
    assert problems == [], "\n".join(problems)


def test_zizmor_finds_nothing_in_the_workflows():
    result = zizmor(ROOT / ".github")
    assert result.returncode == 0, (
        f"{result.stdout}{result.stderr}\nzizmor names each finding's file and line (-->) and "
        "links to an explanation of the risk and its fix.")
    assert "No findings to report" in result.stdout


# Bad input: a copy of a workflow with one mistake each.

CHECKOUT = "uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2"


def line_of(path: Path, text: str) -> int:
    return path.read_text(encoding="utf-8").split(text)[0].count("\n") + 1


def test_an_action_pinned_to_a_tag_is_named_with_its_line(github):
    ci = github / "workflows" / "ci.yml"
    line = line_of(ci, CHECKOUT)
    replace_in(ci, CHECKOUT, "uses: actions/checkout@v4")
    assert workflow_problems(ci, github.parent) == [
        f".github/workflows/ci.yml:{line}: `actions/checkout@v4` is not pinned to a commit; write "
        "`owner/action@<the release's 40-character commit SHA> # vX.Y.Z`"]
    result = zizmor(github)
    assert result.returncode != 0
    assert f"ci.yml:{line}:" in result.stdout and "unpinned-uses" in result.stdout


def test_a_pin_without_its_version_comment_is_named(github):
    ci = github / "workflows" / "ci.yml"
    replace_in(ci, CHECKOUT, CHECKOUT.split(" #")[0])
    assert f".github/workflows/ci.yml:{line_of(ci, 'actions/checkout@')}:" in workflow_problems(ci, github.parent)[0]


def test_a_checkout_that_keeps_its_token_is_named(github):
    ci = github / "workflows" / "ci.yml"
    replace_in(ci, "        with:\n          persist-credentials: false\n", "")
    line = line_of(ci, "actions/checkout@")
    message = (f".github/workflows/ci.yml:{line}: actions/checkout leaves the job's token in .git/config; "
               "add `with: persist-credentials: false`")
    assert workflow_problems(ci, github.parent) == [message]
    result = zizmor(github)
    assert result.returncode != 0
    assert f"ci.yml:{line}:" in result.stdout and "artipacked" in result.stdout


def test_a_checkout_that_keeps_its_token_on_purpose_is_named_too(github):
    """zizmor accepts an explicit `true`, even with --pedantic; this project does not."""
    ci = github / "workflows" / "ci.yml"
    replace_in(ci, "persist-credentials: false", "persist-credentials: true")
    assert workflow_problems(ci, github.parent) == [
        f".github/workflows/ci.yml:{line_of(ci, 'actions/checkout@')}: actions/checkout leaves the job's "
        "token in .git/config; add `with: persist-credentials: false`"]


def test_write_permissions_for_the_whole_workflow_are_named(github):
    ci = github / "workflows" / "ci.yml"
    replace_in(ci, "permissions: {}", "permissions:\n  contents: write")
    assert workflow_problems(ci, github.parent) == [
        f".github/workflows/ci.yml:{line_of(ci, '  contents: write')}: top-level `permissions:` must be "
        "`{}` or read-only; move any `write` to the job that needs it"]


def test_a_missing_top_level_permissions_block_is_named(github):
    ci = github / "workflows" / "ci.yml"
    replace_in(ci, "permissions: {}\n", "")
    assert any(p.startswith(".github/workflows/ci.yml:1: no top-level `permissions:`")
               for p in workflow_problems(ci, github.parent))


def test_pull_request_target_is_named(github):
    ci = github / "workflows" / "ci.yml"
    replace_in(ci, "  pull_request:\n", "  pull_request_target:\n")
    problems = workflow_problems(ci, github.parent)
    assert problems == [f".github/workflows/ci.yml:{line_of(ci, 'pull_request_target')}: `pull_request_target` "
                        "gives a fork's code this repository's secrets and write token; use `pull_request`"]
    result = zizmor(github)
    assert result.returncode != 0 and "dangerous-triggers" in result.stdout
