"""A signature as a regular expression both engines read alike, and the literal text any match must contain."""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from kbtool.model.record import Signature

#: Flags of every signature: ``\\w``, ``\\d``, ``\\b`` and ``\\s`` mean their ASCII sets, as in JavaScript.
FLAGS = re.ASCII
#: The JavaScript flags the page compiles signatures with.
JS_FLAGS = "u"
#: The shortest literal the prefilter indexes; a signature without one is run on every line.
MIN_LITERAL = 3

#: Characters with a meaning in a regular expression, escaped in a ``text`` signature. Escaping only these
#: keeps the pattern valid in JavaScript's ``u`` mode, which refuses needless escapes such as ``\\-``.
_SYNTAX = frozenset("\\^$.*+?()[]{}|/")


def escape(text: str) -> str:
    """``text`` as a regular expression that matches exactly it, in Python, RE2 and JavaScript (``u``)."""
    return "".join("\\" + ch if ch in _SYNTAX else ch for ch in text)


def signature_pattern(signature: Signature) -> str:
    """The regular expression a signature stands for (an exact ``text`` is escaped)."""
    if signature.text is not None:
        return escape(signature.text)
    assert signature.regex is not None
    return signature.regex


def compile_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, FLAGS)


# Constructs Python reads one way and JavaScript another (or not at all), or RE2 cannot run.
_NOT_PORTABLE: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), why) for p, why in (
    (r"\(\?P?<[^=!]", "named groups are written differently in Python and JavaScript; use (?:...)"),
    (r"\(\?P[=>]", "named back-references do not exist in JavaScript or RE2"),
    (r"\(\?<?[=!]", "lookaround assertions cannot run in RE2, which indexes signatures"),
    (r"\(\?[aiLmsux-]+[:)]", "inline flags differ between engines; write the cases out, e.g. [Ee]rror"),
    (r"\(\?>|[*+?}]\+", "atomic groups and possessive quantifiers do not exist in JavaScript"),
    (r"\(\?#", "comments do not exist in JavaScript"),
    (r"\\[AZz]", "\\A, \\Z and \\z do not exist in JavaScript; use ^ and $"),
    (r"\\[1-9]", "back-references cannot run in RE2"),
    (r"\\[pPNuUxk]", "this escape means different things in Python and JavaScript; write the character itself"),
))
#: Escapes of a letter or digit that mean the same in every engine.
_PORTABLE_ESCAPES = frozenset("dDwWsSbBfnrtv0")


def portability_problems(pattern: str) -> list[str]:
    """Why ``pattern`` would not behave the same in Python, RE2 and JavaScript; empty when it would."""
    try:
        compiled = compile_pattern(pattern)
    except re.error as exc:
        return [f"not a valid regular expression: {exc}"]
    problems = [why for check, why in _NOT_PORTABLE if check.search(_without_escaped_backslashes(pattern))]
    problems += _u_mode_problems(pattern)
    if compiled.search("") is not None:
        problems.append("matches an empty line, so it would match every line")
    return list(dict.fromkeys(problems))


def _without_escaped_backslashes(pattern: str) -> str:
    return pattern.replace("\\\\", "__")


def _u_mode_problems(pattern: str) -> list[str]:
    """JavaScript's ``u`` mode refuses needless escapes and lone ``{`` ``}`` ``]`` that Python reads as text."""
    problems: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            nxt = pattern[i + 1]
            if nxt.isalnum() and nxt not in _PORTABLE_ESCAPES and nxt not in "pPNuUxk123456789AZz":
                problems.append(f"\\{nxt} is not an escape JavaScript accepts")
            elif not nxt.isalnum() and nxt not in _SYNTAX and not (in_class and nxt == "-"):
                problems.append(f"\\{nxt} is a needless escape that JavaScript refuses; write {nxt} alone")
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
            if pattern.startswith("[^]", i) or pattern.startswith("[]", i):
                problems.append("[] and [^] mean different things in Python and JavaScript")
        elif ch == "]":
            problems.append("a lone ] must be escaped as \\] for JavaScript")
        elif ch == "{" and not re.match(r"\{\d+(?:,\d*)?\}", pattern[i:]):
            problems.append("a { that does not start a repetition must be escaped as \\{ for JavaScript")
        elif ch == "}" and not re.search(r"\{\d+(?:,\d*)?$", pattern[:i]):
            problems.append("a } that does not end a repetition must be escaped as \\} for JavaScript")
        i += 1
    return problems


def required_literals(pattern: str) -> frozenset[str] | None:
    """Strings one of which occurs in every match of ``pattern``: the prefilter's key for it.

    The longest such set is chosen (by its shortest member); None when every
    candidate is shorter than ``MIN_LITERAL``, so the signature must be
    tried on every line.
    """
    best = _best(_factors(sre_parse.parse(pattern, FLAGS)))
    return best if best is not None and min(map(len, best)) >= MIN_LITERAL else None


_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT))


def _exact(items: Any) -> str | None:
    """The only text a parsed sequence can match, or None."""
    out: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            out.append(chr(av))
        elif op is sre.SUBPATTERN and not av[1] and (text := _exact(av[3])) is not None:
            out.append(text)
        elif op is sre.IN and len(av) == 1 and av[0][0] is sre.LITERAL:
            out.append(chr(av[0][1]))
        else:
            return None
    return "".join(out)


def _factors(items: Any) -> list[frozenset[str]]:
    """Sets of strings that every match contains one of, in pattern order (runs of literals joined)."""
    factors: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            factors.append(frozenset({"".join(run)}))
            run.clear()

    for op, av in items:
        if op is sre.SUBPATTERN and av[1]:  # scoped flags (IGNORECASE...): no exact text inside
            flush()
        elif op is sre.BRANCH:
            flush()
            alternatives = [_best(_factors(branch)) for branch in av[1]]
            if all(alternatives):
                factors.append(frozenset().union(*alternatives))  # type: ignore[arg-type]
        elif op in _REPEATS and av[0] >= 1:
            flush()
            factors.extend(_factors(av[2]))
        elif op is sre.SUBPATTERN and (text := _exact(av[3])) is None:
            flush()
            factors.extend(_factors(av[3]))
        elif (text := _exact([(op, av)])) is not None:
            run.append(text)
        else:
            flush()
    flush()
    return factors


def _best(factors: list[frozenset[str]]) -> frozenset[str] | None:
    usable = [f for f in factors if f and min(map(len, f)) > 0]
    return max(usable, key=lambda f: (min(map(len, f)), -len(f)), default=None)
