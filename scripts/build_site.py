"""Build the whole site, every language, strictly, into one folder.

English (mkdocs.yml) goes to the folder's root and every languages/<code>.yml to
<folder>/<code>/. English is built first because MkDocs empties its output
folder; the other languages then build two at a time (the machines have 2 cores).

    python scripts/build_site.py [OUT]      # OUT defaults to site/
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def mkdocs_build(config: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict",
         "--config-file", str(config), "--site-dir", str(out)],
        cwd=ROOT, capture_output=True, text=True,
        # Material's end-of-life notice would bury the messages that matter.
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def docs_folder(config: Path) -> str:
    """The config's docs_dir from the repository root ("docs/en"), read without
    running its tags (!ENV, !!python)."""
    tree = yaml.compose(config.read_text(encoding="utf-8"))
    docs_dir = next(value.value for key, value in tree.value if key.value == "docs_dir")
    return (config.parent / docs_dir).resolve().relative_to(ROOT).as_posix()


def problems(config: Path, output: str) -> list[str]:
    """MkDocs' warnings and errors, and the "  - page.md" lines that list pages
    under one, with page names given from the repository root."""
    docs = docs_folder(config)
    found, listing = [], False
    for line in output.splitlines():
        if line.startswith(("WARNING", "ERROR")):
            found.append(re.sub(r"'([^']+\.md)'", rf"'{docs}/\1'", line, count=1))
            listing = line.endswith(":")
        elif listing and line.startswith("  - "):
            found.append(f"  - {docs}/{line.removeprefix('  - ')}")
        else:
            listing = False
    return found or [output]


def main(out: Path) -> int:
    started = time.perf_counter()
    out = out.resolve()
    builds = [(ROOT / "mkdocs.yml", out)]
    builds += [(config, out / config.stem) for config in sorted((ROOT / "languages").glob("*.yml"))]

    first = mkdocs_build(*builds[0])
    results = [(builds[0][0], first)]
    if first.returncode == 0:
        with ThreadPoolExecutor(max_workers=2) as pool:
            results += zip((c for c, _ in builds[1:]), pool.map(lambda b: mkdocs_build(*b), builds[1:]))

    failed = [(config, result) for config, result in results if result.returncode]
    for config, result in failed:
        name = config.relative_to(ROOT)
        print(f"The build of {name} failed:", file=sys.stderr)
        for line in problems(config, result.stderr + result.stdout):
            print(f"  {line}", file=sys.stderr)
    if failed:
        return 1
    print(f"Built {len(results)} language(s) into {out} in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"))
