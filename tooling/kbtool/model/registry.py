"""The registries records point into: products (with former names) and repositories."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Product:
    """A product records apply to; ``former_names`` let a reader searching an old name find it."""

    id: str
    name: str
    description: str
    former_names: tuple[str, ...] = ()
    versions: tuple[str, ...] = ()
    repo: str | None = None
    homepage: str | None = None

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Product:
        """Build from registry data; tolerant, since a broken entry still reserves its id."""
        return cls(
            id=data["id"],
            name=str(data.get("name", data["id"])),
            description=str(data.get("description", "")),
            former_names=tuple(str(f.get("name")) for f in data.get("former_names") or [] if isinstance(f, dict)),
            versions=tuple(str(v) for v in data.get("versions") or []),
            repo=data.get("repo"),
            homepage=data.get("homepage"),
        )


@dataclass(frozen=True, slots=True)
class Repo:
    """A repository whose commits records cite; ``manifest`` lists its known commits for offline checks."""

    id: str
    url: str
    commit_url: str | None = None
    manifest: str | None = None
    snapshot: str | None = None

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Repo:
        """Build from registry data; tolerant, since a broken entry still reserves its id."""
        return cls(
            id=data["id"],
            url=str(data.get("url", "")),
            commit_url=data.get("commit_url"),
            manifest=data.get("manifest"),
            snapshot=data.get("snapshot"),
        )

    def commit_link(self, sha: str) -> str:
        template = self.commit_url or self.url.rstrip("/") + "/commit/{sha}"
        return template.replace("{sha}", sha)


@dataclass(frozen=True, slots=True)
class Registries:
    """Products and repositories by id."""

    products: dict[str, Product] = field(default_factory=dict)
    repos: dict[str, Repo] = field(default_factory=dict)
