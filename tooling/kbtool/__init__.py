"""Tooling for the OpenClaw / Moltworker troubleshooting knowledge base.

The package reads as the data flow: ``load`` turns files into positioned
documents, ``validate`` checks them against the published JSON Schema and the
registries, ``model`` holds the typed records, ``output`` formats findings and
``commands`` wires one CLI verb each.
"""

from __future__ import annotations

__version__ = "0.1.0"
