"""Benchmark: the server's cost per page view when N people open the dashboard at once.

    python bench/bench_viewers.py [--scale 100] [--viewers 1 5 10 20 50] [--rounds 3]
                                  [--pages overview measures ...] [--processes 1] [--spread 0]

A room of viewers without browsers: the real app (``streamlit run app.py`` on 127.0.0.1, on
the database bench_overview.py builds at ``--scale``) is driven by bare websocket sessions that
speak Streamlit's protocol the way a browser opening a page does (a new session, then a run of
the page with its URL's query string). A view ends at the server's ``script_finished``; every
element the run sent has then left the server, so the wall time is the server's side of
"charts drawn" (a browser adds its own drawing on top, on its own machine).

Pinning, so that the viewers do not take the server's CPU: the app processes run on core 0
and the viewers' threads on core 1 (``--no-pin`` lets both float). The server's CPU time is
read from ``/proc/<pid>/stat`` before and after each round (all its threads, DuckDB's
included), divided by the views of the round.

For each N the app is started afresh: the first round of each page is **cold** (nothing
cached yet, as after an import), the next ``--rounds`` are **warm**. ``--processes K`` starts
K app processes on the same database and deals the viewers out in turn, as nginx does
(deploy/nginx). ``--spread S``: the N viewers of a round arrive evenly over S seconds instead
of at the same instant. Printed per page and N: wall time per view (median, p95), server CPU per
view (ms), the ratio of p95 to one viewer's, and each process's RSS after the run (VmRSS) and
at its peak (VmHWM). References in the same run: one viewer, and the trivial page (``method``:
text and no chart, what any view costs before its page's own work). Several processes share
core 0 when pinned: give them both cores with ``--processes 2 --no-pin``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import threading
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from bench_overview import build  # noqa: E402
from browser import ARTIFACTS, running_app  # noqa: E402  (tests/browser.py: the real app, started and stopped)
from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from data_layer import regions  # noqa: E402

AS_OF = dt.date(2026, 10, 31)
TICK = os.sysconf("SC_CLK_TCK")
# The analysis pages a leader opens, and the method page: text only, the trivial page every
# other is compared with.
PAGES = ("overview", "measures", "institutions", "counties", "filings", "method")
TIMEOUT = 300.0  # one view, on a loaded 2-core machine at 100x cold


@dataclass
class Round:
    walls_ms: list[float]
    cpu_ms: float  # the server's CPU time over the round, all processes
    errors: int


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime: all threads


def memory_mb(pid: int) -> tuple[float, float]:
    """(VmRSS, VmHWM) of ``pid`` in MB: its memory now and at its peak."""
    values = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line
    )
    return tuple(int(values[k].split()[0]) / 1024 for k in ("VmRSS", "VmHWM"))


def view(url: str, page: str, query: str) -> tuple[float, bool]:
    """Open ``page`` as a new browser tab would; (wall ms until the run finished, failed?)."""
    from websockets.sync.client import connect

    start = time.perf_counter()
    with connect(
        url.replace("http://", "ws://") + "/_stcore/stream",
        subprotocols=["streamlit", "no-xsrf-token"],
        additional_headers={"Origin": url},
        open_timeout=TIMEOUT,
        max_size=None,
    ) as ws:
        back = BackMsg()
        back.rerun_script.query_string = query
        back.rerun_script.page_name = "" if page == "overview" else page
        ws.send(back.SerializeToString())
        deadline = time.monotonic() + TIMEOUT
        failed = False
        while time.monotonic() < deadline:
            message = ForwardMsg()
            message.ParseFromString(ws.recv(timeout=deadline - time.monotonic()))
            kind = message.WhichOneof("type")
            if kind == "delta" and message.delta.new_element.WhichOneof("type") == "exception":
                failed = True
            if kind == "page_not_found":
                failed = True
            if kind == "script_finished" and message.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                return (time.perf_counter() - start) * 1000, failed
    return TIMEOUT * 1000, True


def one_round(urls: list[str], pids: list[int], page: str, viewers: int, query: str, spread: float) -> Round:
    """``viewers`` sessions open ``page``, dealt out over the processes: at the same moment, or
    one after another evenly over ``spread`` seconds (a room opening a link it was sent)."""
    walls: list[float] = []
    errors = [0]
    gate = threading.Barrier(viewers)
    lock = threading.Lock()

    def viewer(i: int) -> None:
        gate.wait()
        time.sleep(spread * i / viewers)
        try:
            wall, failed = view(urls[i % len(urls)], page, query)
        except Exception:  # a view that broke is counted, not raised
            wall, failed = TIMEOUT * 1000, True
        with lock:
            walls.append(wall)
            errors[0] += failed

    before = sum(cpu_seconds(p) for p in pids)
    threads = [threading.Thread(target=viewer, args=(i,)) for i in range(viewers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    time.sleep(0.2)  # the sessions' closing work belongs to the round too
    cpu = (sum(cpu_seconds(p) for p in pids) - before) * 1000
    return Round(walls, cpu, errors[0])


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1] if len(values) > 1 else values[0]


def pin(pid: int, core: int | None) -> None:
    if core is not None and core < os.cpu_count():
        os.sched_setaffinity(pid, {core})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=100)
    parser.add_argument("--viewers", type=int, nargs="+", default=[1, 5, 10, 20, 50])
    parser.add_argument("--rounds", type=int, default=3, help="warm rounds per page and N")
    parser.add_argument("--pages", nargs="+", choices=PAGES, default=list(PAGES))
    parser.add_argument("--processes", type=int, default=1, help="app processes behind the 'proxy'")
    parser.add_argument("--no-pin", action="store_true", help="let the server and the viewers float")
    parser.add_argument(
        "--spread", type=float, default=0, help="seconds over which the N viewers arrive (0: all at once)"
    )
    args = parser.parse_args()
    os.environ[regions.ENV] = regions.DEFAULT_PACK
    db, facts = build(args.scale)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)  # the servers' logs
    path = db.path
    db.close()
    server_core, client_core = (None, None) if args.no_pin else (0, 1)
    pin(0, client_core)  # this process and the viewer threads it starts
    query = f"as_of={AS_OF.isoformat()}"
    print(
        f"== {args.processes} app process(es) at scale {args.scale:g}x ({facts['patents']:,} patents), "
        f"as of {AS_OF}; server on core {server_core}, viewers on core {client_core}; "
        f"viewers arrive {'at once' if not args.spread else f'over {args.spread:g} s'}; "
        f"load average {os.getloadavg()[0]:.2f} =="
    )
    header = f"{'page':<13}{'N':>4}{'':>6}{'median':>9}{'p95':>9}{'p95/1':>7}{'CPU/view':>10}{'errors':>8}"
    print(header + "   (ms; CPU is the server's, per view)")
    one: dict[str, float] = {}
    for viewers in args.viewers:
        with ExitStack() as stack:
            processes: list = []
            env = {"DASHBOARD_DB_PATH": path, "DASHBOARD_AS_OF": AS_OF.isoformat()}
            urls = [
                stack.enter_context(running_app(env, timeout=300, processes=processes))
                for _ in range(args.processes)
            ]
            pids = [p.pid for p in processes]
            for pid in pids:
                pin(pid, server_core)
            for page in args.pages:
                cold = one_round(urls, pids, page, viewers, query, args.spread)
                warm = [one_round(urls, pids, page, viewers, query, args.spread) for _ in range(args.rounds)]
                for label, rounds in (("cold", [cold]), ("warm", warm)):
                    walls = [w for r in rounds for w in r.walls_ms]
                    cpu = sum(r.cpu_ms for r in rounds) / len(walls)
                    tail = p95(walls)
                    if viewers == 1:
                        one[f"{page}.{label}"] = tail
                    ratio = tail / one[f"{page}.{label}"] if f"{page}.{label}" in one else float("nan")
                    errors = sum(r.errors for r in rounds)
                    print(
                        f"{page:<13}{viewers:>4}{label:>6}{statistics.median(walls):>9.0f}{tail:>9.0f}"
                        f"{ratio:>7.1f}{cpu:>10.0f}{errors:>8}"
                    )
            rss = [memory_mb(pid) for pid in pids]
            print(
                f"{'':<13}{viewers:>4}  server memory after the run: "
                + ", ".join(f"RSS {now:.0f} MB (peak {peak:.0f} MB)" for now, peak in rss)
                + f"; load average {os.getloadavg()[0]:.2f}"
            )


if __name__ == "__main__":
    main()
