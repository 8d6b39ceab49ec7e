"""MkDocs hook: keep the search plugin from segmenting text with jieba in this build.

Material's search plugin runs jieba over every run of Han characters when
jieba is importable, whatever the page language. In a Japanese site that
splits words such as 東京 or 権限 wrongly, so they cannot be found;
Japanese is segmented in the browser (TinySegmenter) instead. The plugin
looks jieba up through its module global ``jieba`` (``material/plugins/
search/plugin.py``: ``try: import jieba except ImportError: jieba = None``),
so setting that global to None here turns segmentation off for this build
only: each language is built in its own process. Used for every language
but Chinese.
"""

from __future__ import annotations

import importlib
from typing import Any


def on_startup(command: str, dirty: bool) -> None:
    del command, dirty
    disable_jieba()


def on_config(config: Any) -> Any:
    # Again here: on_startup is not called when MkDocs is driven through its API.
    disable_jieba()
    return config


def disable_jieba() -> None:
    search_plugin = importlib.import_module("material.plugins.search.plugin")
    setattr(search_plugin, "jieba", None)
