"""The upload page's steps for files of other systems: mapping columns, and resolving party names.

The mapping step shows, for every field of the kind, where it comes from: a column of the
file (suggested from headers and values), one value for the whole file, or nothing (a rule
derives it, or the field stays empty). The names step lists the holders, sellers and
enterprises no institution answers to, with a suggestion for each, in an editable table.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_layer.counties import by_adcode
from data_layer.errors import DashboardError
from data_layer.i18n import t
from data_layer.ingest import ImportRejected, Resolution
from data_layer.mapping import Choice, constant_options, propose, to_profile
from data_layer.models import INSTITUTION_KINDS
from data_layer.parties import Unmatched
from data_layer.profiles import Profile
from ui import state
from ui.text import plain

COLUMN, CONSTANT = "column", "constant"
_NONE = ("", "")


def _option_label(option: tuple[str, str], choice: Choice, lang: str) -> str:
    how, value = option
    if how == COLUMN:
        return t("ui.mapping.from_column", lang, header=value)
    if how == CONSTANT:
        return t("ui.mapping.constant", lang, value=value)
    if choice.derived:
        return t("ui.mapping.derived", lang, rule=t(f"ui.mapping.rule.{choice.derived}", lang))
    return t("ui.mapping.unused", lang)


def _options(kind: str, choice: Choice, header: list[str]) -> list[tuple[str, str]]:
    columns = [(COLUMN, h) for h in dict.fromkeys(h for h in header if str(h).strip())]
    constants = [(CONSTANT, v) for v in constant_options(kind, choice.field)]
    return [_NONE, *columns, *constants]


def _default(choice: Choice) -> tuple[str, str]:
    if choice.column:
        return (COLUMN, choice.column)
    if choice.constant:
        return (CONSTANT, choice.constant)
    return _NONE


def needs_mapping(check: state.UploadCheck) -> bool:
    """Whether the page should open the mapping step: fields missing, or columns unrecognized."""
    reasons = {p.reason for p in check.problems}
    blocking = {"column_missing", "column_twice", "profile_column_missing"} & reasons
    return bool(blocking) or ("column_ignored" in reasons and not check.detected.get("profile"))


def mapping_step(
    data: bytes,
    digest: str,
    name: str,
    kind: str,
    sheet: str | None,
    profile: Profile | None,
    user: str,
    lang: str,
) -> Profile | None:
    """The mapping form; returns the profile staff applied (saved if they named it), else None."""
    header, sample = state.mapping_sample(data, digest, name, kind, sheet)
    choices = propose(kind, header, sample, profile)
    st.caption(t("ui.mapping.help", lang))
    with st.form("upload.mapping"):
        picked = {}
        halves = st.columns(2)
        for number, choice in enumerate(choices):
            options = _options(kind, choice, header)
            default = _default(choice)
            label = choice.title + (" *" if choice.required else "")
            if lang == "en":
                label = f"{choice.field} ({choice.title})" + (" *" if choice.required else "")
            picked[choice.field] = halves[number % 2].selectbox(
                label,
                options,
                index=options.index(default) if default in options else 0,
                format_func=lambda o, c=choice: _option_label(o, c, lang),
                key=f"upload.mapping.field.{choice.field}",
                help=t("ui.mapping.suggested_by_values", lang) if choice.suggested_by == "values" else None,
            )
        profile_name = st.text_input(
            t("ui.mapping.save_as", lang), key="upload.mapping.save_as", help=t("ui.mapping.save_help", lang)
        )
        applied = st.form_submit_button(t("ui.mapping.apply", lang), type="primary")
    if not applied:
        return None
    chosen = {field: option for field, option in picked.items() if option != _NONE}
    mapped = to_profile(kind, profile_name.strip() or t("ui.mapping.unsaved", lang), header, chosen)
    if not profile_name.strip():
        return mapped
    try:
        saved = state.save_profile(mapped, user)
    except DashboardError as exc:
        st.error(plain(exc.message(lang)))
        return None
    flash(t("ui.mapping.saved", lang, name=saved.name))
    return saved


# --- unmatched names -------------------------------------------------------------------------

CREATE, EXCLUDE = "create", "exclude"


def _suggestion(u: Unmatched) -> str:
    """New institution when the file places it in the city, else not tracked (a person, outside)."""
    if u.outside or u.suggested_kind == "individual" or not u.suggested_county:
        return EXCLUDE
    return CREATE


def names_step(unmatched: list[Unmatched], user: str, lang: str) -> bool:
    """The names no institution answers to, with a decision each; True once decisions are kept."""
    st.subheader(t("ui.names.title", lang, count=len(unmatched)))
    st.caption(t("ui.names.help", lang))
    actions = {CREATE: t("ui.names.create", lang), EXCLUDE: t("ui.names.exclude", lang)}
    kinds = {code: label for label, code in INSTITUTION_KINDS.items()}
    counties = {code: c.name_zh for code, c in by_adcode().items()}
    cols = {
        k: t(f"ui.names.col.{k}", lang)
        for k in ("name", "rows", "row", "action", "kind", "county", "code", "pick", "same_name")
    }
    frame = pd.DataFrame(
        [
            {
                cols["name"]: u.name,
                cols["rows"]: u.rows,
                cols["row"]: u.first_row,
                cols["pick"]: "",
                cols["action"]: actions[_suggestion(u)],
                cols["kind"]: kinds[u.suggested_kind],
                cols["county"]: counties.get(u.suggested_county or ""),
                cols["code"]: "",
                # Two institutions normalize to this name: staff say which one is meant.
                cols["same_name"]: "；".join(f"{n}（{c}）" for c, n in u.candidates),
            }
            for u in unmatched
        ]
    ).astype({cols["pick"]: "string", cols["code"]: "string"})
    edited = st.data_editor(
        frame,
        hide_index=True,
        num_rows="fixed",
        disabled=[cols["name"], cols["rows"], cols["row"], cols["same_name"]],
        column_config={
            cols["pick"]: st.column_config.TextColumn(help=t("ui.names.pick_help", lang)),
            cols["action"]: st.column_config.SelectboxColumn(options=list(actions.values()), required=True),
            cols["kind"]: st.column_config.SelectboxColumn(options=list(kinds.values())),
            cols["county"]: st.column_config.SelectboxColumn(options=list(counties.values())),
            cols["code"]: st.column_config.TextColumn(help=t("ui.names.code_help", lang)),
        },
        key="upload.names.editor",
    )
    if not st.button(t("ui.names.apply", lang), type="primary", key="upload.names.apply"):
        return False
    action_of = {label: code for code, label in actions.items()}
    kind_of = {label: code for code, label in kinds.items()}
    county_of = {name: code for code, name in counties.items()}
    decisions = []
    for _, row in edited.iterrows():
        pick = "" if pd.isna(row[cols["pick"]]) else str(row[cols["pick"]]).strip()
        code = "" if pd.isna(row[cols["code"]]) else str(row[cols["code"]]).strip()
        if pick:
            decisions.append(Resolution(row[cols["name"]], "pick", pick))
        elif action_of.get(row[cols["action"]]) == EXCLUDE:
            decisions.append(Resolution(row[cols["name"]], "exclude"))
        else:
            kind = kind_of.get(row[cols["kind"]]) if isinstance(row[cols["kind"]], str) else None
            county = county_of.get(row[cols["county"]]) if isinstance(row[cols["county"]], str) else None
            decisions.append(Resolution(row[cols["name"]], "create", code or None, kind, county))
    try:
        created = state.resolve_names(decisions, user)
    except DashboardError as exc:
        st.error(plain(exc.message(lang)))
        return False
    except ImportRejected as exc:
        st.error(
            t(
                "ui.names.create_failed",
                lang,
                reasons=plain("；".join(p.message(lang) for p in exc.problems[:5])),
            )
        )
        return False
    flash(t("ui.names.done", lang, count=len(decisions), created=created.rows_new if created else 0))
    return True


def flash(text: str) -> None:
    """A success message for the next run of the page (the step reruns it at once)."""
    st.session_state.setdefault("upload.flash", []).append(text)


def show_flash() -> None:
    for text in st.session_state.pop("upload.flash", []):
        st.success(plain(text))
