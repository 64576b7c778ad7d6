"""The one exception convention: a base class carrying a reason code and the values it names.

``code`` is an ``i18n`` key (without its ``reason.``/section prefix where the subclass says
so); ``values`` fill its placeholders. Pages and the command line turn one into a sentence in
the user's language with ``message(lang)``.
"""

from __future__ import annotations


class DashboardError(Exception):
    """An error the user can act on: ``code`` names it, ``values`` say which thing."""

    section = "error"  # the i18n key is f"{section}.{code}"

    def __init__(self, code: str, /, **values: object):
        super().__init__(code)
        self.code = code
        self.values = values

    def message(self, lang: str = "zh") -> str:
        from . import i18n  # i18n is data only; imported here so errors stays at the bottom

        return i18n.t(f"{self.section}.{self.code}", lang, **self.values)
