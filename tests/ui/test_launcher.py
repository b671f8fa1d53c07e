"""The ``chairdesk`` entry point, start-up cost, and the screenshot renderer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from ui import launcher
from ui.screenshots import render_screenshots

ROOT = Path(__file__).resolve().parents[2]


def test_a_bad_argument_returns_2(capsys) -> None:  # type: ignore[no-untyped-def]
    assert launcher.main(["--no-such-option"]) == 2
    assert "chairdesk" in capsys.readouterr().err


def test_help_and_version_return_0(capsys) -> None:  # type: ignore[no-untyped-def]
    assert launcher.main(["--version"]) == 0
    assert "Chairdesk" in capsys.readouterr().out


def test_other_commands_go_to_the_cli(demo_db_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert launcher.main(["meetings", "--db", str(demo_db_path), "--lang", "en"]) == 0
    assert "VGT-2019-10" in capsys.readouterr().out


def _modules_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(sorted(sys.modules)))"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return set(output.stdout.split())


def test_the_launcher_does_not_load_qt_and_the_window_does_not_load_sqlalchemy() -> None:
    launcher_modules = _modules_after("import ui.launcher")
    assert "PySide6" not in launcher_modules and "sqlalchemy" not in launcher_modules
    window_modules = _modules_after("import ui.application")
    assert "PySide6.QtWidgets" in window_modules
    assert "sqlalchemy" not in window_modules


def test_screenshots_of_the_main_screens_in_both_languages(demo_db_path: Path, tmp_path: Path) -> None:
    written = render_screenshots(tmp_path / "shots", demo_db_path)
    names = sorted(path.name for path in written)
    assert names == sorted(f"{screen}-{lang}.png" for screen in ("main-window", "about", "welcome")
                           for lang in ("en", "fr"))
    image = QImage(str(tmp_path / "shots" / "main-window-fr.png"))
    assert (image.width(), image.height()) == (1400, 900)
