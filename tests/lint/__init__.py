"""Tests of `kb lint`: one file per rule (test_kbNNN_*.py), plus the engine, formats and configuration.

This directory is a package so that its conftest.py and helpers do not
shadow tests/conftest.py (``from conftest import REPO`` keeps meaning the
top-level one); import helpers as ``from lint.helpers import ...``.
"""
