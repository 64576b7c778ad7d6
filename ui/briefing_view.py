"""The briefing page's state, slides and layout pieces (Streamlit lives here, SQL does not).

Everything a presenter chooses is in the URL, so the projector's browser can be reloaded, or
the link sent ahead, and come back to the same slide of the same deck on the same data:
``?deck=<name>`` (absent: the default deck), ``?snapshot=<id>`` (absent: live data),
``?present=1`` (full screen) and ``?slide=<n>`` (1-based), beside the shared filters.
"""

from __future__ import annotations

import datetime as dt
import functools

import pandas as pd
import streamlit as st

from data_layer import decks, snapshots, trends
from data_layer.db import Database
from data_layer.i18n import t

from . import chart_images, deck_file, slides, state
from .filters import Filters, county_label, period_label
from .theme import separator

DECK, SNAPSHOT, PRESENT, SLIDE = "deck", "snapshot", "present", "slide"


# --- data: live or frozen ------------------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def _snapshot_database(path: str) -> Database:
    """One read-only Database per snapshot file, shared by every session (like the live one).

    Its queries are cached like the live data's (``state.cached(..., db=)``): by its own path,
    at a generation that never changes."""
    return Database(path, read_only=True)


def chosen_snapshot() -> snapshots.Snapshot | None:
    """The snapshot the URL names; a missing or malformed one is dropped from the URL (with a notice)."""
    wanted = st.query_params.get(SNAPSHOT)
    if not wanted:
        return None
    try:
        return snapshots.find(state.settings().snapshots, wanted)
    except snapshots.SnapshotNotFound:
        del st.query_params[SNAPSHOT]
        st.session_state["briefing.snapshot_gone"] = wanted
        return None


def source_database(snapshot: snapshots.Snapshot | None) -> Database:
    return _snapshot_database(str(snapshot.path)) if snapshot else state.database()


def freeze() -> None:
    """Copy the live data into a new snapshot and show the deck on it."""
    settings = state.settings()
    taken = snapshots.freeze(state.database(), settings.snapshots, keep=settings.snapshots_kept)
    st.query_params[SNAPSHOT] = taken.id


def choose_snapshot(key: str) -> None:
    """The data version chosen in the widget ``key``: a snapshot id, or "" for live data."""
    if st.session_state[key]:
        st.query_params[SNAPSHOT] = st.session_state[key]
    else:
        st.query_params.pop(SNAPSHOT, None)


def available_snapshots() -> list[snapshots.Snapshot]:
    return snapshots.list_snapshots(state.settings().snapshots)


def frozen_text(snapshot: snapshots.Snapshot | None, lang: str) -> str | None:
    if snapshot is None:
        return None
    return t("ui.briefing.frozen_at", lang, time=snapshot.taken_at.strftime("%Y-%m-%d %H:%M"))


# --- slides ------------------------------------------------------------------------------------------


def data_as_of(db: Database) -> dt.date | None:
    """数据截至 of ``db`` (the live data or a snapshot)."""
    return state.cached(trends.data_as_of, db=db)


def slide(db: Database, slide_id: str, chosen: Filters) -> slides.Slide:
    """One slide on ``db`` for the filters, cached until the data changes (a snapshot never does)."""
    return state.cached(slides.build, chosen.scope, slide_id, chosen.lang, data_as_of(db), db=db)


# --- decks -------------------------------------------------------------------------------------------


def current_deck() -> tuple[str, list[str], list[str]]:
    """(name, slide ids, ids no longer known) of the URL's deck; "" is the default deck."""
    name = st.query_params.get(DECK, "")
    found = next((d for d in state.cached(decks.saved_decks) if d.name == name), None)
    if found is None:
        if name:
            del st.query_params[DECK]
        return "", list(slides.default_deck()), []
    every = slides.catalogue()
    return name, [s for s in found.slides if s in every], [s for s in found.slides if s not in every]


def deck_label(name: str, lang: str) -> str:
    return name or t("ui.briefing.default_deck", lang)


def choose_deck(key: str) -> None:
    name = st.session_state[key]
    st.query_params[DECK] = name
    if not name:
        del st.query_params[DECK]
    st.query_params.pop(SLIDE, None)


def editor_frame(deck: list[str], lang: str) -> pd.DataFrame:
    """Every catalogue slide: its place in ``deck`` (blank when left out) and its name."""
    order = {slide_id: index + 1 for index, slide_id in enumerate(deck)}
    every = slides.catalogue()
    frame = pd.DataFrame(
        {
            "order": [order.get(s) for s in every],
            "name": [slides.slide_name(s, lang) for s in every],
            "shown": [s in order for s in every],
        },
        index=pd.Index(every, name="id"),
    )
    return frame.sort_values("order", na_position="last")


def edited_deck(frame: pd.DataFrame) -> list[str]:
    """The slide ids an edited frame keeps, by their order number (ties keep catalogue order)."""
    kept = frame[frame["shown"].fillna(False).astype(bool)]
    every = slides.catalogue()
    ranked = kept.assign(rank=[every.index(s) for s in kept.index])
    return list(ranked.sort_values(["order", "rank"], na_position="last").index)


# --- presenting ------------------------------------------------------------------------------------


