"""Briefing mode (汇报模式): the deck's charts one per screen in large type, and the deck as PPTX.

Set-up view: choose the deck and the data (live, or frozen before the meeting), preview a
slide, download the deck or one chart, and (staff) reorder, trim and save the deck by name.
Presenting (``?present=1``): one slide per screen, nothing else on it; arrow keys, PageUp and
PageDown (a presenter's clicker) move, Esc leaves.
"""

from __future__ import annotations

import functools

import streamlit as st

from data_layer.decks import DeckRefused, delete_deck, save_deck, saved_decks
from data_layer.i18n import t
from ui import auth, chart_images, chart_text, filters, slides, state
from ui import briefing_view as view
from ui.text import plain
from ui.theme import separator

settings = state.settings()
chosen = filters.read()
lang = chosen.lang
snapshot = view.chosen_snapshot()
db = view.source_database(snapshot)
deck_name, deck, missing = view.current_deck()
data_as_of = view.data_as_of(db)
freshness = t("ui.data_as_of", lang, date=data_as_of.isoformat() if data_as_of else "—")
frozen = view.frozen_text(snapshot, lang)


def present() -> None:
    st.html(view.PRESENT_CSS)
    total = len(deck)
    number = view.slide_number(total)
    content = view.slide(db, deck[number - 1], chosen)
    with st.container(key="briefing-slide"):
        head, counter = st.columns([8, 1], vertical_alignment="bottom")
        head.title(plain(content.title), anchor=False)
        counter.container(key="briefing-counter").markdown(f"{number} / {total}")
        st.container(key="briefing-message").markdown(plain(content.message))
        # The height is a placeholder: PRESENT_CSS sizes the box to the screen, and the chart
        # stretches to fill it.
        with st.container(key="briefing-chart", height=500, border=False):
            chart_text.show(
                st,
                slides.presented(content.figure),
                lang,
                theme=None,
                height="stretch",
                key=f"briefing.chart.{number}",
                config={"displayModeBar": False, "responsive": True},
            )
        # A phone gets its own drawing of the slide (PRESENT_CSS shows one of the two by width).
        with st.container(key="briefing-chart-phone", border=False):
            chart_text.show(
                st,
                slides.on_phone(content.figure),
                lang,
                theme=None,
                key=f"briefing.phone_chart.{number}",
                config={"displayModeBar": False, "responsive": True},
            )
        footer = [
            content.period,
            t("ui.briefing.deck.source_of", lang, source=content.source),
            freshness,
            frozen,
        ]
        st.container(key="briefing-footer").markdown(plain(separator(lang).join(p for p in footer if p)))
    back, forward, _, leave = st.columns([1, 1, 4, 1])
    back.button(
        t("ui.briefing.previous", lang),
        key="briefing.previous",
        shortcut="Left",
        disabled=number == 1,
        on_click=view.go_to,
        args=(number - 1,),
    )
    forward.button(
        t("ui.briefing.next", lang),
        key="briefing.next",
        shortcut="Right",
        disabled=number == total,
        on_click=view.go_to,
        args=(number + 1,),
    )
    leave.button(t("ui.briefing.leave", lang), key="briefing.leave", shortcut="Esc", on_click=view.stop)
    # A presenter's clicker sends PageUp / PageDown: the same moves, on buttons kept out of sight.
    st.button(
        t("ui.briefing.previous", lang),
        key="briefing-pageup",
        shortcut="PageUp",
        on_click=view.go_to,
        args=(max(number - 1, 1),),
    )
    st.button(
        t("ui.briefing.next", lang),
        key="briefing-pagedown",
        shortcut="PageDown",
        on_click=view.go_to,
        args=(min(number + 1, total),),
    )


def data_choice() -> None:
    """Live data, or a snapshot frozen earlier; freezing makes a new one and uses it."""
    taken = view.available_snapshots()
    options = ["", *(s.id for s in taken)]
    labels = {s.id: view.frozen_text(s, lang) for s in taken}
    labels[""] = t("ui.briefing.live", lang)
    current = snapshot.id if snapshot else ""

    st.session_state["briefing.data"] = current  # the URL decides (freezing changes it)
    st.selectbox(
        t("ui.briefing.data", lang),
        options,
        format_func=labels.get,
        key="briefing.data",
        on_change=view.choose_snapshot,
        args=("briefing.data",),
        help=t("ui.briefing.data_help", lang),
    )
    # Freezing copies the whole database: staff only, so a visitor cannot fill the disk or
    # push a presenter's snapshot out.
    if auth.current_staff(state.settings().session_minutes) and st.button(
        t("ui.briefing.freeze", lang), key="briefing.freeze", icon=":material/ac_unit:"
    ):
        with st.spinner(t("ui.briefing.freezing", lang)):  # a copy of the whole database
            view.freeze()
        st.rerun()


def deck_choice() -> None:
    names = ["", *(d.name for d in state.cached(saved_decks))]
    st.session_state["briefing.deck"] = deck_name
    st.selectbox(
        t("ui.briefing.deck", lang),
        names,
        format_func=lambda n: view.deck_label(n, lang),
        key="briefing.deck",
        on_change=view.choose_deck,
        args=("briefing.deck",),
    )


