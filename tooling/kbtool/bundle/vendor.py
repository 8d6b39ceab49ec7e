"""The one third-party file an offline bundle needs: the ``iframe-worker`` shim, pinned by checksum.

From ``file://`` a browser refuses to start Material's search worker;
Material's offline plugin fixes that with the ``iframe-worker`` shim (npm,
MIT, by Material's author), which it would load from unpkg.com at view time.
A bundle must load nothing from the network, so ``kb bundle`` puts the shim
inside the bundle instead. The npm tarball is downloaded once from the npm
registry, checked against the integrity hash pinned here (as a lockfile
would), and kept in the user's cache directory; an air-gapped builder can
place the tarball there by hand.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import tarfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from kbtool.cachedir import cache_dir
from kbtool.errors import KbError


@dataclass(frozen=True, slots=True)
class NpmFile:
    """Files taken from one pinned npm package tarball."""

    package: str
    version: str
    integrity: str
    """npm's ``dist.integrity``: ``sha512-`` and the base64 SHA-512 of the tarball."""
    members: tuple[tuple[str, str], ...]
    """(path inside the tarball, path in the bundle's docs tree)."""

    @property
    def tarball_name(self) -> str:
        return f"{self.package}-{self.version}.tgz"

    @property
    def url(self) -> str:
        return f"https://registry.npmjs.org/{self.package}/-/{self.tarball_name}"


IFRAME_WORKER = NpmFile(
    package="iframe-worker",
    version="1.0.4",
    integrity="sha512-roeaaI+Lg1LJNfgpCjoRe/+WzEjy9+Z08LoEvu85MCPbBjwm+qXz8Ag5U05lHa6V1CysZyGzE0SOkAtSUA5q7Q==",
    members=(("package/shim/index.js", "assets/vendor/iframe-worker/shim.js"),
             ("package/LICENSE", "assets/vendor/iframe-worker/LICENSE.txt")),
)
#: Where pages load the shim from; Material's offline plugin adds unpkg.com only when no
#: polyfill path contains "iframe-worker".
SHIM_PATH = IFRAME_WORKER.members[0][1]


def _matches(data: bytes, integrity: str) -> bool:
    algorithm, _, expected = integrity.partition("-")
    return base64.b64encode(hashlib.new(algorithm, data).digest()).decode("ascii") == expected


def _download(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 (a fixed https URL)
        data: bytes = response.read()
        return data


def tarball(spec: NpmFile, cache: Path | None = None) -> bytes:
    """The package tarball, from the cache or downloaded into it; a ``KbError`` when it cannot be had intact."""
    where = (cache or cache_dir()) / spec.tarball_name
    if where.is_file():
        data = where.read_bytes()
        if _matches(data, spec.integrity):
            return data
        raise KbError(f"{where}: does not match the pinned checksum of {spec.package} {spec.version}; "
                      "delete it to download it again")
    try:
        data = _download(spec.url)
    except (urllib.error.URLError, OSError) as exc:
        raise KbError(f"cannot download {spec.package} {spec.version}, which the offline bundle needs, "
                      f"from {spec.url}: {exc}. On a machine without access to the npm registry, "
                      f"download that file elsewhere and put it at {where}") from None
    if not _matches(data, spec.integrity):
        raise KbError(f"{spec.url}: the download does not match the pinned checksum; nothing was kept")
    where.parent.mkdir(parents=True, exist_ok=True)
    partial = where.with_name(where.name + ".part")
    partial.write_bytes(data)
    os.replace(partial, where)
    return data


def vendored_files(spec: NpmFile = IFRAME_WORKER, cache: Path | None = None) -> dict[str, str]:
    """The files to add to each language's docs tree (docs path → text)."""
    data = tarball(spec, cache)
    files: dict[str, str] = {}
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        for member, target in spec.members:
            extracted = archive.extractfile(member)
            if extracted is None:
                raise KbError(f"{spec.tarball_name}: {member} is missing from the package")
            files[target] = extracted.read().decode("utf-8")
    return files
