"""The JSON Schemas of ``kb/schema/``, published with the site so editors can use them by URL.

A record's first line names its schema for YAML-aware editors; with the
schemas at ``<site_url>/schema/record.schema.json`` a contributor editing a
record anywhere (or a translation, or a registry) can point there instead
of at a checkout.
"""

from __future__ import annotations

from kbtool.load.layout import Layout

#: Where the schemas go in the source language's docs tree (the site's root).
SCHEMA_DIR = "schema"


def published_schemas(layout: Layout) -> dict[str, str]:
    """Docs path → text of every ``*.schema.json`` file of the knowledge base."""
    return {f"{SCHEMA_DIR}/{path.name}": path.read_text(encoding="utf-8")
            for path in sorted(layout.schema_dir.glob("*.schema.json"))}
