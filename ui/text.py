"""Data shown on a page is text, never markup.

Streamlit reads the strings given to ``st.markdown``, ``st.caption``, ``st.title``, alerts and
widget labels as markdown (links, bold, ``:red[...]`` colours, ``:material/...:`` icons). Names,
notes, rules, departments and file values come from files staff upload, so any of them put
into such a string is escaped first: every ASCII punctuation character becomes a numeric
character reference (``*`` → ``&#42;``), which markdown shows as the character itself. A
backslash would do for emphasis and links, but not for the bare URLs, ``www.`` addresses and
e-mail addresses that Streamlit's markdown turns into links on its own: those need their
``:``, ``.`` and ``@`` to be references too. A sentence made with ``t`` escapes its data values
(``t(key, lang, name=plain(name))``), not its own numbers and dates. Tables (``st.dataframe``)
show text as text and need nothing.
"""

from __future__ import annotations

import string

_MARKUP = str.maketrans({c: f"&#{ord(c)};" for c in string.punctuation})


def plain(value: object) -> str:
    """``value`` as text that markdown shows as it is."""
    return str(value).translate(_MARKUP)
