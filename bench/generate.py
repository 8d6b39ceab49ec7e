"""Synthetic knowledge bases of N realistic records, with ja, fr and zh translations.

Each record looks like the real ones in ``kb/records/``: error strings
(signatures with examples and counter-examples, unique to the record so no
signature matches another record's example), symptoms, causes, several
solutions whose steps run ``openclaw`` commands that exist in every CLI tree
of ``kb/cli/openclaw/``, a config snippet, ``kb:`` links to other generated
records and their anchors, ``related`` records (always both ways), commits
from ``kb/commits/``, sources, a checked claim and verification notes. Every
record is translated into each target language; the stored hashes are
computed with the tool's own ``kbtool.i18n.units``, so every translation is
current.

The real registries (``kb/products.yaml``, ``kb/repos.yaml``, ``kb/commits``,
``kb/cli``, ``kb/schema``), the site configuration (``mkdocs.yml``,
``overrides/``) and the interface catalogs (``i18n/ui``) are copied, so
``kb validate``, ``kb lint`` and ``kb build`` run on the result as they do on
the real knowledge base. Output is deterministic: the same size and seed give
the same bytes, and record ``i`` is the same record whatever the size (links
point to nearby records), so a page can be compared across sizes.

    python -m bench.generate OUT_DIR --records 1000 [--seed 8]
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kbtool.i18n.files import HEADER
from kbtool.i18n.units import record_units
from kbtool.model.record import Record

REPO = Path(__file__).resolve().parent.parent
LANGUAGES = ("ja", "fr", "zh")
DEFAULT_SEED = 8

#: Copied as they are: what `kb` reads besides records and translations.
SHARED_FILES = ("kb/products.yaml", "kb/repos.yaml", "mkdocs.yml")
SHARED_DIRS = ("kb/schema", "kb/commits", "kb/cli", "overrides", "i18n/ui")

RECORD_HEADER = "# yaml-language-server: $schema=../schema/record.schema.json\n"

COMPONENTS = ("gateway", "control-ui", "cli", "device", "channel", "sandbox", "worker", "webhook", "relay", "agent")
FAULTS = ("handshake rejected", "session expired", "credential refused", "scope denied", "nonce replayed",
          "origin blocked", "pairing stale", "signature invalid", "protocol skewed", "quota exceeded")
CLIENTS = ("disconnected (1008)", "gateway closed (1008)", "gateway connect failed: Error")
TAGS = ("gateway", "auth", "token", "config", "docker", "upgrade", "control-ui", "cli", "pairing", "network")

#: Solution templates: (id, title, steps). Each step is (text, command or None). Every command and
#: option exists in every OpenClaw version of ``kb/cli/openclaw`` (2026.2.3, 2026.6.35, 2026.9.6).
SOLUTIONS: tuple[tuple[str, str, tuple[tuple[str, str | None], ...]], ...] = (
    ("restart-gateway", "Restart the gateway and read its log", (
        ("Restart the gateway service so it reads the current configuration.", "openclaw gateway restart"),
        ("Follow the log while a client reconnects and look for the `{code}` line.", "openclaw logs --follow"),
    )),
    ("run-doctor", "Let the doctor repair the configuration", (
        ("Run the doctor; it reports the `{code}` check and what it would change.", "openclaw doctor"),
        ("Apply the repairs it proposes.", "openclaw doctor --fix"),
    )),
    ("re-pair-device", "Approve the device again", (
        ("List the paired devices and find the one that fails with `{code}`.", "openclaw devices list"),
        ("Approve its pending request: `<request-id>` is the id in the list.", "openclaw devices approve <request-id>"),
    )),
    ("check-token", "Give the client the gateway's token", (
        ("Open the Control UI with the current credentials.", "openclaw dashboard"),
        ("Probe the gateway with the token you use; the output names `{code}` if it is still wrong.",
         "openclaw gateway status --url ws://127.0.0.1:18789 --token <your-token>"),
    )),
    ("probe-channels", "Check the channels that use the gateway", (
        ("Probe every channel's credentials.", "openclaw channels status --probe"),
        ("Read the gateway's view of the same connection.", "openclaw gateway status"),
    )),
)

CONFIG_SNIPPET = """{
  gateway: {
    auth: { mode: "token", token: "<your-token>" },
  },
}
"""

#: How each language marks its synthetic translation; the rest of the text (code spans, links,
#: placeholders) is kept as the source has it, as the KB5xx rules require.
TRANSLATION_PREFIX = {"ja": "（合成訳）", "fr": "Traduction synthétique : ", "zh": "（合成译文）"}


@dataclass(frozen=True, slots=True)
class Plan:
    """What record ``index`` is made of; depends only on the seed and the index, never on the size."""

    index: int
    component: str
    fault: str
    solutions: tuple[int, ...]
    tags: tuple[str, ...]

    @property
    def number(self) -> str:
        return f"{self.index:05d}"

    @property
    def code(self) -> str:
        return f"SYN-{self.number}"

    @property
    def id(self) -> str:
        return f"synthetic-{self.component}-{self.fault.replace(' ', '-')}-{self.number}"

    @property
    def solution_ids(self) -> list[str]:
        return [SOLUTIONS[i][0] for i in self.solutions]


def plan(seed: int, index: int) -> Plan:
    rng = random.Random(seed * 1_000_003 + index)
    return Plan(index, rng.choice(COMPONENTS), rng.choice(FAULTS),
                tuple(sorted(rng.sample(range(len(SOLUTIONS)), 3))), tuple(sorted(rng.sample(TAGS, 4))))


def partner(index: int, count: int) -> int | None:
    """The record listed in ``related`` (both ways): records pair up, 0 with 1, 2 with 3..."""
    other = index ^ 1
    return other if other < count else None


def link_target(index: int, count: int) -> int | None:
    """A nearby record that record ``index`` links to in its text (the same for every size that has it)."""
    for other in (index + 3, index - 3, index + 1, index - 1):
        if 0 <= other < count and other != index:
            return other
    return None


def example_line(p: Plan, client: str) -> str:
    return f"{client}: unauthorized: {p.fault} ({p.code})"


def record_data(seed: int, index: int, count: int, commits: list[tuple[str, str, str]]) -> dict[str, Any]:
    """The record as the data its YAML file holds."""
    p = plan(seed, index)
    rng = random.Random(seed * 7_919 + index)
    neighbour = plan(seed, index + 1 if index + 1 < count else max(index - 1, 0))
    other = plan(seed, (index + 2) % max(count, 1))
    code_word = f"{p.component.upper().replace('-', '_')}_{p.number}_REJECTED"
    signatures = [
        {"regex": rf"unauthorized: {p.fault} \({p.code}\)",
         "examples": [example_line(p, client) for client in CLIENTS[:2]],
         "counter_examples": [example_line(neighbour, CLIENTS[0]) if neighbour.index != index
                              else f"{CLIENTS[0]}: unauthorized: {p.fault}"]},
        {"text": f"reason={code_word}", "level": "warning",
         "examples": [f"[ws] closed before connect conn={uuid.UUID(int=rng.getrandbits(128), version=4)} "
                      f"remote=127.0.0.1 code=1008 "
                      f"reason={code_word}"],
         "counter_examples": [f"[ws] closed conn=1 reason={code_word.removesuffix('_REJECTED')}_ACCEPTED"]},
        {"regex": rf"\b{code_word.lower()}\b", "level": "generic",
         "examples": [f"{p.component}.{code_word.lower()}"],
         "counter_examples": [f"{p.component}.{code_word.lower()}_retry"]},
    ]
    causes = [
        {"id": "stale-credential", "title": f"The {p.component} holds a stale credential",
         "text": f"The {p.component} kept a credential from before the last restart, so the gateway answers "
                 f"`{example_line(p, CLIENTS[1])}`. A config copied from an old tutorial has the same effect."},
        {"id": "wrong-setting", "title": f"A setting the {p.component} reads is wrong",
         "text": f"`gateway.auth.token` and the value the {p.component} sends differ; the gateway reports "
                 f"`{p.code}` for every attempt."},
    ]
    target = link_target(index, count)
    if target is not None:
        t = plan(seed, target)
        causes[1]["text"] += (f" The same mismatch on another component is described in "
                              f"[{t.code}](kb:{t.id}#{t.solution_ids[0]}).")
    solutions = []
    for n, which in enumerate(p.solutions):
        sid, title, steps = SOLUTIONS[which]
        solution: dict[str, Any] = {
            "id": sid, "title": title, "causes": [causes[n % 2]["id"]],
            "steps": [{"text": text.format(code=p.code), **({"run": run} if run else {})} for text, run in steps],
            "verify": [{"text": f"The `{p.code}` line no longer appears and the client connects.",
                        "run": "openclaw gateway status"}],
        }
        if n == 0:
            solution["steps"].append({"text": "Keep the token in one place, under `gateway.auth`.",
                                      "file": "~/.openclaw/openclaw.json", "format": "json5",
                                      "code": CONFIG_SNIPPET})
        solutions.append(solution)
    sha, date, subject = commits[index % len(commits)]
    data: dict[str, Any] = {
        "id": p.id,
        "lang": "en",
        "title": f"unauthorized: {p.fault} ({p.code})",
        "summary": f"The gateway refused the {p.component} with `{p.code}` because {p.fault}. Restart the "
                   f"gateway, check `gateway.auth.token` and approve the device again if needed.",
        "products": ["openclaw"],
        "applies_to": {"openclaw": ">=2026.2.3"},
        "close_code": 1008,
        "tags": list(p.tags),
        "signatures": signatures,
        "symptoms": [
            f"The {p.component} connects, then the Control UI shows `{example_line(p, CLIENTS[0])}`.",
            f"CLI commands such as `openclaw devices list` fail with `{example_line(p, CLIENTS[1])}`.",
        ],
        "causes": causes,
        "solutions": solutions,
    }
    mate = partner(index, count)
    if mate is not None:
        data["related"] = [plan(seed, mate).id]
    data["commits"] = [{"repo": "cloudflare/moltworker", "sha": sha, "subject": subject, "date": date,
                        "note": f"The template change that the {p.component} fix depends on."}]
    issue = 20_000 + index
    data["sources"] = [
        {"id": "openclaw-docs-troubleshooting",
         "url": "https://github.com/openclaw/docs/blob/c0a8fa9ab2ea1170063db4f78cb4c4e1e9de02bb/docs/gateway/"
                "troubleshooting.md",
         "title": "OpenClaw docs: Gateway troubleshooting", "lang": "en", "date": "2026-08-22", "kind": "docs"},
        {"id": f"openclaw-issue-{issue}", "url": f"https://github.com/openclaw/openclaw/issues/{issue}",
         "title": f"[Bug]: {p.component} fails with {p.code}", "lang": "en", "date": "2026-03-14",
         "kind": "issue"},
    ]
    data["source_claims"] = [
        {"source": f"openclaw-issue-{issue}", "claim": f"Reinstalling the {p.component} clears `{p.code}`.",
         "verdict": "partly-true",
         "fact": f"A reinstall restarts the gateway, which is what clears `{p.code}`; `openclaw gateway restart` "
                 f"does the same without reinstalling."},
    ]
    data["verification"] = {
        "checked": "2026-11-21",
        "verified": [f"The close reason `{p.code}` and its hint, in the 2026.9.6 build.",
                     "Every `openclaw` command against the CLI trees of the versions it applies to."],
        "unverified": [f"Whether `{other.code}` and `{p.code}` can occur together."],
    }
    data["updated"] = "2026-11-21"
    return data


#: libyaml's emitter: the pure-Python one would make generating 10,000 records take minutes.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=110)


def record_text(data: dict[str, Any]) -> str:
    return RECORD_HEADER + _yaml(data)


def translation_texts(data: dict[str, Any], languages: tuple[str, ...]) -> dict[str, str]:
    """A translation file per language translating every field, all current: each hash is the one
    ``kbtool.i18n.units`` computes, laid out as ``kbtool.i18n.files`` writes translation files."""
    record = Record.from_data(data)
    units = record_units(record)
    texts = {}
    for lang in languages:
        fields = {unit.key: {"hash": unit.hash, "text": TRANSLATION_PREFIX[lang] + unit.text} for unit in units}
        texts[lang] = HEADER.format(record=record.id) + _yaml({"record": record.id, "lang": lang, "fields": fields})
    return texts


_LONG_HEX = re.compile(r"[0-9a-f]{20,}")


def read_commits(root: Path) -> list[tuple[str, str, str]]:
    """(sha, author date, subject) of every commit in the manifests, oldest first."""
    commits: list[tuple[str, str, str]] = []
    for manifest in sorted((root / "kb" / "commits").glob("*.tsv")):
        for line in manifest.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                sha, date, subject = line.split("\t", 2)
                if not _LONG_HEX.search(subject):  # "deploy: <sha>" subjects look like secrets to KB401
                    commits.append((sha, date[:10], subject))
    return commits[::-1]


def generate(out: Path, count: int, seed: int = DEFAULT_SEED, languages: tuple[str, ...] = LANGUAGES) -> Path:
    """Write a knowledge base of ``count`` records into ``out`` (which must not exist) and return it."""
    if out.exists():
        raise SystemExit(f"error: {out} already exists; choose a new directory")
    for name in SHARED_DIRS:
        shutil.copytree(REPO / name, out / name)
    for name in SHARED_FILES:
        shutil.copy(REPO / name, out / name)
    records = out / "kb" / "records"
    records.mkdir()
    for lang in languages:
        (out / "i18n" / lang).mkdir(parents=True)
    commits = read_commits(REPO)
    for index in range(count):
        data = record_data(seed, index, count, commits)
        (records / f"{data['id']}.yaml").write_text(record_text(data), encoding="utf-8")
        for lang, text in translation_texts(data, languages).items():
            (out / "i18n" / lang / f"{data['id']}.yaml").write_text(text, encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="directory to create")
    parser.add_argument("--records", type=int, default=100, help="number of records (default 100)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    generate(args.out, args.records, args.seed)
    print(f"{args.records} records with {', '.join(LANGUAGES)} translations written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
