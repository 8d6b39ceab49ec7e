"""Record translations: one file per record and language, checked field by field against the source.

Flow: :mod:`units` lists the translatable text of a record under stable keys
(``causes.<cause-id>.text``, ``solutions.<solution-id>.steps.<n>.text``);
:mod:`files` reads and writes ``i18n/<lang>/<record-id>.yaml``;
:mod:`status` compares each translated field's stored source hash with the
source's current text (current / outdated / missing); :mod:`apply` builds the
record a page shows in a language, falling back to the source text field by
field; :mod:`po` bridges to PO editors through Babel.
"""
