"""Gives Material's social plugin its Roboto font from a pinned PyPI package.

The plugin draws each page's link-preview image in Roboto, which it downloads
from Google Fonts into its cache the first time. This hook fills that cache
instead from XStatic-roboto-fontface (requirements.txt, hash-pinned): static TTF
files that pip installs with the site's other packages. So every machine, an
editor's, CI and the deploy, draws the same images, offline, with no system
package and no download at build time.

This writes into the plugin's PRIVATE cache, whose layout was read from
mkdocs-material 9.8.2 (material/plugins/social/plugin.py, `_resolve_font` and
`_fetch_font_from_google_fonts`): `<cache_dir>/fonts/<family>/<style>.ttf`, where
<style> is the style name in the font file ("Bold", "Bold Italic"), and an
existing `<family>` folder means "already downloaded". After a Material upgrade,
tests/test_social_fonts.py fails, naming this file, if the plugin would look
elsewhere or download the font again.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import xstatic.pkg.roboto_fontface
from PIL import ImageFont

FAMILY = "Roboto"
FONTS = Path(xstatic.pkg.roboto_fontface.BASE_DIR) / "fonts" / "roboto"


def font_cache(config) -> Path | None:
    """The folder the social plugin reads Roboto from, or None when it is off."""
    social = config.plugins.get("material/social")
    if social is None or not social.config.enabled:
        return None
    # Relative to the config file, as the plugin resolves it (its own on_config
    # may not have run yet, as when Zensical's test runs this hook alone).
    return Path(config.config_file_path).parent / social.config.cache_dir / "fonts" / FAMILY


def fill(cache: Path) -> None:
    """One file per style, named as the plugin names the files it downloads."""
    cache.mkdir(parents=True)
    for font in sorted(FONTS.glob(f"{FAMILY}-*.ttf")):
        _, style = ImageFont.truetype(str(font)).getname()
        shutil.copyfile(font, cache / f"{style}.ttf")


def on_config(config, **kwargs):
    cache = font_cache(config)
    if cache is not None and not cache.is_dir():
        fill(cache)
    return config
