"""Performance benchmarks of the ``kb`` tool on synthetic knowledge bases (``make bench``).

``bench.generate`` writes a knowledge base of N realistic records with their
translations; ``bench.run`` times the ``kb`` commands on it against baselines
measured in the same run and writes ``docs/benchmarks.md`` and
``docs/benchmarks.png``. Every figure is a ratio, because absolute times on a
shared machine drift from one minute to the next.
"""
