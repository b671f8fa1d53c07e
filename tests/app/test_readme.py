"""The README keeps its promises: it opens with the two commands, and every file it links to exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"

pytestmark = pytest.mark.skipif(not README.exists(), reason="run from a checkout")


def test_opens_with_the_two_commands() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "```sh" and lines[2] == "```" and lines[3] == "```sh" and lines[5] == "```"
    assert lines[1].endswith("chairdesk --demo")
    assert "pytest" in lines[4] and "QT_QPA_PLATFORM=offscreen" in lines[4]


def test_ci_runs_the_readme_test_command() -> None:
    command = README.read_text(encoding="utf-8").splitlines()[4]
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_linked_file_exists() -> None:
    text = README.read_text(encoding="utf-8")
    targets = [t for t in re.findall(r"\]\(([^)#]+)\)", text) if not t.startswith("http")]
    assert len(targets) > 10
    missing = [t for t in targets if not (ROOT / t).exists()]
    assert missing == []