def presenting() -> bool:
    return st.query_params.get(PRESENT) == "1"


def slide_number(total: int) -> int:
    """The URL's slide, 1-based, kept within the deck."""
    try:
        number = int(st.query_params.get(SLIDE, "1"))
    except ValueError:
        number = 1
    return min(max(number, 1), max(total, 1))


def go_to(number: int) -> None:
    st.query_params[SLIDE] = str(number)


def start() -> None:
    st.query_params[PRESENT] = "1"
    st.query_params[SLIDE] = "1"


def stop() -> None:
    st.query_params.pop(PRESENT, None)


# Full screen: the sidebar, the top bar and the page's padding go; the chart takes the height
# the title, message and footer leave (so it fits 1920×1080 and 1280×720 alike).
PRESENT_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stExpandSidebarButton"] {
  display: none !important;
}
.block-container, [data-testid="stMainBlockContainer"] {
  padding: 1.2rem 2.5rem 0.6rem 2.5rem !important; max-width: 100% !important;
}
.st-key-briefing-slide h1 { font-size: clamp(1.8rem, 2.6vw, 3rem) !important; padding: 0 !important; }
.st-key-briefing-message p {
  font-size: clamp(1.25rem, 1.8vw, 2.1rem) !important; font-weight: 600; color: #0072B2; line-height: 1.35;
}
.st-key-briefing-footer p { font-size: clamp(0.85rem, 0.95vw, 1.1rem) !important; color: #444444; }
.st-key-briefing-counter p {
  font-size: clamp(1rem, 1.2vw, 1.4rem) !important; text-align: right; color: #444444;
}
.st-key-briefing-pageup, .st-key-briefing-pagedown { display: none !important; }
[data-testid="stLayoutWrapper"]:has(> .st-key-briefing-chart), .st-key-briefing-chart {
  height: calc(100vh - 13.5rem - 8vh) !important; flex: 0 0 calc(100vh - 13.5rem - 8vh) !important;
  max-height: none !important; min-height: 300px; overflow: hidden;
}
.st-key-briefing-chart-phone { display: none !important; }
@media (max-width: 640px) {
  .block-container, [data-testid="stMainBlockContainer"] { padding: 0.8rem 0.6rem 0.4rem 0.6rem !important; }
  [data-testid="stLayoutWrapper"]:has(> .st-key-briefing-chart), .st-key-briefing-chart {
    display: none !important;
  }
  .st-key-briefing-chart-phone { display: block !important; }
}
</style>
"""


# The set-up page's preview: the page's drawing, or on a phone the phone's.
PREVIEW_CSS = """
<style>
.st-key-briefing-preview-phone { display: none !important; }
@media (max-width: 640px) {
  .st-key-briefing-preview-wide { display: none !important; }
  .st-key-briefing-preview-phone { display: block !important; }
}
</style>
"""


# --- exports -------------------------------------------------------------------------------------------


def deck_info(chosen: Filters, db: Database, snapshot, deck_name: str) -> deck_file.DeckInfo:
    lang = chosen.lang
    date = data_as_of(db)
    return deck_file.DeckInfo(
        title=t("ui.briefing.deck.title", lang, deck=deck_label(deck_name, lang)),
        scope=scope_text(chosen),
        data_as_of=t("ui.data_as_of", lang, date=date.isoformat() if date else "—"),
        frozen=frozen_text(snapshot, lang),
        lang=lang,
        made_on=state.today(),
    )


def scope_text(chosen: Filters) -> str:
    lang, scope = chosen.lang, chosen.scope
    parts = [
        t(
            "ui.briefing.scope",
            lang,
            county=county_label(scope.division or "", lang),
            as_of=period_label(chosen.period, lang),
        )
    ]
    if scope.inst_kind:
        parts.append(t(f"ui.inst_kind.{scope.inst_kind}", lang))
    if scope.patent_type:
        parts.append(t(f"ui.patent_type.{scope.patent_type}", lang))
    return separator(lang).join(parts)


def pptx_bytes(db: Database, deck: list[str], chosen: Filters, snapshot, deck_name: str) -> bytes:
    """The deck as a PowerPoint file; built when the download button is clicked."""
    built = [slide(db, s, chosen) for s in deck]
    return deck_file.build_pptx(built, deck_info(chosen, db, snapshot, deck_name))


def chart_png(fig) -> bytes:
    return chart_images.png(slides.presented(fig, font_size=20, keep_title=True), 1600, 900, 2)


def chart_svg(fig) -> bytes:
    return chart_images.svg(slides.presented(fig, font_size=20, keep_title=True), 1600, 900)


def image_downloads(content: slides.Slide, lang: str, key: str) -> None:
    """PNG and SVG of one chart, with its title and subtitle, built on click."""
    left, right = st.columns(2)
    left.download_button(
        t("ui.briefing.png", lang),
        functools.partial(chart_png, content.figure),
        f"{content.id}.png",
        mime="image/png",
        key=f"{key}.png",
        icon=":material/image:",
    )
    right.download_button(
        t("ui.briefing.svg", lang),
        functools.partial(chart_svg, content.figure),
        f"{content.id}.svg",
        mime="image/svg+xml",
        key=f"{key}.svg",
        icon=":material/polyline:",
    )
