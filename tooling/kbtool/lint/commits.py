"""Where commit ids are checked: a repository's offline manifest, or a local clone given with ``--git-dir``.

The commit rules (KB2xx) ask a :class:`CommitIndex` which known commits an
id (full or abbreviated) matches; they never read files or run git
themselves. Manifests are parsed here from text (pure); a clone is asked
through ``git`` with local commands only (no fetch, no network), once per id.
"""

from __future__ import annotations

import bisect
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from kbtool.errors import UsageError
from kbtool.model.registry import Repo

FULL_SHA_LENGTH = 40


@dataclass(frozen=True, slots=True)
class KnownCommit:
    """A commit as its repository has it: full id, author date (ISO 8601, author's time zone) and subject."""

    sha: str
    date: str
    subject: str


class CommitSource(Protocol):
    """Something that knows a repository's commits."""

    @property
    def description(self) -> str:
        """Where the commits come from, for messages (``the manifest kb/commits/x.tsv``)."""
        ...

    def matching(self, prefix: str) -> list[KnownCommit]:
        """Every commit whose full id starts with ``prefix`` (lowercase hex), sorted by id."""
        ...


@dataclass(frozen=True, slots=True)
class ManifestCommits:
    """The commits listed in a manifest (``kb/commits/*.tsv``): ``full sha<TAB>author date<TAB>subject`` rows.

    Lines starting with ``#`` are comments; rows that do not start with a
    40-digit id are not commits and are skipped.
    """

    description: str
    commits: tuple[KnownCommit, ...]

    @classmethod
    def parse(cls, text: str, description: str) -> ManifestCommits:
        commits = []
        for row in text.splitlines():
            if not row or row.startswith("#"):
                continue
            sha, _, rest = row.partition("\t")
            date, _, subject = rest.partition("\t")
            if len(sha) == FULL_SHA_LENGTH and _is_hex(sha):
                commits.append(KnownCommit(sha, date, subject))
        return cls(description, tuple(sorted(commits, key=lambda c: c.sha)))

    def matching(self, prefix: str) -> list[KnownCommit]:
        shas = [c.sha for c in self.commits]
        start = bisect.bisect_left(shas, prefix)
        found = []
        for commit in self.commits[start:]:
            if not commit.sha.startswith(prefix):
                break
            found.append(commit)
        return found


@dataclass(slots=True)
class GitCommits:
    """The commits of a local clone, asked with ``git rev-parse --disambiguate`` and ``git log --no-walk``."""

    path: Path
    git: str
    cache: dict[str, list[KnownCommit]] = field(default_factory=dict)

    @property
    def description(self) -> str:
        return f"the clone {self.path}"

    @classmethod
    def open(cls, path: Path) -> GitCommits:
        """A clone at ``path``; a usage error when git is missing or ``path`` is not a repository."""
        git = shutil.which("git")
        if git is None:
            raise UsageError("--git-dir needs the `git` program, which is not on PATH")
        if not path.is_dir():
            raise UsageError(f"--git-dir: {path}: no such directory")
        source = cls(path, git)
        try:
            source._git("rev-parse", "--git-dir")
        except UsageError as exc:
            raise UsageError(f"--git-dir: {path} is not a git repository ({exc})") from None
        return source

    def matching(self, prefix: str) -> list[KnownCommit]:
        if prefix not in self.cache:
            objects = self._git("rev-parse", f"--disambiguate={prefix}").split()
            self.cache[prefix] = self._commits(objects) if objects else []
        return self.cache[prefix]

    def _commits(self, objects: Iterable[str]) -> list[KnownCommit]:
        """The commits among ``objects`` (which may also name trees and blobs)."""
        listing = self._git("cat-file", "--batch-check=%(objectname) %(objecttype)", stdin="\n".join(objects) + "\n")
        shas = [line.split()[0] for line in listing.splitlines() if line.endswith(" commit")]
        if not shas:
            return []
        log = self._git("log", "--no-walk=unsorted", "--format=%H%x00%aI%x00%s", *shas)
        commits = [KnownCommit(*line.split("\0", 2)) for line in log.splitlines() if line.count("\0") == 2]
        return sorted(commits, key=lambda c: c.sha)

    def _git(self, *args: str, stdin: str | None = None) -> str:
        try:
            done = subprocess.run([self.git, "-C", str(self.path), *args], input=stdin, capture_output=True,
                                  text=True, encoding="utf-8", errors="replace", check=False, timeout=60)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise UsageError(f"--git-dir: cannot run git in {self.path}: {exc}") from None
        if done.returncode != 0:
            raise UsageError(done.stderr.strip() or f"git {args[0]} failed with status {done.returncode}")
        return done.stdout


@dataclass(frozen=True, slots=True)
class CommitIndex:
    """What the commit rules may ask: each repository's commits, or why they cannot be checked."""

    sources: dict[str, CommitSource] = field(default_factory=dict)
    """Where each repository's commits are known, by repository id."""
    unavailable: dict[str, str] = field(default_factory=dict)
    """Repositories that promise a manifest that cannot be read, with the reason."""

    def lookup(self, repo: str, sha: str) -> CommitLookup | None:
        """What is known of ``sha`` in ``repo``; None when nothing can be (no manifest and no clone)."""
        if repo in self.unavailable:
            return CommitLookup(self.unavailable[repo], (), available=False)
        source = self.sources.get(repo)
        if source is None:
            return None
        return CommitLookup(source.description, tuple(source.matching(sha)))


@dataclass(frozen=True, slots=True)
class CommitLookup:
    """The commits an id matched, and where they were looked up (or why they could not be)."""

    where: str
    matches: tuple[KnownCommit, ...]
    available: bool = True


def load_commit_index(kb_dir: Path, repos: dict[str, Repo], git_dirs: dict[str, Path]) -> CommitIndex:
    """Read every repository's manifest, and open the clones given with ``--git-dir`` (which take precedence).

    A clone of a repository that is not in the registry, a missing git or a
    path that is not a repository is a usage error: the command was called
    wrongly. A missing manifest is a problem of the knowledge base, reported
    by the commit rule on each commit it could not check.
    """
    unknown = sorted(set(git_dirs) - set(repos))
    if unknown:
        raise UsageError(f"--git-dir {unknown[0]}=...: no repository `{unknown[0]}` in kb/repos.yaml "
                         f"(known: {', '.join(sorted(repos)) or 'none'})")
    sources: dict[str, CommitSource] = {}
    unavailable: dict[str, str] = {}
    for repo in repos.values():
        if repo.id in git_dirs:
            sources[repo.id] = GitCommits.open(git_dirs[repo.id])
        elif repo.manifest:
            where = f"kb/{repo.manifest}"
            try:
                text = (kb_dir / repo.manifest).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                unavailable[repo.id] = f"its manifest {where} cannot be read ({getattr(exc, 'strerror', None) or exc})"
                continue
            snapshot = f", snapshot {repo.snapshot}" if repo.snapshot else ""
            sources[repo.id] = ManifestCommits.parse(text, f"the manifest {where}{snapshot}")
    return CommitIndex(sources, unavailable)


def _is_hex(text: str) -> bool:
    return all(c in "0123456789abcdef" for c in text)
