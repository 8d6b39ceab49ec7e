"""Find the records whose signatures match a pasted error, a log or a terminal dump.

The matching rules, defined once here and shipped to the "Paste your error"
page as data (``page_data``), which runs them with the same steps in
JavaScript (``overrides/assets/javascripts/kb-match.js``):

1. The text is cleaned (``normalize``): ANSI escape sequences are removed,
   ``\\r\\n`` and a lone ``\\r`` end a line, tabs and Unicode spaces become a
   plain space, other control characters are dropped.
2. It is split into lines; each line loses its leading timestamps and
   ``docker compose`` service prefix, so a signature anchored with ``^``
   still sees the message first.
3. Every signature runs on every line (Python's ``re`` with ``re.ASCII``,
   JavaScript's ``RegExp`` with the ``u`` flag: the same results on the
   portable subset that ``kb lint`` enforces, KB604). A ``text``
   signature is the regular expression of its exact text.
4. A record's score is the sum, over its signatures that matched, of the
   length in characters of each signature's longest match: longer, more
   specific matches and more kinds of evidence rank higher. Its shown hit
   is its longest match (the latest line on a tie). Records matched by an
   error line come before records matched only by signatures of
   ``level: warning`` or ``generic`` (a startup warning, or a symptom such
   as an abnormal close that many causes end in, is rarely what the reader
   needs when the cause is in the paste too); then records are ranked by score, then by the latest
   shown line, then by id.

``Matcher`` gets the same result as running every signature on every line,
but quickly: one RE2 automaton of the literal text every signature requires
finds the few candidate lines, and only those run the signatures.
"""
