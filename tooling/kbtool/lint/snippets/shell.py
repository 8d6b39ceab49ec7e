"""Command snippets as simple commands made of words, with offsets into the snippet.

Bash is parsed with tree-sitter-bash (the grammar editors use; MIT). It
accepts every construct bash does that a troubleshooting step may use
(``case``, ``[[ ]]``, ``$(( ))``, here-documents, comment-only lines), and
reports syntax errors as ``ERROR`` and ``MISSING`` nodes instead of
stopping, so a message can name what is wrong and where.

PowerShell and cmd have no parser here: they are tokenised (quotes,
here-strings, escapes, comments, command separators), which is enough to
report an unbalanced quote and to find ``openclaw`` invocations in them.

Placeholders such as ``<device-id>`` are words to the reader but
redirections to bash. They are replaced by same-length words before
parsing (``<device-id>`` becomes ``_device-id_``), so every offset still
points into the snippet as written and word texts show the placeholder.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import tree_sitter_bash
from tree_sitter import Language, Node, Parser

_PARSER = Parser(Language(tree_sitter_bash.language()))

#: A placeholder in angle brackets (``<device-id>``, ``<YOUR_TOKEN>``), not a here-document (``<<EOF``).
ANGLE_PLACEHOLDER = re.compile(r"(?<![<\w])<([A-Za-z][\w.-]*)>")

#: Node types whose text is not known before the command runs.
_EXPANSIONS = frozenset({
    "simple_expansion", "expansion", "command_substitution", "process_substitution",
    "arithmetic_expansion", "ansi_c_string", "translated_string", "brace_expression",
})
#: What closes each compound command, for "never closed" messages.
_CLOSERS = {
    "if": "fi", "then": "fi", "else": "fi", "elif": "fi", "for": "done", "while": "done",
    "until": "done", "select": "done", "do": "done", "case": "esac", "{": "}", "(": ")",
    "[[": "]]", "$(": ")", "`": "`",
}
_SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ksh"})


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a command: its text after quote removal and where it is written."""

    text: str
    start: int
    end: int
    literal: bool = True
    """False when the word contains an expansion (``$VAR``, ``$(...)``): its text is then as written."""


@dataclass(frozen=True, slots=True)
class Command:
    """A simple command: the program word first, then its arguments (redirections left out)."""

    words: tuple[Word, ...]
    assignments: tuple[Word, ...] = ()
    """``NAME=value`` words written before the program."""
    nested: tuple[Command, ...] = ()
    """Commands run inside the arguments' substitutions (``bash -c "$(curl ...)"``, ``<(curl ...)``)."""

    @property
    def name(self) -> str:
        return self.words[0].text if self.words else ""


@dataclass(frozen=True, slots=True)
class Variable:
    """A shell variable named in the snippet: expanded (``$NAME``, ``${NAME}``) or assigned."""

    name: str
    start: int
    end: int
    assigned: bool


@dataclass(frozen=True, slots=True)
class SyntaxProblem:
    offset: int
    message: str
    needle: str = ""


@dataclass(frozen=True, slots=True)
class Script:
    """A command snippet split into commands, pipelines and variables, plus its syntax problems."""

    commands: tuple[Command, ...] = ()
    pipelines: tuple[tuple[Command, ...], ...] = ()
    """Every pipeline of two or more commands, stages in order."""
    variables: tuple[Variable, ...] = ()
    problems: tuple[SyntaxProblem, ...] = ()


def parse(code: str, shell: str) -> Script:
    """Parse a snippet written for ``shell`` (``bash``, ``powershell`` or ``cmd``)."""
    if shell == "bash":
        return parse_bash(code)
    if shell == "powershell":
        return _tokenised(code, _powershell_tokens(code))
    return _tokenised(code, _cmd_tokens(code))


def mask_placeholders(code: str) -> str:
    """``<name>`` placeholders replaced by ``_name_``, keeping every offset."""
    return ANGLE_PLACEHOLDER.sub(lambda m: "_" + m.group(1) + "_", code)


# -- bash -------------------------------------------------------------------


