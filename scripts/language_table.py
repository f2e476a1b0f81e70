"""languages.yml, the site's one table of languages, read the same way by the
build (scripts/build_site.py), the hooks (languages.py, figures.py) and the
checks (check_content.py, check_translations.py); and a page's revision, which
a translation records.

A row's keys are explained at the top of languages.yml.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BASE = "en"
# libyaml's parser where PyYAML has it: 24 builds read the table.
LOADER = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader


def rows(root: Path = ROOT) -> list[dict]:
    """The rows of languages.yml, in their order."""
    return yaml.load((root / "languages.yml").read_text(encoding="utf-8"), Loader=LOADER) or []


def codes(root: Path = ROOT) -> list[str]:
    """The languages' codes, English first."""
    return [BASE] + [row["code"] for row in rows(root) if row.get("code") not in (None, BASE)]


def row_of(code: str, root: Path = ROOT) -> dict | None:
    return next((row for row in rows(root) if row.get("code") == code), None)


def locale_of(code: str, root: Path = ROOT) -> str:
    """Babel's locale for a language: the row's locale, or the code itself."""
    return (row_of(code, root) or {}).get("locale", code)


def revision(path: Path) -> str:
    """A page's revision as git names it (`git hash-object`), first 12 characters.
    A translation records its English page's revision; `git diff <recorded>
    <now>` then shows what changed in English since it was translated."""
    data = path.read_bytes()
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()[:12]
