"""What page generation needs to know about the whole site, as plain values."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from urllib.parse import quote

from kbtool.i18n.files import Translation
from kbtool.model.record import Record
from kbtool.model.registry import Registries
from kbtool.render.languages import LANGUAGES, SiteLanguage
from kbtool.render.links import SECTION_ANCHORS, LinkTargets, html_path


@dataclass(frozen=True, slots=True)
class SiteSettings:
    """Site options read from ``extra.kb`` in ``mkdocs.yml`` (see that file for their meaning).

    Not MkDocs's own ``repo_url``: setting that makes Material show a
    repository widget that calls the GitHub API, a third-party request.
    """

    repo_url: str | None = None
    edit_url: str = "{repo_url}/edit/main/{path}"
    report_url: str = "{repo_url}/issues/new?title={title}"

    def edit_link(self, record: Record) -> str | None:
        """Where to edit a record's YAML source (None when no repository is configured)."""
        if not self.repo_url:
            return None
        return self.edit_url.format(repo_url=self.repo_url.rstrip("/"), path=f"kb/records/{record.id}.yaml")

    def report_link(self, record: Record, lang: str) -> str | None:
        """Where to report a problem with a record, with a prefilled title."""
        if not self.repo_url:
            return None
        title = quote(f"Problem with record {record.id} ({lang})")
        return self.report_url.format(repo_url=self.repo_url.rstrip("/"), title=title, id=record.id, lang=lang)


@dataclass(frozen=True, slots=True)
class Site:
    """The records and registries one build publishes, and where their text may link."""

    records: dict[str, Record]
    registries: Registries
    settings: SiteSettings = field(default_factory=SiteSettings)
    languages: tuple[SiteLanguage, ...] = LANGUAGES
    """The languages built this time: the language switcher offers only these."""
    translations: dict[tuple[str, str], Translation] = field(default_factory=dict)
    """Record translations by (language, record id)."""
    links: LinkTargets = field(init=False, repr=False, compare=False)
    """Where record text may link: every record's anchors, worked out once (every page asks)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "links",
                           LinkTargets({rid: frozenset(record_anchors(r)) for rid, r in self.records.items()}))

    def sorted_records(self) -> list[Record]:
        """Records in reading order: by title, then id."""
        return sorted(self.records.values(), key=lambda r: (r.title.casefold(), r.id))


def record_anchors(record: Record) -> list[str]:
    """The anchors links may name on a record's page: its sections, causes, solutions and their verify parts.

    Optional sections have a heading (and so an anchor) only when the record
    has that content; ``kb lint`` (KB103) and the renderer both ask here, so
    what lint accepts is what the build accepts.
    """
    optional = {"symptoms": record.symptoms, "related": record.related, "commits": record.commits,
                "corrections": record.source_claims}
    sections = [anchor for anchor in SECTION_ANCHORS if optional.get(anchor, True)]
    return (sections + [c.id for c in record.causes] + [s.id for s in record.solutions]
            + [f"{s.id}-verify" for s in record.solutions if s.verify])


@dataclass(frozen=True, slots=True)
class Alternate:
    """The same page in another language, as a link relative to the current page."""

    lang: str
    hreflang: str
    name: str
    link: str
    current: bool

    def as_meta(self) -> dict[str, object]:
        return {"lang": self.lang, "hreflang": self.hreflang, "name": self.name,
                "link": self.link, "current": self.current}


def alternates(page: str, current: SiteLanguage, languages: tuple[SiteLanguage, ...] = LANGUAGES) -> list[Alternate]:
    """Relative links from ``page`` in ``current`` to the same page in every language (itself included).

    Computed here rather than by Material's switcher, which fetches
    ``sitemap.xml`` and so fails from ``file://``.
    """
    here = current.prefix + html_path(page)
    result = []
    for other in languages:
        there = other.prefix + html_path(page)
        link = posixpath.relpath(there, posixpath.dirname(here) or ".")
        result.append(Alternate(other.code, other.hreflang, other.name, link, other.code == current.code))
    return result