@lru_cache(maxsize=1024)
def parse_bash(code: str) -> Script:
    """Parse bash ``code``; syntax problems are reported, the parsed part is still returned."""
    masked = mask_placeholders(code)
    data = masked.encode("utf-8")
    tree = _PARSER.parse(data)
    walker = _BashWalker(code, data)
    walker.visit(tree.root_node)
    problems: tuple[SyntaxProblem, ...] = ()
    if tree.root_node.has_error:
        problems = (_bash_problem(code, walker, tree.root_node),)
    return Script(
        commands=tuple(sorted(walker.commands, key=lambda c: c.words[0].start if c.words else 0)),
        pipelines=tuple(walker.pipelines),
        variables=tuple(walker.variables),
        problems=problems,
    )


@dataclass
class _BashWalker:
    code: str
    data: bytes
    commands: list[Command] = field(default_factory=list)
    pipelines: list[tuple[Command, ...]] = field(default_factory=list)
    variables: list[Variable] = field(default_factory=list)
    _by_node: dict[int, Command] = field(default_factory=dict)

    def offset(self, byte: int) -> int:
        """Character offset of a byte offset (tree-sitter counts UTF-8 bytes)."""
        if len(self.data) == len(self.code):  # ASCII: bytes are characters
            return byte
        return len(self.data[:byte].decode("utf-8", errors="replace"))

    def visit(self, node: Node) -> None:
        if node.type == "command":
            self._command(node)
            return
        if node.type == "pipeline":
            for child in node.named_children:
                self.visit(child)
            stages = [_stage_command(child) for child in node.named_children]
            found = tuple(self._by_node[stage.id] for stage in stages
                          if stage is not None and stage.id in self._by_node)
            if len(found) >= 2:
                self.pipelines.append(found)
            return
        if node.type == "variable_name":
            parent = node.parent
            assigned = parent is None or parent.type not in ("simple_expansion", "expansion")
            self.variables.append(Variable(self.text(node), self.offset(node.start_byte),
                                           self.offset(node.end_byte), assigned))
            return
        for child in node.children:
            self.visit(child)

    def _command(self, node: Node) -> None:
        words: list[Word] = []
        assignments: list[Word] = []
        before = len(self.commands)
        for child in node.named_children:
            if child.type == "variable_assignment":
                assignments.append(self._word(child))
                self.visit(child)
            elif child.type == "command_name":
                words.append(self._word(child.named_children[0] if child.named_children else child))
                self.visit(child)
            elif child.type.endswith("redirect"):
                self.visit(child)
            else:
                words.append(self._word(child))
                self.visit(child)
        nested = tuple(self.commands[before:])
        words = [w for w in words if w.end > w.start]
        if not words and not assignments:
            return
        command = Command(tuple(words), tuple(assignments), nested)
        self.commands.append(command)
        self._by_node[node.id] = command
        self._inline_script(command)

    def _inline_script(self, command: Command) -> None:
        """``bash -c 'openclaw ...'``: the quoted script's commands, at their place in the snippet."""
        if command.name not in _SHELLS:
            return
        for flag, script in zip(command.words[1:], command.words[2:]):
            if flag.text != "-c" or not script.literal:
                continue
            raw = self.code[script.start:script.end]
            if len(raw) < 2 or raw[0] not in "'\"" or raw[1:-1] != script.text:
                return
            inner = parse_bash(script.text)
            shift = script.start + 1
            self.commands.extend(_shifted(c, shift) for c in inner.commands)
            self.pipelines.extend(tuple(_shifted(c, shift) for c in p) for p in inner.pipelines)
            self.variables.extend(Variable(v.name, v.start + shift, v.end + shift, v.assigned) for v in inner.variables)
            return

    def _word(self, node: Node) -> Word:
        start, end = self.offset(node.start_byte), self.offset(node.end_byte)
        raw = self.code[start:end]
        literal = not _contains(node, _EXPANSIONS)
        text = raw
        if literal:
            try:
                parts = shlex.split(raw)
            except ValueError:
                parts = []
            if len(parts) == 1:
                text = parts[0]
        return Word(text, start, end, literal)

    def text(self, node: Node) -> str:
        return self.code[self.offset(node.start_byte):self.offset(node.end_byte)]


def _stage_command(node: Node) -> Node | None:
    if node.type == "command":
        return node
    if node.type == "redirected_statement" and node.named_children and node.named_children[0].type == "command":
        return node.named_children[0]
    return None


