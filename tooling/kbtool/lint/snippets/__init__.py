"""Parsing shared by the snippet rules (KB3xx) and the secret and safety rules (KB4xx).

Rules stay small: they iterate :func:`~kbtool.lint.snippets.sites.snippet_sites`
and ask these modules pure questions.

- :mod:`~kbtool.lint.snippets.shell`: bash parsed with tree-sitter-bash into
  simple commands and words with offsets; PowerShell and cmd tokenised.
- :mod:`~kbtool.lint.snippets.programs`: what other programs accept, and
  how wrappers (``sudo``, ``npx``, ``docker compose run``) hand over to the
  program they start.
- :mod:`~kbtool.lint.snippets.openclaw`: an ``openclaw`` invocation checked
  against the CLI reference of every version of a range.
- :mod:`~kbtool.lint.snippets.config_formats`: config snippets parsed per
  format, with error positions; :mod:`~kbtool.lint.snippets.config_keys`
  and :mod:`~kbtool.lint.snippets.envvars`: the known OpenClaw config keys
  and environment variables.
- :mod:`~kbtool.lint.snippets.placeholders` and
  :mod:`~kbtool.lint.snippets.secrets`: text scanners.
- :mod:`~kbtool.lint.snippets.positions`: an offset inside a YAML string
  mapped back to the record file.
"""
