"""axe-core for the accessibility tests: ``axe.min.js`` from the npm registry, pinned and checked.

The script (650 kB) is not committed: the first run downloads the package's tarball from
the npm registry, checks its sha256 and keeps ``axe.min.js`` in ``tests/artifacts/axe-core/``
(ignored by git), also checked by sha256 every time it is used. Offline, put the file there
by hand (``npm pack axe-core@VERSION`` and take ``package/axe.min.js`` from the tarball).
Without it a test is skipped saying so, and fails under ``CI=true`` (as ``tests/browser.py``
does for a missing Chromium).
"""

from __future__ import annotations

import hashlib
import io
import os
import tarfile
import urllib.request

import pytest

from .browser import ARTIFACTS

VERSION = "4.14.1"
TARBALL = f"https://registry.npmjs.org/axe-core/-/axe-core-{VERSION}.tgz"
TARBALL_SHA256 = "e6b0ce02b84d892e2e33e403485e7f3d6c29e2be6df65daf44d89ba564139745"
SCRIPT_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"
CACHE = ARTIFACTS / "axe-core" / VERSION / "axe.min.js"

# The rules run: WCAG 2.0 and 2.1, levels A and AA (axe's own tags).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = ("serious", "critical")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _download() -> bytes:
    with urllib.request.urlopen(TARBALL, timeout=60) as response:
        tarball = response.read()
    if _sha256(tarball) != TARBALL_SHA256:
        raise RuntimeError(f"{TARBALL} does not have the pinned sha256 {TARBALL_SHA256}")
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        member = archive.extractfile("package/axe.min.js")
        assert member is not None
        return member.read()


def axe_script() -> str:
    """The text of ``axe.min.js`` at ``VERSION``: from the cache, else downloaded and cached.

    Skips (fails under ``CI=true``) with what to do when it can be neither read nor fetched."""
    if not CACHE.exists():
        try:
            script = _download()
        except (OSError, RuntimeError) as exc:
            message = (
                f"accessibility tests need axe-core {VERSION}: could not fetch {TARBALL} ({exc}); "
                f"put package/axe.min.js of that tarball at {CACHE}"
            )
            if os.environ.get("CI") == "true":
                pytest.fail(message)
            pytest.skip(message)
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        CACHE.write_bytes(script)
    script = CACHE.read_bytes()
    if _sha256(script) != SCRIPT_SHA256:
        pytest.fail(f"{CACHE} is not axe-core {VERSION}'s axe.min.js (sha256 differs); delete it")
    return script.decode("utf-8")


def run_axe(page, exclude: list[str] | None = None) -> dict:
    """Inject axe into ``page`` (already rendered) and run the WCAG 2.1 A/AA rules; the results.

    ``exclude``: CSS selectors axe leaves out (each caller says why)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_script())
    context = {"exclude": [[s] for s in exclude]} if exclude else None
    return page.evaluate(
        """([context, tags]) => axe.run(context || document,
               {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})""",
        [context, WCAG_TAGS],
    )


def blocking(results: dict) -> list[str]:
    """Each serious or critical violation as one line: rule, impact, help, the first targets."""
    lines = []
    for violation in results["violations"]:
        if violation["impact"] not in BLOCKING:
            continue
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:3]]
        more = len(violation["nodes"]) - len(targets)
        lines.append(
            f"{violation['id']} ({violation['impact']}, {len(violation['nodes'])} nodes): "
            f"{violation['help']} -- {'; '.join(targets)}{f' (+{more} more)' if more > 0 else ''}"
        )
    return lines
