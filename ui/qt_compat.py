"""A guard against a reference-count bug of PySide6 6.12 on Python 3.11.

On Python 3.11, every call to a Qt method that returns nothing takes one reference off ``None`` (and
bool-returning ones off ``True``/``False``) without having taken it: after some thousands of calls the
interpreter aborts with "Fatal Python error: none_dealloc".  Python 3.12 made these singletons immortal,
so the bug is harmless there.  On 3.11 we do what 3.12 does: give them a reference count so large that no
session can exhaust it.  PySide6-Pdf, which the app needs for its PDF preview, exists only for 6.12, so
pinning an older PySide6 is not an option.  ``tests/ui/test_qt_compat.py`` makes 100,000 such calls.
"""

from __future__ import annotations

import ctypes
import sys

_SINGLETONS = (None, True, False, NotImplemented, Ellipsis)
_RESERVE = 1 << 40  # references: more than any session could ever lose


def protect_singletons() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for obj in _SINGLETONS:
        # ob_refcnt is the first field of every CPython object (Include/object.h).
        count = ctypes.c_ssize_t.from_address(id(obj))
        if count.value < _RESERVE:
            count.value += _RESERVE
