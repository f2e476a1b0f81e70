"""Gives Material's social plugin its Roboto font without the internet.

The plugin draws each page's link-preview image in Roboto, which it downloads
from Google Fonts into its cache the first time. This project builds offline,
so the cache is filled from Debian's fonts-roboto-unhinted instead, under the
names the plugin gives the files it downloads ("Bold.ttf", "Bold Italic.ttf").
On GitHub Actions, where the internet is allowed, the plugin may download them.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from PIL import ImageFont

DEBIAN_ROBOTO = Path("/usr/share/fonts/truetype/roboto/unhinted/RobotoTTF")
FAMILY = "Roboto"


def on_config(config, **kwargs):
    social = config.plugins.get("material/social")
    if social is None or not social.config.enabled:
        return config
    # Relative to the config file, as the plugin resolves it (its own on_config
    # may not have run yet, as when Zensical's test runs this hook alone).
    cache = Path(config.config_file_path).parent / social.config.cache_dir / "fonts" / FAMILY
    if cache.is_dir():
        return config
    if not DEBIAN_ROBOTO.is_dir():
        if os.environ.get("GITHUB_ACTIONS") == "true":
            return config
        raise PluginError(f"No Roboto font at {DEBIAN_ROBOTO} for the link-preview images: "
                          "install Debian's fonts-roboto-unhinted (apt-get install fonts-roboto-unhinted).")
    cache.mkdir(parents=True)
    for font in sorted(DEBIAN_ROBOTO.glob(f"{FAMILY}-*.ttf")):
        name, style = ImageFont.truetype(str(font)).getname()
        shutil.copyfile(font, cache / f"{' '.join([name.replace(FAMILY, ''), style]).strip()}.ttf")
    return config