def deck_editor(user) -> None:
    """Staff reorder and trim the deck and save it by name."""
    st.subheader(t("ui.briefing.edit_heading", lang))
    if user is None:
        st.caption(t("ui.briefing.login_to_save", lang))
        return
    edited = st.data_editor(
        view.editor_frame(deck, lang),
        column_config={
            "order": st.column_config.NumberColumn(t("ui.briefing.col.order", lang), min_value=1, step=1),
            "name": st.column_config.TextColumn(t("ui.briefing.col.slide", lang), disabled=True),
            "shown": st.column_config.CheckboxColumn(t("ui.briefing.col.shown", lang)),
        },
        hide_index=True,
        key=f"briefing.editor.{deck_name}",
    )
    name = st.text_input(t("ui.briefing.deck_name", lang), value=deck_name, max_chars=40, key="briefing.name")
    save, remove = st.columns(2)
    if save.button(t("ui.briefing.save", lang), key="briefing.save", type="primary"):
        try:
            saved = save_deck(
                state.database(),
                name,
                view.edited_deck(edited),
                user=user.username,
                known=set(slides.catalogue()),
            )
        except DeckRefused as exc:
            st.error(t(f"ui.briefing.refused.{exc.code}", lang))
        else:
            st.query_params[view.DECK] = saved.name
            st.rerun()
    if deck_name and remove.button(t("ui.briefing.delete", lang, name=deck_name), key="briefing.delete"):
        delete_deck(state.database(), deck_name)
        st.query_params.pop(view.DECK, None)
        st.rerun()


def set_up() -> None:
    chart_images.warm_up()  # Chromium starts while the presenter chooses; the export is then quick
    can_export = chart_images.browser_path() is not None
    user = auth.current_staff(settings.session_minutes)
    # What to install is for staff; a leader reads only that exports are not available here.
    unavailable = (
        t("ui.briefing.export_unavailable", lang, detail=chart_images.MISSING)
        if user
        else t("ui.briefing.export_off", lang)
    )
    st.title(t("ui.briefing.title", lang))
    st.caption(separator(lang).join(p for p in (view.scope_text(chosen), freshness, frozen) if p))
    if gone := st.session_state.pop("briefing.snapshot_gone", None):
        st.warning(t("ui.briefing.snapshot_gone", lang, id=gone))
    if missing:
        st.warning(t("ui.briefing.missing_slides", lang, ids=t("ui.slides.list_sep", lang).join(missing)))
    left, right = st.columns(2)
    with left:
        deck_choice()
    with right:
        data_choice()
    start, export = st.columns(2)
    start.button(
        t("ui.briefing.start", lang),
        key="briefing.start",
        type="primary",
        on_click=view.start,
        icon=":material/slideshow:",
    )
    export.download_button(
        t("ui.briefing.pptx", lang),
        functools.partial(view.pptx_bytes, db, deck, chosen, snapshot, deck_name),
        t(
            "ui.briefing.pptx_file",
            lang,
            deck=view.deck_label(deck_name, lang),
            date=chosen.scope.as_of.isoformat(),
        ),
        mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
        key="briefing.pptx",
        icon=":material/download:",
        disabled=not can_export,
        help=None if can_export else unavailable,
    )
    st.caption(t("ui.briefing.keys_hint", lang))

    st.subheader(t("ui.briefing.slides_heading", lang, n=len(deck)))
    built = [view.slide(db, s, chosen) for s in deck]
    st.dataframe(
        {
            t("ui.briefing.col.number", lang): list(range(1, len(built) + 1)),
            t("ui.briefing.col.slide", lang): [s.title for s in built],
            t("ui.briefing.col.message", lang): [s.message for s in built],
        },
        hide_index=True,
        height=38 + 35 * len(built),  # every slide in view, no inner scrolling
        key="briefing.list",
    )
    preview = st.selectbox(
        t("ui.briefing.preview", lang),
        range(len(built)),
        format_func=lambda i: f"{i + 1}. {built[i].title}",
        key="briefing.preview",
    )
    content = built[preview]
    # As presenting does, a phone gets its own drawing (view.PREVIEW_CSS shows one by width).
    st.html(view.PREVIEW_CSS)
    with st.container(key="briefing-preview-wide"):
        chart_text.show(st, content.figure, lang, theme=None, key=f"briefing.preview_chart.{content.id}")
    with st.container(key="briefing-preview-phone"):
        phone = slides.on_phone(content.figure, keep_title=True)
        chart_text.show(st, phone, lang, theme=None, key=f"briefing.preview_phone.{content.id}")
    if can_export:
        view.image_downloads(content, lang, f"briefing.image.{content.id}")
    else:
        st.warning(unavailable)
    deck_editor(user)


if data_as_of is None:
    st.title(t("ui.briefing.title", lang))
    st.info(t("ui.no_data_yet", lang))
elif view.presenting():
    present()
else:
    set_up()
