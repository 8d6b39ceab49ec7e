"""Hostile input: what a stranger's contribution may contain, and how every command must answer it."""
