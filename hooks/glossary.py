"""The glossary: one file of abbreviations per language, shown as tooltips.

docs/<code>/_glossary.md holds Markdown abbreviation lines (`*[CRA]: Cyber
Resilience Act`). mkdocs.yml appends the English one to every page through
pymdownx.snippets; this hook

- points a translation's build at its own glossary, docs/<code>/_glossary.md,
  so each language explains its abbreviations in its own words. Until that file
  exists the build keeps the English one, and make check names it as missing,
  as it does a missing page;
- makes the first mark of each abbreviation on a page reachable with the Tab
  key. Material shows the tooltip on hover or focus, but an <abbr> cannot take
  focus by itself; one stop per abbreviation and page, not one per mention,
  keeps the keyboard route short. Marks inside a link are left alone: HTML
  allows nothing focusable inside a link.
"""

from __future__ import annotations

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"
BASE_LANGUAGE = "en"
SNIPPETS = "pymdownx.snippets"
ABBR = re.compile(r'<abbr title="([^"]*)">([^<]*)</abbr>')
LINK = re.compile(r"(<a\b.*?</a>)", re.S)


def glossary_file(code: str) -> str:
    """The glossary of a language, as a path under docs/ (one of snippets' base_path)."""
    return f"{code}/_glossary.md"


def on_config(config, **kwargs):
    code = config.theme["language"]
    if code != BASE_LANGUAGE and (DOCS / glossary_file(code)).is_file():
        snippets = config.mdx_configs.setdefault(SNIPPETS, {})
        snippets["auto_append"] = [glossary_file(code) if name == glossary_file(BASE_LANGUAGE) else name
                                   for name in snippets.get("auto_append", [])]
    return config


def on_page_content(html, **kwargs):
    seen = set()

    def first_is_focusable(match: re.Match) -> str:
        title, text = match.groups()
        if text in seen:
            return match.group(0)
        seen.add(text)
        return f'<abbr title="{title}" tabindex="0">{text}</abbr>'

    # split() with a group keeps the links, at the odd positions.
    parts = LINK.split(html)
    return "".join(part if i % 2 else ABBR.sub(first_is_focusable, part) for i, part in enumerate(parts))
