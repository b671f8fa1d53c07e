"""The layering rule: nothing under app/ imports Qt (the core must run and be tested without it)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import app as app_package

APP = Path(app_package.__file__).resolve().parent
FORBIDDEN = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "ui")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_app_imports_no_qt_and_no_ui() -> None:
    offenders = []
    files = sorted(APP.rglob("*.py"))
    assert len(files) > 10
    for path in files:
        for name in imported_modules(path):
            if name.split(".")[0] in FORBIDDEN:
                offenders.append(f"{path.relative_to(APP.parent)}: {name}")
    assert offenders == []


def test_the_rule_catches_an_offender(tmp_path: Path) -> None:
    sample = tmp_path / "bad.py"
    sample.write_text("from PySide6.QtWidgets import QWidget\nimport ui.main_window\n", encoding="utf-8")
    assert {"PySide6.QtWidgets", "ui.main_window"} <= imported_modules(sample)


def test_core_and_cli_load_without_qt() -> None:
    code = (
        "import sys, app.cli, app.services.meetings, app.services.directory, app.persistence.database\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), sorted(sys.modules)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
