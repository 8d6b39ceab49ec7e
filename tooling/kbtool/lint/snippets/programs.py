"""What programs other than ``openclaw`` accept, and how wrappers hand over to the program they run.

The table covers every program the records use and the ones troubleshooting
steps commonly need. For a program with subcommands (``git``, ``docker``,
``wrangler`` ...) it lists them; the check only asks "is this subcommand
real?", because a step that runs ``git pul`` or ``wrangler secrets put``
fails. Options are listed only where a wrapper must skip them to find the
program or service it starts (``docker compose run --rm -e X=1 openclaw-cli``),
and where an option before the subcommand takes a value (``git -C dir pull``).

Versions followed: git 2.47, Docker CLI 27 with Compose v2.29, npm 10,
Wrangler 3/4, OpenSSL 3, systemd 252, launchd (macOS 14), Tailscale 1.76.
Subcommands are the union over those versions; aliases are listed too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from kbtool.lint.snippets.shell import Command, Word


@dataclass(frozen=True, slots=True)
class Program:
    """A program, or a subcommand that has subcommands of its own."""

    subcommands: Mapping[str, Program | None] = field(default_factory=dict)
    """Accepted words after the options, each with its own table (or ``None`` when its arguments are free)."""
    value_options: frozenset[str] = frozenset()
    """Options written before the subcommand that take the next word as their value."""


def _words(text: str) -> dict[str, Program | None]:
    return {word: None for word in text.split()}


_GIT = Program(
    subcommands=_words(
        "add am annotate apply archive bisect blame branch bugreport bundle cat-file check-attr check-ignore "
        "check-mailmap check-ref-format checkout checkout-index cherry cherry-pick citool clean clone column "
        "commit commit-graph commit-tree config count-objects credential describe diff diff-files diff-index "
        "diff-tree difftool fast-export fast-import fetch fetch-pack filter-branch fmt-merge-msg for-each-ref "
        "for-each-repo format-patch fsck gc get-tar-commit-id grep gui hash-object help init instaweb "
        "interpret-trailers log ls-files ls-remote ls-tree mailinfo mailsplit maintenance merge merge-base "
        "merge-file merge-index merge-tree mergetool mktag mktree mv name-rev notes pack-objects pack-refs "
        "prune prune-packed pull push range-diff read-tree rebase reflog remote repack replace request-pull "
        "rerere reset restore rev-list rev-parse revert rm send-email shortlog show show-branch show-index "
        "show-ref sparse-checkout stash status stripspace submodule switch symbolic-ref tag unpack-file "
        "unpack-objects update-index update-ref update-server-info var verify-commit verify-pack verify-tag "
        "version whatchanged worktree write-tree lfs"
    ),
    value_options=frozenset({"-C", "-c", "--git-dir", "--work-tree", "--namespace", "--exec-path"}),
)

_COMPOSE = Program(
    subcommands=_words(
        "attach build commit config cp create down events exec export images kill logs ls pause port ps pull "
        "push restart rm run scale start stats stop top unpause up version volumes wait watch alpha bridge "
        "publish viz"
    ),
    value_options=frozenset({"-f", "--file", "-p", "--project-name", "--project-directory", "--profile",
                             "--env-file", "--ansi", "--parallel", "--progress"}),
)


def _group(text: str) -> Program:
    return Program(subcommands=_words(text))


_DOCKER = Program(
    subcommands={
        **_words(
            "attach build commit cp create diff events exec export history images import info init inspect "
            "kill load login logout logs pause port ps pull push rename restart rm rmi run save search start "
            "stats stop tag top unpause update version wait debug scout sbom"
        ),
        "compose": _COMPOSE,
        "builder": _group("build du prune"),
        "buildx": _group("bake build create debug du imagetools inspect ls prune rm stop use version history"),
        "container": _group("attach commit cp create diff exec export inspect kill logs ls list ps pause port "
                            "prune rename restart rm run start stats stop top unpause update wait"),
        "context": _group("create export import inspect ls list rm show update use"),
        "image": _group("build history import inspect load ls list prune pull push rm save tag"),
        "manifest": _group("annotate create inspect push rm"),
        "network": _group("connect create disconnect inspect ls list prune rm"),
        "plugin": _group("create disable enable inspect install ls list push rm set upgrade"),
        "system": _group("df events info prune"),
        "volume": _group("create inspect ls list prune rm update"),
        "secret": _group("create inspect ls rm"),
        "config": _group("create inspect ls rm"),
        "node": _group("demote inspect ls promote ps rm update"),
        "service": _group("create inspect logs ls ps rm rollback scale update"),
        "stack": _group("config deploy ls ps rm services"),
        "swarm": _group("ca init join join-token leave unlock unlock-key update"),
        "trust": _group("inspect revoke sign key signer"),
    },
    value_options=frozenset({"-c", "--context", "-H", "--host", "-l", "--log-level", "--config",
                             "--tlscacert", "--tlscert", "--tlskey"}),
)

_NPM = Program(
    subcommands=_words(
        "access adduser audit bugs cache ci completion config dedupe deprecate diff dist-tag docs doctor edit "
        "exec explain explore find-dupes fund get help help-search hook init install install-ci-test "
        "install-test link ll login logout ls org outdated owner pack ping pkg prefix profile prune publish "
        "query rebuild repo restart root run run-script sbom search set shrinkwrap star stars start stop team "
        "test token undeprecate uninstall unpublish unstar update version view whoami "
        "i in ins inst insta instal isnt isnta isntal isntall add it cit clean-install clean-install-test "
        "c la list r rm un unlink remove t tst up upgrade udpate x v info show author ddp"
    ),
    value_options=frozenset({"--prefix", "-C", "--workspace", "-w", "--userconfig", "--cache", "--registry"}),
)

_WRANGLER = Program(
    subcommands={
        **_words(
            "docs init generate dev deploy publish deployments rollback versions triggers delete tail "
            "types login logout whoami setup complete check telemetry build"
        ),
        "secret": _group("put delete list bulk"),
        "kv": _group("namespace key bulk"),
        "r2": _group("bucket object sql"),
        "d1": _group("list info insights create delete execute export time-travel migrations"),
        "queues": _group("list create update delete info consumer pause-delivery resume-delivery purge subscription"),
        "pages": _group("dev functions project deployment deploy publish secret download"),
        "containers": _group("build push images info list delete ssh"),
        "vectorize": None, "hyperdrive": None, "workflows": None, "pipelines": None,
        "cloudchamber": None, "dispatch-namespace": None, "ai": None, "mtls-certificate": None,
        "cert": None, "secrets-store": None, "workers": None,
    },
    value_options=frozenset({"-c", "--config", "-e", "--env", "--cwd", "--env-file"}),
)

_OPENSSL = Program(subcommands=_words(
    "asn1parse base64 ca ciphers cmp cms crl crl2pkcs7 dgst dhparam dsa dsaparam ec ecparam enc engine errstr "
    "fipsinstall gendsa genpkey genrsa help info kdf list mac md5 nseq ocsp passwd pkcs12 pkcs7 pkcs8 pkey "
    "pkeyparam pkeyutl prime rand rehash req rsa rsautl s_client s_server s_time sess_id sha1 sha256 sha512 "
    "smime speed spkac srp storeutl ts verify version x509"
))

_SYSTEMCTL = Program(
    subcommands=_words(
        "start stop restart reload try-restart reload-or-restart try-reload-or-restart status show cat enable "
        "disable reenable is-active is-enabled is-failed is-system-running list-units list-unit-files "
        "list-timers list-sockets list-jobs list-dependencies list-machines daemon-reload daemon-reexec mask "
        "unmask edit kill clean freeze thaw reset-failed isolate set-environment unset-environment "
        "import-environment show-environment link revert preset preset-all set-property bind mount-image "
        "help add-wants add-requires get-default set-default default rescue emergency halt poweroff reboot "
        "kexec exit suspend hibernate hybrid-sleep suspend-then-hibernate switch-root log-level log-target "
        "service-log-level service-log-target cancel whoami"
    ),
    value_options=frozenset({"-H", "--host", "-M", "--machine", "-t", "--type", "-p", "--property",
                             "-n", "--lines", "-o", "--output", "--state", "--signal", "-s", "--root"}),
)

_LAUNCHCTL = Program(subcommands=_words(
    "bootstrap bootout enable disable uncache kickstart attach debug kill blame print print-cache "
    "print-disabled plist procinfo hostinfo resolveport limit runstats examine config dumpstate dumpjpcategory "
    "reboot bootshell load unload remove list start stop setenv unsetenv getenv bsexec asuser submit "
    "managerpid manageruid managername error variant version help"
))

_TAILSCALE = Program(subcommands=_words(
    "up down set login logout switch configure syspolicy netcheck ip dns status metrics ping nc ssh funnel "
    "serve version web file bugreport cert lock licenses exit-node update whois drive completion debug"
))

#: Programs whose first non-option word must be one of their subcommands.
PROGRAMS: Mapping[str, Program] = {
    "git": _GIT,
    "docker": _DOCKER,
    "docker-compose": _COMPOSE,
    "npm": _NPM,
    "wrangler": _WRANGLER,
    "openssl": _OPENSSL,
    "systemctl": _SYSTEMCTL,
    "launchctl": _LAUNCHCTL,
    "tailscale": _TAILSCALE,
}

#: Options of wrappers and of ``docker``/``compose`` subcommands that take the next word as their value.
_SUDO_VALUES = frozenset({"-u", "--user", "-g", "--group", "-C", "--close-from", "-D", "--chdir", "-h", "--host",
                          "-p", "--prompt", "-U", "--other-user", "-r", "--role", "-t", "--type", "-T",
                          "--command-timeout"})
_ENV_VALUES = frozenset({"-u", "--unset", "-C", "--chdir", "-S", "--split-string"})
_NPX_VALUES = frozenset({"-p", "--package", "-c", "--call", "-w", "--workspace"})
_COMPOSE_RUN_VALUES = frozenset({"-e", "--env", "--env-from-file", "-l", "--label", "--name", "-p", "--publish",
                                 "-u", "--user", "-v", "--volume", "-w", "--workdir", "--entrypoint", "--pull",
                                 "--cap-add", "--cap-drop"})
_COMPOSE_EXEC_VALUES = frozenset({"-e", "--env", "-u", "--user", "-w", "--workdir", "--index"})
_DOCKER_EXEC_VALUES = frozenset({"-e", "--env", "--env-file", "-u", "--user", "-w", "--workdir", "--detach-keys"})
_DOCKER_RUN_VALUES = frozenset({
    "-e", "--env", "--env-file", "-p", "--publish", "-v", "--volume", "--name", "-u", "--user", "-w", "--workdir",
    "--network", "--net", "--entrypoint", "--mount", "-l", "--label", "--restart", "--platform", "--pull",
    "--add-host", "--cap-add", "--cap-drop", "--device", "--dns", "-h", "--hostname", "--log-driver", "--log-opt",
    "-m", "--memory", "--cpus", "--ulimit", "--tmpfs", "--gpus", "--health-cmd", "--stop-signal", "--shm-size",
})

#: Services of the official docker-compose.yml whose entrypoint is the openclaw CLI (`node dist/index.js`).
OPENCLAW_SERVICES = frozenset({"openclaw-cli"})
_WRAPPERS = {"sudo": _SUDO_VALUES, "doas": frozenset({"-u", "-C"}), "env": _ENV_VALUES, "nohup": frozenset(),
             "exec": frozenset({"-a"}), "command": frozenset(), "time": frozenset(), "nice": frozenset({"-n"})}
_ASSIGNMENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")
_PACKAGE_VERSION = re.compile(r"^(@?[^@]+)@.*$")


@dataclass(frozen=True, slots=True)
class Invocation:
    """A program started by a command, directly or through wrappers: ``openclaw`` in ``sudo openclaw ...``."""

    program: str
    name: Word
    """The word that names the program (the service name for ``docker compose run openclaw-cli``)."""
    args: tuple[Word, ...]


def invocations(command: Command) -> list[Invocation]:
    """The program a command starts, then every program started through it, outermost first."""
    return _resolve(command.words)


def _resolve(words: tuple[Word, ...]) -> list[Invocation]:
    if not words or not words[0].literal:
        return []
    first = words[0]
    name = first.text.rsplit("/", 1)[-1] if first.text.startswith(("/", "./", "~/")) else first.text
    found = [Invocation(name, first, words[1:])]
    rest = words[1:]
    if name in _WRAPPERS:
        index = _skip_options(rest, _WRAPPERS[name], stop_at_assignment=name == "env")
        while name == "env" and index < len(rest) and _ASSIGNMENT.match(rest[index].text):
            index += 1
        found += _resolve(rest[index:])
    elif name in ("npx", "bunx") or (name == "pnpm" and rest[:1] and rest[0].text in ("dlx", "exec")):
        start = 1 if name == "pnpm" else 0
        index = start + _skip_options(rest[start:], _NPX_VALUES)
        if index < len(rest):
            package = rest[index]
            match = _PACKAGE_VERSION.match(package.text)
            program = Word(match.group(1) if match else package.text, package.start, package.end, package.literal)
            found += _resolve((program, *rest[index + 1:]))
    elif name == "node" and rest[:1] and rest[0].text in ("dist/index.js", "openclaw.mjs"):
        found.append(Invocation("openclaw", rest[0], rest[1:]))
    elif name in ("docker", "docker-compose"):
        found += _docker(name, rest)
    return found


def _docker(name: str, rest: tuple[Word, ...]) -> list[Invocation]:
    if name == "docker":
        index = _skip_options(rest, _DOCKER.value_options)
        if index >= len(rest):
            return []
        verb = rest[index].text
        if verb in ("exec", "run"):
            values = _DOCKER_EXEC_VALUES if verb == "exec" else _DOCKER_RUN_VALUES
            after = rest[index + 1:]
            target = _skip_options(after, values)
            return _resolve(after[target + 1:])
        if verb != "compose":
            return []
        rest = rest[index + 1:]
    index = _skip_options(rest, _COMPOSE.value_options)
    if index >= len(rest) or rest[index].text not in ("run", "exec"):
        return []
    values = _COMPOSE_RUN_VALUES if rest[index].text == "run" else _COMPOSE_EXEC_VALUES
    after = rest[index + 1:]
    service = _skip_options(after, values)
    if service >= len(after):
        return []
    if after[service].text in OPENCLAW_SERVICES:
        return [Invocation("openclaw", after[service], after[service + 1:])]
    return _resolve(after[service + 1:])


def _skip_options(words: tuple[Word, ...], values: frozenset[str], *, stop_at_assignment: bool = False) -> int:
    """Index of the first word after the leading options (and the values of those in ``values``)."""
    index = 0
    while index < len(words):
        text = words[index].text
        if text == "--":
            return index + 1
        if not text.startswith("-") or text == "-" or (stop_at_assignment and _ASSIGNMENT.match(text)):
            return index
        index += 2 if text in values else 1
    return index


def unknown_subcommand(invocation: Invocation) -> tuple[Word, str, tuple[str, ...]] | None:
    """The first word that is not a subcommand of a program in :data:`PROGRAMS`.

    Returns the word, the command path it was looked up under (``docker
    compose``) and the accepted words, or ``None`` when all is known.
    """
    program = PROGRAMS.get(invocation.program)
    path = invocation.program
    words = invocation.args
    while program is not None:
        index = _skip_options(words, program.value_options)
        if index >= len(words) or not words[index].literal:
            return None
        word = words[index]
        if word.text not in program.subcommands:
            return word, path, tuple(sorted(program.subcommands))
        path = f"{path} {word.text}"
        program = program.subcommands[word.text]
        words = words[index + 1:]
    return None
