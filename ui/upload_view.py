"""How the upload page shows a check: progress, what was detected, the counts, every problem,
and the table in which staff fix a few cells in place."""

from __future__ import annotations

import hashlib
from functools import partial

import pandas as pd
import streamlit as st

from data_layer.corrections import MAX_EDIT_ROWS, cells_at
from data_layer.derive import Derived
from data_layer.export import to_xlsx_bytes
from data_layer.i18n import reason, t
from data_layer.models import KINDS
from data_layer.problems import ImportResult, Problem
from data_layer.profiles import Profile, builtin_profiles
from data_layer.validate import Progress


def progress_bar(lang: str) -> tuple[Progress, st.delta_generator.DeltaGenerator]:
    """A progress bar naming the stage (reading, checking, loading), and its placeholder."""
    slot = st.empty()

    def report(stage: str, done: float) -> None:
        done = min(max(done, 0.0), 1.0)
        slot.progress(done, text=t(f"ui.upload.stage.{stage}", lang, pct=round(done * 100)))

    return report, slot


def problems_frame(problems: list[Problem], lang: str) -> pd.DataFrame:
    """File, row (as Excel shows it), column, value and reason of each problem, in ``lang``."""
    columns = [t(f"ui.problem.{c}", lang) for c in ("severity", "file", "row", "column", "value", "reason")]
    rows = [
        [t(f"ui.problem.{p.severity}", lang), p.file, p.row, p.column, p.value, p.message(lang)]
        for p in problems
    ]
    return pd.DataFrame(rows, columns=columns)


def show_problems(problems: list[Problem], lang: str) -> None:
    errors = sum(1 for p in problems if p.severity == "error")
    st.error(t("ui.upload.rejected", lang, errors=errors))
    frame = problems_frame(problems, lang)
    st.dataframe(frame, hide_index=True, key="upload.problems")
    st.download_button(
        t("ui.upload.error_report", lang),
        partial(to_xlsx_bytes, frame),
        "errors.xlsx",
        key="upload.error_report",
    )


def show_detected(detected: dict, kind: str, lang: str) -> None:
    """Encoding, sheet, header row, rows, and each column's field and unit, before loading."""
    if not detected:
        return
    st.subheader(t("ui.upload.detected", lang))
    st.caption(
        t(
            "ui.upload.detected_line",
            lang,
            encoding=detected.get("encoding") or "—",
            sheet=detected.get("sheet") or "—",
            header_line=detected.get("header_line"),
            rows=f"{detected.get('rows') or 0:,}",
        )
    )
    if detected.get("dropped_total_line"):
        st.caption(t("ui.upload.total_dropped", lang, line=detected["dropped_total_line"]))
    if detected.get("profile"):
        st.info(t("ui.upload.recognized", lang, source=profile_label(detected["profile"], lang)))
    if detected.get("constants"):
        pairs = "、".join(f"{fields_title(kind, f, lang)} = {v}" for f, v in detected["constants"].items())
        st.caption(t("ui.upload.constants", lang, pairs=pairs))
    if detected.get("unused"):
        st.caption(t("ui.upload.unused", lang, columns="、".join(detected["unused"])))
    fields = KINDS[kind].model_fields
    units = detected.get("units", {})
    mapping = pd.DataFrame(
        [
            (
                header,
                fields[name].title if lang == "zh" else name,
                t(f"ui.upload.unit_{units[name]}", lang) if name in units else "",
            )
            for name, header in detected.get("columns", {}).items()
        ],
        columns=[t("ui.upload.header_in_file", lang), t("ui.upload.field", lang), t("ui.upload.unit", lang)],
    )
    st.dataframe(mapping, hide_index=True, key="upload.mapping")


def fields_title(kind: str, field: str, lang: str) -> str:
    """A field as the page names it: its Chinese header, or its English name."""
    return KINDS[kind].model_fields[field].title if lang == "zh" else field


def profile_label(name: str, lang: str) -> str:
    """A built-in source's label (识别为：incoPat 导出), or a saved profile's name."""
    found = next((p for p in builtin_profiles() if p.name == name), None)
    return found.label(lang) if found else name


def show_derived(derived: list[Derived], kind: str, lang: str) -> None:
    """What the import derived from other columns, and what it assumed (as warnings)."""
    if not derived:
        return
    frame = pd.DataFrame(
        [
            (
                fields_title(kind, d.field, lang),
                reason(f"derived_{d.rule}", lang, d.rows),
                t("ui.upload.assumed" if d.assumed else "ui.upload.derived_rule", lang),
            )
            for d in derived
        ],
        columns=[t("ui.upload.field", lang), t("ui.upload.how", lang), t("ui.upload.derived_kind", lang)],
    )
    st.subheader(t("ui.upload.derived", lang))
    st.dataframe(frame, hide_index=True, key="upload.derived")


