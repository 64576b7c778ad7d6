"""Staff login: user name and password; failures are slowed down and logged by the data layer."""

from __future__ import annotations

import streamlit as st

from data_layer.i18n import t
from data_layer.users import AccountError, login
from ui import auth, filters, state

settings = state.settings()
lang = filters.read().lang

st.title(t("ui.login.title", lang))
st.caption(t("ui.login.help", lang))
with st.form("login.form"):
    username = st.text_input(t("ui.login.username", lang), key="login.username")
    password = st.text_input(t("ui.login.password", lang), type="password", key="login.password")
    submitted = st.form_submit_button(t("ui.login.submit", lang))
key = auth.browser_key()
if submitted and key is None:
    # No browser key: the browser refuses cookies, or XSRF protection was turned off.
    st.error(t("ui.login.no_browser_key", lang))
elif submitted:
    try:
        client = auth.client_address(settings.trusted_proxies)
        user = login(state.database(), username.strip(), password, client=client)
    except AccountError as exc:
        st.error(t(f"account.{exc.args[0]}", lang))
    else:
        auth.log_in(user, key)
        st.rerun()  # the entry script now offers the staff pages and opens the upload page
