"""Build the whole site, every language of languages.yml, strictly, into one folder.

English goes to the folder's root and every other language to <folder>/<code>/.
English is built first because MkDocs empties its output folder; the other
languages then build in two processes (the machines have 2 cores), forked
after MkDocs and the theme are imported so that no build pays for them again.
Each language then keeps only what is its own: the theme's scripts and
stylesheets, the same in every language, are served once from the root.

    python scripts/build_site.py [OUT]      # OUT defaults to site/
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from language_table import BASE, codes, row_of
from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
# A theme file referred to from a page: "../assets/stylesheets/main.css".
ASSET = re.compile(r"""(?<=["'(])((?:\.\./)*)(assets/[^"'()\s]+)""")


class Collect(logging.Handler):
    """MkDocs' warnings and errors for one build."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(f"{record.levelname}: {record.getMessage()}")


def build_language(code: str, out: Path) -> tuple[str, list[str]]:
    """Build one language in this process; its problems, each naming its file
    from the repository's root."""
    os.environ.update(SITE_LANGUAGE=code, DOCS_DIR=f"docs/{code}",
                      SITE_DIR=str(out if code == BASE else out / code))
    collect = Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    os.chdir(ROOT)
    try:
        config = load_config(str(ROOT / "mkdocs.yml"))
        # What `mkdocs build` does around build(): the social plugin starts its workers here.
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except Exception as error:  # MkDocs' Abort, a plugin's error, a template's
        collect.lines.append(f"ERROR: {error}")
    finally:
        logger.removeHandler(collect)
    return code, [named(line, f"docs/{code}") for line in collect.lines]


def named(message: str, docs: str) -> str:
    """A message with its pages named from the repository's root: the first
    quoted page, and the "  - page.md" lines that list pages under it."""
    message = re.sub(r"'([^'/][^']*\.md)'", rf"'{docs}/\1'", message, count=1)
    return re.sub(r"^(\s+- )(\S+\.md)$", rf"\1{docs}/\2", message, flags=re.M)


def share_theme(out: Path, code: str, search_files: set[str]) -> int:
    """Remove from <out>/<code>/ the theme files that are byte for byte the
    root's, and point its pages at the root's copies; keep the lunr files its
    search worker loads from the language's own address. Returns bytes saved."""
    folder = out / code
    saved, shared = 0, set()
    for path in sorted((folder / "assets").rglob("*")):
        uri = path.relative_to(folder).as_posix()
        twin = out / uri
        if not path.is_file() or uri.startswith("assets/images/social/"):
            continue
        if uri.startswith("assets/javascripts/lunr/"):
            if uri not in search_files:
                saved += path.stat().st_size
                path.unlink()
            continue
        if twin.is_file() and twin.read_bytes() == path.read_bytes():
            saved += path.stat().st_size
            path.unlink()
            shared.add(uri)
    for page in folder.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        page.write_text(ASSET.sub(lambda m: f"../{m[1]}{m[2]}" if m[2] in shared else m[0], html), encoding="utf-8")
    for empty in sorted((folder / "assets").rglob("*"), reverse=True):
        if empty.is_dir() and not any(empty.iterdir()):
            empty.rmdir()
    return saved


def lunr_files(code: str) -> set[str]:
    """The lunr files a language's search worker imports (hooks/languages.py gives it one language)."""
    lang = row_of(code).get("search", BASE)
    found = {"assets/javascripts/lunr/min/lunr.stemmer.support.min.js"}
    if lang != BASE:
        found.add(f"assets/javascripts/lunr/min/lunr.{lang}.min.js")
    return found


def main(out: Path) -> int:
    started = time.perf_counter()
    out = out.resolve()
    os.environ["NO_MKDOCS_2_WARNING"] = "1"  # Material's end-of-life notice would bury the messages that matter
    results = [build_language(BASE, out)]
    others = codes()[1:]
    if not results[0][1]:
        with ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("fork")) as pool:
            results += pool.map(build_language, others, [out] * len(others))
    failed = [(code, lines) for code, lines in results if lines]
    for code, lines in failed:
        print(f"The build of {code} (docs/{code}/) failed:", file=sys.stderr)
        for line in lines:
            print("  " + line.replace("\n", "\n  "), file=sys.stderr)
    if failed:
        return 1
    saved = sum(share_theme(out, code, lunr_files(code)) for code in others)
    size = sum(path.stat().st_size for path in out.rglob("*") if path.is_file())
    print(f"Built {len(results)} language(s) into {out} in {time.perf_counter() - started:.1f} s: "
          f"{size / 2**20:.1f} MiB ({saved / 2**20:.1f} MiB of shared theme files not copied per language)")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"))
