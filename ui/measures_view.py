"""The measures page's layout helpers (Streamlit lives here, SQL does not)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_layer.i18n import t
from data_layer.measure_progress import MeasureProgress, MeasuresPage
from data_layer.measures import areas, by_number, measures
from ui.text import plain

from . import chart_text, filters, measures_charts, state
from .theme import format_number, status_badge, status_text, unit_label

AREA_NUMERALS = "一二三四五六七八九十"
PICK_KEY = "measures.pick"
PARAM = "measure"


# --- names ------------------------------------------------------------------------------------


def measure_name(number: int, lang: str) -> str:
    measure = by_number()[number]
    return measure.name_en if lang == "en" else measure.name_zh


def row_label(number: int, lang: str) -> str:
    """The grid's row label: number and a keyword of the measure's name."""
    measure = by_number()[number]
    return f"{number} {measure.short_en if lang == 'en' else measure.short_zh}"


def area_heading(number: int, lang: str) -> str:
    area = areas()[number - 1]
    name = area.name_en if lang == "en" else area.name_zh
    # 任务一、任务二…: the plan numbers its areas in words.
    label = str(number) if lang == "en" else AREA_NUMERALS[number - 1]
    return t("ui.measures.area_heading", lang, label=label, name=name)


def measure_heading(number: int, lang: str) -> str:
    return t("ui.measures.measure_heading", lang, number=number, name=measure_name(number, lang))


def status_label(status: str, lang: str) -> str:
    return status_text(status, lang)


# --- the chosen measure, kept in the URL ------------------------------------------------------


def chosen_measure() -> int | None:
    """The measure named by ``?measure=``, None when absent or not one of the twelve."""
    value = st.query_params.get(PARAM, "")
    return int(value) if value.isdigit() and int(value) in by_number() else None


def _choose(number: int | None) -> None:
    if number:
        st.query_params[PARAM] = str(number)
    else:
        st.query_params.pop(PARAM, None)
    st.session_state[PICK_KEY] = number or 0


def _on_pick() -> None:
    _choose(st.session_state[PICK_KEY] or None)


def _on_grid_select(key: str) -> None:
    event = st.session_state.get(key)
    points = event.selection.points if event else []
    for point in points:
        data = point.get("customdata")
        number = data[0] if isinstance(data, list) else data
        if number is not None:
            _choose(int(number))
            return


def back_button(lang: str) -> None:
    st.button(t("ui.measures.back", lang), key="measures.back", on_click=_choose, args=(None,), icon="↩")


def measure_picker(lang: str) -> None:
    """A selectbox bound to ``?measure=``: "all" or one of the twelve."""
    wanted = chosen_measure() or 0
    if st.session_state.get(PICK_KEY) != wanted:
        st.session_state[PICK_KEY] = wanted
    st.selectbox(
        t("ui.measures.pick", lang),
        [0, *by_number()],
        key=PICK_KEY,
        on_change=_on_pick,
        format_func=lambda n: t("ui.measures.pick.all", lang) if n == 0 else f"{n} {measure_name(n, lang)}",
    )


def status_grid(data: MeasuresPage, lang: str, date: str) -> None:
    """The measure × quarter grid; clicking a cell opens that measure."""
    quarters = data.quarters
    fig = state.figure(
        measures_charts.status_grid,
        data.grid,
        rows={n: row_label(n, lang) for n in by_number()},
        names={n: f"{n} {measure_name(n, lang)}" for n in by_number()},
        area_breaks=[min(m.number for m in measures() if m.area == a.number) for a in areas()],
        lang=lang,
        title=t("ui.measures.heatmap.title", lang),
        subtitle_text=measures_charts.subtitle(
            t("ui.measures.chart.period", lang, start=quarters[0], end=quarters[-1]),
            t("ui.measures.source.reported", lang),
            date,
            lang,
        ),
        deadlines=list(data.deadlines),
    )
    # A new key per chosen measure starts the chart with no selection, so the same cell can
    # be clicked again after going back.
    key = f"measures.grid.{chosen_measure() or 'all'}"
    chart_text.show(
        st, fig, lang, theme=None, key=key, on_select=lambda: _on_grid_select(key), selection_mode="points"
    )


# --- one measure -------------------------------------------------------------------------------


def measure_block(data: MeasuresPage, number: int, chosen: filters.Filters, date: str, key: str) -> None:
    """Status badge, departments, latest notes, indicator charts and computed figures of a measure."""
    lang, measure = chosen.lang, data.measure(number)
    if measure.status:
        st.badge(
            t("ui.measures.badge", lang, quarter=measure.quarter, status=status_label(measure.status, lang)),
            color=status_badge(measure.status),
        )
    if measure.latest.empty:
        st.caption(t("ui.measures.no_indicators", lang))
    else:
        st.caption(t("ui.measures.departments", lang, names=plain(measure.departments)))
        for row in measure.latest.itertuples():
            if isinstance(row.note, str):
                st.caption(
                    t(
                        "ui.measures.note",
                        lang,
                        indicator=plain(row.indicator),
                        quarter=row.note_quarter,
                        note=plain(row.note),
                    )
                )
            else:
                st.caption(t("ui.measures.note_none", lang, indicator=plain(row.indicator)))
        _indicator_charts(data, measure, lang, date, key)
    _computed(measure, chosen, key)


def _indicator_charts(data: MeasuresPage, measure: MeasureProgress, lang: str, date: str, key: str) -> None:
    quarters = list(data.quarters)
    columns = st.columns(2)
    for index, indicator in enumerate(measure.indicators):
        fig = state.figure(
            measures_charts.indicator_chart,
            indicator.rows,
            quarters=quarters,
            lang=lang,
            title=indicator.name,
            subtitle_text=measures_charts.subtitle(
                t("ui.measures.chart.period", lang, start=quarters[0], end=quarters[-1]),
                t("ui.measures.source.department", lang, department=indicator.department),
                date,
                lang,
            ),
            deadlines=list(data.deadlines),
        )
        chart_key = f"{key}.chart.{measure.number}.{index}"
        chart_text.show(columns[index % 2], fig, lang, theme=None, key=chart_key)


def figure_value(value: float | None, unit: str, lang: str) -> str:
    """A computed figure as the page shows it (thousands separators, one decimal for rates)."""
    return format_number(None if value is None or pd.isna(value) else float(value), unit, lang)


def _computed(measure: MeasureProgress, chosen: filters.Filters, key: str) -> None:
    lang, scope, figures = chosen.lang, chosen.scope, measure.computed
    st.markdown(f"**{t('ui.measures.computed', lang)}**")
    if figures.empty:
        st.caption(t("ui.measures.computed_none", lang))
        return
    st.caption(
        t(
            "ui.measures.computed_scope",
            lang,
            as_of=scope.as_of.isoformat(),
            county=filters.county_label(scope.division or "", lang),
            patent_type=filters.patent_type_label(scope.patent_type or "", lang),
        )
    )
    columns = st.columns(2)
    for index, row in enumerate(figures.itertuples()):
        notes = []
        if row.since is not None and not pd.isna(row.since):
            notes.append(t("ui.measures.since", lang, since=pd.Timestamp(row.since).date().isoformat()))
        if row.unit == "%" and not pd.isna(row.whole):
            notes.append(
                t(
                    "ui.kpi.rate_counts",
                    lang,
                    valid=f"{int(row.whole):,}",
                    industrialized=f"{int(row.part):,}",
                )
            )
        if scope.patent_type and not row.patent_type_applied:
            notes.append(t("ui.measures.not_by_type", lang))
        with columns[index % 2]:
            st.metric(
                t(f"ui.measures.fig.{row.figure}", lang),
                figure_value(row.value, row.unit, lang),
                help=t(f"ui.measures.fig.{row.figure}.help", lang),
            )
            for note in notes:
                st.caption(note)


# --- tables ------------------------------------------------------------------------------------


def indicator_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Indicator rows with the column names and status labels the reader's language uses."""
    columns = [
        "measure",
        "indicator",
        "quarter",
        "unit",
        "value",
        "expected",
        "target",
        "status",
        "department",
        "note",
    ]
    shown = frame[columns].copy()
    shown["expected"] = shown["expected"].round(2)
    shown["status"] = [status_label(s, lang) for s in shown["status"]]
    shown["unit"] = [unit_label(u, lang) for u in shown["unit"]]
    shown["note"] = shown["note"].fillna("")
    return shown.rename(columns={c: t(f"ui.measures.col.{c}", lang) for c in columns})


def grid_table(grid: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The grid as a wide table: one row per measure, one column per quarter, status labels."""
    wide = grid.pivot(index="measure", columns="quarter", values="status").map(
        lambda s: status_label(s, lang)
    )
    wide.insert(0, t("ui.measures.col.name", lang), [measure_name(n, lang) for n in wide.index])
    return wide.reset_index().rename(columns={"measure": t("ui.measures.col.measure", lang)})
