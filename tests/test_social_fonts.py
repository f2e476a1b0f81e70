"""hooks/social_fonts.py fills Material's social plugin's private font cache; this
fails, loudly, if a Material upgrade makes the plugin look for its font elsewhere."""

from __future__ import annotations

import threading

import material
import pytest
import requests
import social_fonts
from material.plugins.social.plugin import SocialPlugin


def test_the_plugin_finds_every_style_the_hook_writes_without_downloading(tmp_path, monkeypatch):
    """The plugin's own font lookup, on a cache the hook filled: it must return
    the hook's files and never try Google Fonts."""
    def no_download(url, *args, **kwargs):
        pytest.fail(f"Material {material.__version__}'s social plugin tried to download {url}: its "
                    "font cache layout changed. Read _resolve_font in material/plugins/social/plugin.py "
                    "and update hooks/social_fonts.py (and the version in its docstring).")
    monkeypatch.setattr(requests, "get", no_download)
    plugin = SocialPlugin()
    plugin.load_config({"cache_dir": str(tmp_path)})
    plugin.lock = threading.Lock()  # what the plugin's on_config sets before it draws
    social_fonts.fill(tmp_path / "fonts" / social_fonts.FAMILY)
    written = sorted(p.stem for p in (tmp_path / "fonts" / social_fonts.FAMILY).glob("*.ttf"))
    assert {"Regular", "Bold", "Italic", "Bold Italic"} <= set(written)
    for style in written:
        assert plugin._resolve_font(social_fonts.FAMILY, style) == str(tmp_path / "fonts" / "Roboto" / f"{style}.ttf")
