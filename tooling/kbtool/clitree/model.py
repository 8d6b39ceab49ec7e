"""Read-only typed view of the CLI command reference, one object per released version.

The lint rule that checks command snippets asks questions such as "is
``devices rotate`` a command in 2026.2.3?", "does ``--device`` need a
value?" or "what could ``rotate-token`` have meant?". These classes answer
them from the generated ``kb/cli/<program>/<version>.yaml`` files without
exposing the file layout, so the layout can change in one place (the
importer, the renderer and :mod:`kbtool.clitree.loader`). Everything is
frozen: a reference describes a released CLI and never changes while a
lint run uses it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from packaging.version import InvalidVersion, Version

ValueKind = Literal["none", "required", "optional"]
"""Whether an option takes a value: ``none`` (flag), ``required`` (``<v>``) or ``optional`` (``[v]``)."""

ROOT = ""
"""Path of the program itself; its options are accepted after any subcommand too."""


@dataclass(frozen=True, slots=True)
class OptionSpec:
    """One declared option.

    ``long`` is always set (commander requires it here); a ``--no-X`` option
    is stored under that name with ``negatable`` set, because commander
    accepts ``--no-X`` but not ``--X`` unless both are declared.
    """

    long: str
    short: str | None = None
    value: ValueKind = "none"
    variadic: bool = False
    negatable: bool = False
    choices: tuple[str, ...] = ()
    hidden: bool = False

    @property
    def takes_value(self) -> bool:
        """True if the option consumes a value (required or optional)."""
        return self.value != "none"

    def matches(self, flag: str) -> bool:
        """True if ``flag`` (``--long``, ``--long=value`` or ``-s``) names this option."""
        name = flag.split("=", 1)[0] if flag.startswith("--") else flag
        return name == self.long or (self.short is not None and name == self.short)


@dataclass(frozen=True, slots=True)
class ArgSpec:
    """One positional argument: ``<name>`` is required, ``[name]`` optional, ``...`` variadic."""

    name: str
    required: bool
    variadic: bool = False


@dataclass(frozen=True, slots=True)
class CommandSpec:
    """One command path (``gateway auth-token``; the program itself is ``""``)."""

    path: str
    desc: str = ""
    hidden: bool = False
    aliases: tuple[str, ...] = ()
    args: tuple[ArgSpec, ...] = ()
    options: tuple[OptionSpec, ...] = ()

    @property
    def name(self) -> str:
        """The last word of the path: the word a user types for this command."""
        return self.path.rpartition(" ")[2]

    @property
    def parent(self) -> str | None:
        """Path of the parent command; ``None`` for the root."""
        return None if self.path == ROOT else self.path.rpartition(" ")[0]


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """Where the upstream dump came from, so a finding can cite the exact build."""

    repo: str
    commit: str
    build_date: str


@dataclass(frozen=True, eq=False)
class CliReference:
    """The command tree of one released version of one program.

    Commands are keyed by canonical path; aliases are resolved by
    :meth:`lookup` and :meth:`resolve_child`, never stored as paths, so a
    finding always names the canonical command.
    """

    program: str
    version: str
    source: SourceInfo
    imported_from: str
    commands: Mapping[str, CommandSpec] = field(repr=False)
    builtin_options: tuple[OptionSpec, ...] = ()
    _children: Mapping[str, Mapping[str, str]] = field(init=False, repr=False)
    _words: Mapping[str, Mapping[str, str]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        commands = MappingProxyType(dict(sorted(self.commands.items())))
        if ROOT not in commands:
            raise ValueError(f"{self.program} {self.version}: the root command path '' is missing")
        children: dict[str, dict[str, str]] = {path: {} for path in commands}
        words: dict[str, dict[str, str]] = {path: {} for path in commands}
        for path, spec in commands.items():
            if spec.path != path:
                raise ValueError(f"{self.program} {self.version}: entry {path!r} says its path is {spec.path!r}")
            if spec.parent is None:
                continue
            if spec.parent not in commands:
                raise ValueError(f"{self.program} {self.version}: {path!r} has no parent command {spec.parent!r}")
            children[spec.parent][spec.name] = path
        for parent, kids in children.items():
            words[parent].update(kids)
            for path in kids.values():
                for alias in commands[path].aliases:
                    if words[parent].setdefault(alias, path) != path:
                        raise ValueError(f"{self.program} {self.version}: alias {alias!r} of {path!r} is ambiguous")
        object.__setattr__(self, "commands", commands)
        object.__setattr__(self, "_children", MappingProxyType({k: MappingProxyType(v) for k, v in children.items()}))
        object.__setattr__(self, "_words", MappingProxyType({k: MappingProxyType(v) for k, v in words.items()}))

    def paths(self) -> tuple[str, ...]:
        """Every canonical command path, sorted, root (``""``) first, hidden ones included."""
        return tuple(self.commands)

    def has_command(self, path: str) -> bool:
        """True if ``path`` is a canonical command path (aliases are not)."""
        return path in self.commands

    def command(self, path: str) -> CommandSpec:
        """The entry of a canonical path; ``KeyError`` if there is none."""
        try:
            return self.commands[path]
        except KeyError:
            raise KeyError(f"{self.program} {self.version} has no command {path!r}") from None

    def subcommands(
        self, path: str = ROOT, *, include_hidden: bool = True, include_aliases: bool = False
    ) -> tuple[str, ...]:
        """Sorted words accepted right after ``path``: child names, optionally their aliases.

        Did-you-mean suggestions want the aliases too; hidden commands are
        real (they run) but a suggestion may prefer to leave them out.
        """
        self.command(path)
        table = self._words[path] if include_aliases else self._children[path]
        return tuple(
            sorted(word for word, child in table.items() if include_hidden or not self.commands[child].hidden)
        )

    def resolve_child(self, path: str, word: str) -> str | None:
        """Canonical path of the child of ``path`` named or aliased ``word``, else ``None``."""
        self.command(path)
        return self._words[path].get(word)

    def lookup(self, words: Sequence[str] | str) -> tuple[str, tuple[str, ...]]:
        """Resolve leading command words (aliases included) to a canonical path.

        Returns the deepest command reached and the words not consumed, e.g.
        ``["daemon", "status", "--json"]`` gives ``("daemon status",
        ("--json",))``. Resolution stops at the first word that is not a
        child of the current command, so an option or a positional argument
        (or a misspelt subcommand) is the first remaining word. The program
        name itself and options placed before the command (``--profile x``)
        must be removed by the caller. A string is split on whitespace.
        """
        items = words.split() if isinstance(words, str) else list(words)
        path = ROOT
        for index, word in enumerate(items):
            child = self._words[path].get(word)
            if child is None:
                return path, tuple(items[index:])
            path = child
        return path, ()

    def options_for(self, path: str) -> tuple[OptionSpec, ...]:
        """Options accepted at ``path``: its own, then the root's, then the built-in ones (``--help``).

        Commander recognises program options after a subcommand too, so the
        root's options are inherited. A command's own option shadows an
        inherited one of the same long name (``gateway --dev``).
        """
        spec = self.command(path)
        seen: set[str] = set()
        result: list[OptionSpec] = []
        inherited = self.commands[ROOT].options if path != ROOT else ()
        for option in (*spec.options, *inherited, *self.builtin_options):
            if option.long not in seen:
                seen.add(option.long)
                result.append(option)
        return tuple(result)

    def find_option(self, path: str, flag: str) -> OptionSpec | None:
        """The option ``flag`` (``--long``, ``--long=value`` or ``-s``) names at ``path``, else ``None``."""
        for option in self.options_for(path):
            if option.matches(flag):
                return option
        return None

    def takes_value(self, path: str, option: str) -> ValueKind:
        """Value kind of ``option`` at ``path``; ``KeyError`` if the option is not accepted there."""
        spec = self.find_option(path, option)
        if spec is None:
            raise KeyError(f"{self.program} {self.version}: {path or self.program!r} has no option {option!r}")
        return spec.value


def version_key(version: str) -> Version:
    """Sort key for release versions (CalVer ``2026.6.35`` is a valid PEP 440 version)."""
    try:
        return Version(version)
    except InvalidVersion:
        raise ValueError(f"{version!r} is not a release version") from None


@dataclass(frozen=True, eq=False)
class CliCatalog:
    """All imported versions of one program, oldest first.

    Checks over a version range (an option present in some versions of the
    range but not others) iterate :meth:`versions` and compare references.
    """

    program: str
    references: Mapping[str, CliReference] = field(repr=False)

    def __post_init__(self) -> None:
        for key, ref in self.references.items():
            if ref.program != self.program or ref.version != key:
                raise ValueError(f"catalog of {self.program}: entry {key!r} holds {ref.program} {ref.version}")
        ordered = sorted(self.references.items(), key=lambda item: version_key(item[0]))
        object.__setattr__(self, "references", MappingProxyType(dict(ordered)))

    def versions(self) -> tuple[str, ...]:
        """Imported versions, oldest first."""
        return tuple(self.references)

    def for_version(self, version: str) -> CliReference:
        """The reference of exactly ``version``; ``KeyError`` naming the known versions otherwise."""
        try:
            return self.references[version]
        except KeyError:
            known = ", ".join(self.references) or "none"
            raise KeyError(f"no {self.program} CLI reference for version {version!r} (known: {known})") from None

    def __iter__(self) -> Iterator[CliReference]:
        """References, oldest version first."""
        return iter(self.references.values())

    def __len__(self) -> int:
        return len(self.references)
