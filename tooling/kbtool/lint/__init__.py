"""``kb lint``: the rules that keep contributed fixes trustworthy, beyond the record format.

Flow: :func:`kbtool.lint.engine.lint` validates (everything ``kb validate``
checks), builds one :class:`~kbtool.lint.context.LintContext`, runs every
enabled rule module of :mod:`kbtool.lint.rules`, then applies the
configuration (severity overrides, disabled rules) and inline suppressions.

A rule is one module in ``kbtool/lint/rules/`` with:

- ``RULE``: a :class:`~kbtool.model.rule.RuleInfo` whose ``doc`` is the
  module docstring (user documentation with a passing and a failing example);
- ``check(ctx)``: a generator of :class:`~kbtool.model.finding.Finding`
  that only reads ``ctx`` (no printing, no file writes).

The module is named ``kbNNN_<slug_with_underscores>.py`` and declares
``RULE = RuleInfo.from_doc("KBNNN", "<slug>", Severity.X, __doc__)``. Its
docstring is Markdown: a one-line summary, what is checked and why, then
``## Passing`` and ``## Failing`` sections, each with a fenced example.
:mod:`kbtool.lint.docs` turns the docstrings into ``docs/lint-rules.md``.
Its tests are ``tests/lint/test_kbNNN_<slug>.py``; ``tests/lint/test_registry.py``
keeps rules, files, docs and tests in step.

Modules: :mod:`~kbtool.lint.registry` (discovery), :mod:`~kbtool.lint.config`
(``[tool.kb.lint]``), :mod:`~kbtool.lint.suppress` (``# kb: disable=``
comments), :mod:`~kbtool.lint.links` (links in record text and their
positions), :mod:`~kbtool.lint.commits` (manifests and ``--git-dir`` clones),
:mod:`~kbtool.lint.site_index` (a built site's files, ids and links).
"""
