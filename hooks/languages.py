"""Per-language plumbing for the one-build-per-language layout (DESIGN.md).

English is the base build (mkdocs.yml) at the site root; every other language is
languages/<code>.yml, built into /<code>/. So that adding a language means adding
that file and docs/<code>/ and nothing else, this hook derives, for whichever
build is running:

- site_url: the root URL, plus "<code>/" for a language other than the base;
- edit_uri: the pencil opens docs/<code>/ on GitHub, whatever the language;
- extra.alternate: Material's language selector, one entry per language file.

It only sets configuration values through MkDocs' public on_config event.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
BASE_LANGUAGE = "en"


class _IgnoreTagsLoader(yaml.SafeLoader):
    """Reads a language file for its plain keys; tags such as !ENV are not needed here."""


_IgnoreTagsLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def language_files() -> dict[str, dict]:
    """Every languages/<code>.yml, read as plain YAML, by language code."""
    found = {}
    for path in sorted((ROOT / "languages").glob("*.yml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_IgnoreTagsLoader) or {}
        found[path.stem] = data
    return found


def on_config(config, **kwargs):
    code = config.theme["language"]
    root_url = config.site_url or "/"
    if not root_url.endswith("/"):
        root_url += "/"
    if code != BASE_LANGUAGE:
        config.site_url = f"{root_url}{code}/"

    docs = Path(config.docs_dir).resolve().relative_to(ROOT).as_posix()
    config.edit_uri = f"edit/main/{docs}/"

    others = language_files()
    if others:
        # Links are absolute paths under the site's root, so they work on a
        # project page (/<repo>/) as well as at a domain's root.
        root_path = urlsplit(root_url).path
        alternate = [{"name": config.extra.get("language_name", BASE_LANGUAGE),
                      "link": root_path, "lang": BASE_LANGUAGE}]
        for other, data in others.items():
            name = (data.get("extra") or {}).get("language_name", other)
            alternate.append({"name": name, "link": f"{root_path}{other}/", "lang": other})
        config.extra["alternate"] = alternate
    return config
