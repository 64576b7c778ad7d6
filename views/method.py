"""指标说明: how every figure on the dashboard is defined, where it comes from, and its caveats."""

from __future__ import annotations

import streamlit as st

from data_layer.i18n import t
from ui import filters, method_view

lang = filters.read().lang
st.title(t("ui.method.title", lang))
st.caption(t("ui.method.intro", lang))

for section, entries in method_view.SECTIONS:
    st.subheader(t(f"ui.method.section.{section}", lang))
    for entry in entries:
        with st.container(border=True, key=f"method.{entry}"):
            st.markdown(f"**{method_view.name(entry, lang)}**")
            st.markdown(method_view.definition(entry, lang))
            st.caption(t("ui.method.source", lang, source=t(f"ui.method.source.{entry}", lang)))
            caveat = method_view.caveat(entry, lang)
            if caveat:
                st.caption(t("ui.method.caveat", lang, caveat=caveat))

st.subheader(t("ui.method.section.general", lang))
for note in method_view.GENERAL:
    st.markdown(f"- {method_view.general(note, lang)}")