def _contains(node: Node, types: frozenset[str]) -> bool:
    if node.type in types:
        return True
    return any(_contains(child, types) for child in node.children)


def _shifted(command: Command, shift: int) -> Command:
    def move(word: Word) -> Word:
        return Word(word.text, word.start + shift, word.end + shift, word.literal)

    return Command(tuple(map(move, command.words)), tuple(map(move, command.assignments)),
                   tuple(_shifted(c, shift) for c in command.nested))


def _bash_problem(code: str, walker: _BashWalker, root: Node) -> SyntaxProblem:
    quote = _unclosed_bash_quote(code)
    if quote is not None:
        offset, char = quote
        name = {"'": "single quote", '"': "double quote", "`": "backquote"}[char]
        return SyntaxProblem(offset, f"unterminated {name}: the {char} here is never closed", char)
    node = next(_errors(root), root)
    if node.is_missing:
        opener = node.parent
        closer = node.type
        if opener is not None and closer in _CLOSERS.values() and opener.children:
            first = opener.children[0]
            word = walker.text(first)
            return SyntaxProblem(walker.offset(first.start_byte),
                                 f"`{word}` is never closed: `{closer}` is missing", word)
        before = code[:walker.offset(node.start_byte)].rstrip()
        operator = re.search(r"(\|\||&&|\||;|&|\()$", before)
        if operator:
            return SyntaxProblem(operator.start(), f"a command is missing after `{operator.group(1)}`",
                                 operator.group(1))
        return SyntaxProblem(len(before), "the command is incomplete")
    leaves = list(_leaves(node))
    first = leaves[0] if leaves else node
    token = walker.text(first)
    start = walker.offset(first.start_byte)
    if token in _CLOSERS and node.end_byte >= len(walker.data.rstrip()):
        return SyntaxProblem(start, f"`{token}` is never closed: `{_CLOSERS[token]}` is missing", token)
    return SyntaxProblem(start, f"unexpected `{token}`", token)


def _errors(node: Node) -> Iterator[Node]:
    """ERROR and MISSING nodes, outermost first, in document order."""
    if node.type == "ERROR" or node.is_missing:
        yield node
        return
    for child in node.children:
        if child.has_error or child.is_missing:
            yield from _errors(child)


def _leaves(node: Node) -> Iterator[Node]:
    if not node.children:
        if node.end_byte > node.start_byte:
            yield node
        return
    for child in node.children:
        yield from _leaves(child)


_HEREDOC = re.compile(r"<<-?\s*(['\"]?)([A-Za-z_][\w-]*)\1")


def _unclosed_bash_quote(code: str) -> tuple[int, str] | None:
    """Offset and character of a quote bash would never see closed, skipping comments and here-documents."""
    index = 0
    length = len(code)
    while index < length:
        char = code[index]
        if char == "\\":
            index += 2
            continue
        if char == "#" and (index == 0 or code[index - 1] in " \t\n;&|("):
            newline = code.find("\n", index)
            index = length if newline < 0 else newline
            continue
        heredoc = _HEREDOC.match(code, index)
        if heredoc:
            body = code.find("\n", heredoc.end())
            end = re.search(rf"^\s*{re.escape(heredoc.group(2))}\s*$", code[body + 1:], re.M) if body >= 0 else None
            index = length if end is None else body + 1 + end.end()
            continue
        if char in "'\"`":
            close = _closing_quote(code, index)
            if close is None:
                return index, char
            index = close + 1
            continue
        index += 1
    return None


def _closing_quote(code: str, start: int) -> int | None:
    quote = code[start]
    index = start + 1
    while index < len(code):
        char = code[index]
        if char == "\\" and quote != "'":
            index += 2
            continue
        if char == quote:
            return index
        index += 1
    return None


# -- PowerShell and cmd -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # "word", "separator" or "problem"
    word: Word


def _tokenised(code: str, tokens: Iterator[_Token]) -> Script:
    commands: list[Command] = []
    problems: list[SyntaxProblem] = []
    current: list[Word] = []
    for token in tokens:
        if token.kind == "problem":
            problems.append(SyntaxProblem(token.word.start, token.word.text, code[token.word.start:token.word.end]))
        elif token.kind == "separator":
            if current:
                commands.append(Command(tuple(current)))
            current = []
        else:
            current.append(token.word)
    if current:
        commands.append(Command(tuple(current)))
    return Script(commands=tuple(commands), problems=tuple(problems[:1]))


