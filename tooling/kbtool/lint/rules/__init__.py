"""One module per lint rule; the engine discovers them by importing every module here.

Families: KB1xx links, KB2xx commits, KB3xx commands and config snippets,
KB4xx secrets, safety and sources, KB5xx translations. Ids are never reused.
"""