def mapping_in_use(original: tuple[str, str]) -> Profile | None:
    """The column mapping staff applied to this upload in this session, if any."""
    kept = st.session_state.get("upload.profile")
    return kept["profile"] if kept and kept["of"] == original else None


def keep_mapping(original: tuple[str, str], profile: Profile) -> None:
    st.session_state["upload.profile"] = {"of": original, "profile": profile}


def show_counts(result: ImportResult, lang: str) -> None:
    new, replaced, same = st.columns(3)
    new.metric(t("ui.upload.rows_new", lang), f"{result.rows_new:,}")
    replaced.metric(t("ui.upload.rows_replaced", lang), f"{result.rows_replaced:,}")
    same.metric(t("ui.upload.rows_same", lang), f"{result.rows_same:,}")
    if result.warnings:
        st.warning(t("ui.upload.warnings", lang, count=len(result.warnings)))
        st.dataframe(problems_frame(result.warnings, lang), hide_index=True, key="upload.warnings")


def show_result(result: ImportResult, lang: str) -> None:
    if result.batch_id is None:  # a repeated click found the rows already loaded by the first
        st.info(t("ui.upload.nothing_new", lang))
        return
    st.success(
        t(
            "ui.upload.done",
            lang,
            batch=result.batch_id,
            new=result.rows_new,
            replaced=result.rows_replaced,
            same=result.rows_same,
        )
    )


def fix_in_place(
    problems: list[Problem], data: bytes, file_name: str, kind: str, sheet: str | None, lang: str
) -> dict[tuple[int, str], str] | None:
    """The rows with errors as an editable table; the edited cells once staff apply them.

    Returns None until the apply button is pressed, then ``{(row, header): new text}``.
    """
    lines = {p.row for p in problems if p.severity == "error" and p.row is not None}
    if not lines:
        return None
    st.subheader(t("ui.upload.fix.title", lang))
    if len(lines) > MAX_EDIT_ROWS:
        st.info(t("ui.upload.fix.too_many", lang, limit=MAX_EDIT_ROWS))
        return None
    st.caption(t("ui.upload.fix.help", lang))
    header, cells = cells_at(data, file_name, kind, lines, sheet)
    # Only the columns with errors: the row number and the problem list above give the context.
    wrong = {p.column for p in problems if p.severity == "error" and p.row is not None}
    titles = [h for h in dict.fromkeys(header) if h and h in wrong]
    index = {h: header.index(h) for h in titles}
    row_label = t("ui.problem.row", lang)
    frame = pd.DataFrame(
        [[line, *(cells[line][index[h]] for h in titles)] for line in sorted(cells)],
        columns=[row_label, *titles],
    ).astype({h: "string" for h in titles})
    edited = st.data_editor(
        frame, hide_index=True, disabled=[row_label], num_rows="fixed", key="upload.fix.editor"
    )
    if not st.button(t("ui.upload.fix.apply", lang), key="upload.fix.apply"):
        return None
    edits = {
        (int(before[row_label]), title): "" if pd.isna(after[title]) else str(after[title])
        for (_, before), (_, after) in zip(frame.iterrows(), edited.iterrows(), strict=True)
        for title in titles
        if str(before[title]) != ("" if pd.isna(after[title]) else str(after[title]))
    }
    if not edits:
        st.info(t("ui.upload.fix.unchanged", lang))
        return None
    return edits


def digest_of(file_id: str, data: bytes) -> str:
    """The upload's SHA-256, hashed once per uploaded file (a 200 MB file takes ~0.4 s)."""
    memo = st.session_state.setdefault("upload.digest", {})
    if file_id not in memo:
        memo.clear()
        memo[file_id] = hashlib.sha256(data).hexdigest()
    return memo[file_id]


def corrected_file(original: tuple[str, str], data: bytes, name: str, digest: str, lang: str):
    """The file corrected in the page for this upload, if any, else the upload itself.

    Returns ``(data, name, digest)``; offers to discard the corrections.
    """
    fixed = st.session_state.get("upload.fixed")
    if not fixed or fixed["of"] != original:
        return data, name, digest
    st.info(t("ui.upload.fix.in_use", lang, name=fixed["name"], count=fixed["count"]))
    if st.button(t("ui.upload.fix.discard", lang), key="upload.fix.discard"):
        del st.session_state["upload.fixed"]
        st.rerun()
    return fixed["data"], fixed["name"], fixed["digest"]


def keep_corrections(original: tuple[str, str], corrected: tuple[bytes, str], count: int) -> None:
    """Remember a corrected file for this upload (per session), adding to earlier corrections."""
    earlier = st.session_state.get("upload.fixed")
    total = count + (earlier["count"] if earlier and earlier["of"] == original else 0)
    st.session_state["upload.fixed"] = {
        "of": original,
        "data": corrected[0],
        "name": corrected[1],
        "digest": hashlib.sha256(corrected[0]).hexdigest(),
        "count": total,
    }
