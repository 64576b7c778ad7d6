"""The status words every figure is judged in: one vocabulary for the KPI cards, the measures
grid, the slides, the messages and the method page (labels in ``i18n`` as ``status.<word>``).

* ``met``: the target is reached (for a deadline that has passed: it was reached by then);
* ``met_late``: the deadline passed with the target missed, and it has been reached since;
* ``on_track``: not reached yet, but where the plan's path says it should be by now (a KPI:
  its projection reaches the target by the deadline; an indicator: at or above the quarter's
  milestone, or the straight line from the baseline to the end target);
* ``behind``: short of that path, with the deadline still ahead;
* ``missed``: the deadline has passed and the target is not reached;
* ``no_target``: a value with nothing to judge it against;
* ``no_data``: no value.
"""

from __future__ import annotations

STATUSES = ("met", "met_late", "on_track", "behind", "missed", "no_target", "no_data")
# The judged statuses from worst to best: a measure's quarter takes the worst of its indicators.
WORST_FIRST = ("missed", "behind", "on_track", "met_late", "met")
# Statuses that count as "reached" in a summary line (met late is reached, but said apart).
REACHED = frozenset({"met", "met_late"})
