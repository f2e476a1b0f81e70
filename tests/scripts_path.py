"""Lets the tests import the project's scripts (scripts/ is not a package)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import bench  # noqa: E402
from check_content import front_matter  # noqa: E402

__all__ = ["bench", "front_matter"]
