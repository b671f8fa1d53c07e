"""Fonts, icons and the demo package, found by name at run time (a package so they travel in the wheel)."""
