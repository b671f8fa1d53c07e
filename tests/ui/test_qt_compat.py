"""PySide6 6.12 on Python 3.11 loses a reference to None on every void Qt call; the guard must hold."""

from __future__ import annotations

import subprocess
import sys


def test_many_void_qt_calls_do_not_abort_the_interpreter() -> None:
    code = (
        "import os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "import ui\n"
        "from PySide6.QtWidgets import QApplication, QCheckBox\n"
        "app = QApplication([])\n"
        "box = QCheckBox()\n"
        "for i in range(100_000):\n"
        "    box.setText('x')\n"
        "    box.isChecked()\n"
        "print('survived')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "survived"
