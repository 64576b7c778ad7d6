"""The staff pages' logs, the import history and the audit log, as tables in the reader's language."""

from __future__ import annotations

import pandas as pd

from data_layer.i18n import t


def imports_table(log: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``batches.recent_imports`` headed in ``lang``, kinds named, batch numbers blank where none."""
    shown = log.rename(columns={c: t(f"ui.history.col.{c}", lang) for c in log.columns})
    shown[t("ui.history.col.kind", lang)] = [t(f"kind.{k}", lang) for k in log["kind"]]
    for column in ("undoes", "undone_by"):
        shown[t(f"ui.history.col.{column}", lang)] = ["" if pd.isna(v) else str(int(v)) for v in log[column]]
    return shown


def batch_labels(batches: pd.DataFrame, lang: str) -> dict[int, str]:
    """Each batch's number and how the undo choice names it (number, kind, file)."""
    return {
        int(row.batch_id): t(
            "ui.history.batch_label",
            lang,
            batch=row.batch_id,
            kind=t(f"kind.{row.kind}", lang),
            file=row.file_name,
        )
        for row in batches.itertuples()
    }


def audit_table(log: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``audit.entries`` headed in ``lang``, each action named."""
    shown = log.assign(action=[t(f"audit.{a}", lang) for a in log["action"]])
    return shown.rename(columns={c: t(f"ui.audit.col.{c}", lang) for c in log.columns})
