"""Charts as images: PNG and SVG through Kaleido and Debian's Chromium, offline.

Kaleido 1.x drives a Chrome; this program uses the system's ``/usr/bin/chromium`` (or
``BROWSER_PATH``) and never downloads one. One Kaleido server is started per process on the
first export (about 3 s) and reused (about 0.5 s an image here); renders are serialized by a lock,
since Streamlit sessions export from their own threads.

Offline: the page Kaleido renders in loads plotly.js from the installed plotly package and
MathJax is switched off, so no CDN is ever asked for (``page_scripts`` says which files).

Chinese text: the template's font is Noto Sans CJK SC (Debian's ``fonts-noto-cjk``), which
Chromium finds through fontconfig; without a CJK font every Chinese glyph would be a box.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
from pathlib import Path

import plotly
import plotly.graph_objects as go

DEFAULT_BROWSER = "/usr/bin/chromium"
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
RENDER_TIMEOUT = 60  # seconds for one image

MISSING = "apt-get install chromium fonts-noto-cjk (or set BROWSER_PATH)"

_lock = threading.Lock()
_started = False


class ExportUnavailable(RuntimeError):
    """No Chromium to render with (the message says what to install)."""


def browser_path() -> str | None:
    """The Chromium Kaleido will use: ``BROWSER_PATH``, else Debian's, else one on PATH."""
    configured = os.environ.get("BROWSER_PATH")
    if configured:
        return configured if Path(configured).exists() else None
    if Path(DEFAULT_BROWSER).exists():
        return DEFAULT_BROWSER
    return shutil.which("chromium") or shutil.which("chromium-browser")


def render_page():
    """The page Kaleido renders in: plotly.js from the installed plotly package, no MathJax."""
    import kaleido

    return kaleido.PageGenerator(plotly=str(PLOTLY_JS), mathjax=False)


def page_scripts() -> list[str]:
    """The scripts the render page loads, as Kaleido writes them (tested: local files only)."""
    return re.findall(r'<script src="([^"]+)"', render_page().generate_index())


def _ensure_server() -> None:
    global _started
    if _started:
        return
    path = browser_path()
    if path is None:
        raise ExportUnavailable(
            "no Chromium found: apt-get install chromium fonts-noto-cjk (or set BROWSER_PATH)"
        )
    os.environ["BROWSER_PATH"] = path  # choreographer reads it to find the browser
    import kaleido  # imported late: the app starts without touching a browser

    page = render_page()
    kaleido.start_sync_server(n=1, timeout=RENDER_TIMEOUT, page_generator=page, silence_warnings=True)
    _started = True


def warm_up() -> None:
    """Start the Kaleido server in the background (the briefing page calls this on opening),
    so the first export does not wait for Chromium to start. Does nothing without Chromium."""
    if _started or browser_path() is None:
        return

    def start() -> None:
        with _lock:
            _ensure_server()

    threading.Thread(target=start, name="kaleido-warm-up", daemon=True).start()


def render(fig: go.Figure, fmt: str, width: int, height: int, scale: float = 1) -> bytes:
    """``fig`` as ``fmt`` (png or svg) bytes at ``width`` × ``height`` CSS pixels times ``scale``."""
    import kaleido

    with _lock:
        _ensure_server()
        opts = {"format": fmt, "width": width, "height": height, "scale": scale}
        return kaleido.calc_fig_sync(fig, opts=opts)


def png(fig: go.Figure, width: int = 1600, height: int = 900, scale: float = 2) -> bytes:
    return render(fig, "png", width, height, scale)


def svg(fig: go.Figure, width: int = 1600, height: int = 900) -> bytes:
    return render(fig, "svg", width, height)


def shutdown() -> None:
    """Stop the Kaleido server (scripts call this before exiting, so Chromium's profile folder
    is removed after Chromium has closed, not while it is still writing)."""
    global _started
    with _lock:
        if _started:
            import kaleido

            kaleido.stop_sync_server(silence_warnings=True)
            _started = False
