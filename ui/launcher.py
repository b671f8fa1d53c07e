"""The ``chairdesk`` command: parse the arguments, then open the desktop app, render the screenshots, or
hand a non-GUI command to ``app.cli``.

PySide6 is imported only once we know a window is wanted, so ``chairdesk --help`` and
``chairdesk meetings`` start fast and run where no display (or no Qt) is available.
"""

from __future__ import annotations

import sys
from pathlib import Path

from app import cli
from app.errors import ChairdeskError
from app.i18n import _


def main(argv: list[str] | None = None) -> int:
    try:
        args = cli.parse_args(argv)
    except SystemExit as exit_request:  # argparse's --help, --version and usage errors
        code = exit_request.code
        return code if isinstance(code, int) else (0 if code is None else cli.EXIT_USAGE)
    if args.command is None:
        from ui.application import run_gui

        return run_gui(args)
    if args.command == "screenshots":
        return _screenshots(args)
    return cli.run(args)


def _screenshots(args: object) -> int:
    from ui.screenshots import render_screenshots

    out = Path(getattr(args, "out", None) or Path("docs") / "screenshots")
    db = getattr(args, "db", None)
    try:
        paths = render_screenshots(out, Path(db) if db else None)
    except ChairdeskError as exc:
        sys.stderr.write(_("chairdesk: {problem}").format(problem=exc) + "\n")
        return cli.EXIT_USAGE
    if sys.stdout is not None:  # the Windows GUI entry point has no console
        for path in paths:
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