def _powershell_tokens(code: str) -> Iterator[_Token]:
    """PowerShell words: quotes (``''`` and backtick escapes), here-strings, comments, ``;``, ``|``, ``&&``."""
    index = 0
    length = len(code)
    while index < length:
        char = code[index]
        if char in " \t\r":
            index += 1
        elif char == "\n" or char in ";|" or code.startswith("&&", index) or code.startswith("||", index):
            step = 2 if code.startswith(("&&", "||"), index) else 1
            yield _Token("separator", Word(code[index:index + step], index, index + step))
            index += step
        elif code.startswith("<#", index):
            end = code.find("#>", index + 2)
            if end < 0:
                yield _problem(index, 2, "unterminated block comment: the <# here is never closed by #>")
                return
            index = end + 2
        elif char == "#":
            newline = code.find("\n", index)
            index = length if newline < 0 else newline
        elif code.startswith(("@'", '@"'), index) and code[index + 2:index + 3] in ("\n", "\r"):
            quote = code[index + 1]
            closing = re.search(rf"^{quote}@", code[index + 2:], re.M)
            if closing is None:
                yield _problem(index, 2, f"unterminated here-string: the @{quote} here is never closed by {quote}@")
                return
            stop = index + 2 + closing.end()
            yield _Token("word", Word(code[index:stop], index, stop, literal=quote == "'"))
            index = stop
        else:
            start = index
            text: list[str] = []
            literal = True
            while index < length and code[index] not in " \t\r\n;|" and not code.startswith(("&&", "||"), index):
                char = code[index]
                if char == "`":
                    text.append(code[index + 1:index + 2])
                    index += 2
                elif char in "'\"":
                    close = _powershell_quote_end(code, index)
                    if close is None:
                        name = "single" if char == "'" else "double"
                        yield _problem(index, 1, f"unterminated {name} quote: the {char} here is never closed")
                        return
                    inner = code[index + 1:close]
                    literal = literal and not (char == '"' and "$" in inner)
                    text.append(inner.replace(char * 2, char))
                    index = close + 1
                else:
                    literal = literal and char != "$"
                    text.append(char)
                    index += 1
            yield _Token("word", Word("".join(text), start, index, literal))


def _powershell_quote_end(code: str, start: int) -> int | None:
    quote = code[start]
    index = start + 1
    while index < len(code):
        if quote == '"' and code[index] == "`":
            index += 2
        elif code[index] == quote:
            if code[index + 1:index + 2] == quote:
                index += 2
                continue
            return index
        else:
            index += 1
    return None


def _cmd_tokens(code: str) -> Iterator[_Token]:
    """cmd.exe words: ``"`` quotes (no escapes inside), ``^`` escapes, ``&``, ``&&``, ``||``, ``|``, ``REM``."""
    index = 0
    length = len(code)
    while index < length:
        char = code[index]
        if char in " \t\r":
            index += 1
        elif char == "\n" or char in "&|":
            step = 2 if code.startswith(("&&", "||"), index) else 1
            yield _Token("separator", Word(code[index:index + step], index, index + step))
            index += step
        elif code.startswith("::", index) or re.match(r"(?i)rem(\s|$)", code[index:index + 4]):
            newline = code.find("\n", index)
            index = length if newline < 0 else newline
        else:
            start = index
            text: list[str] = []
            while index < length and code[index] not in " \t\r\n&|":
                char = code[index]
                if char == "^":
                    text.append(code[index + 1:index + 2])
                    index += 2
                elif char == '"':
                    close = code.find('"', index + 1)
                    line_end = code.find("\n", index)
                    if close < 0 or (0 <= line_end < close):
                        yield _problem(index, 1, 'unterminated double quote: the " here is never closed on its line')
                        return
                    text.append(code[index + 1:close])
                    index = close + 1
                else:
                    text.append(char)
                    index += 1
            word = "".join(text)
            yield _Token("word", Word(word, start, index, "%" not in word and "!" not in word))


def _problem(offset: int, length: int, message: str) -> _Token:
    return _Token("problem", Word(message, offset, offset + length))
