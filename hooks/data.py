"""Makes the language-neutral facts in data/*.yml available to templates as
config.extra.data.<file name>, so every language shares one copy of them
(the speakers' structured data comes from data/speakers.yml this way)."""

from __future__ import annotations

from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent.parent / "data"


def on_config(config, **kwargs):
    config.extra["data"] = {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(DATA.glob("*.yml"))
    }
    return config
