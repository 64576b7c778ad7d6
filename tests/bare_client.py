"""A bare websocket client that speaks Streamlit's protocol: what a stranger with a session id can do.

It connects to ``/_stcore/stream`` the way the frontend reconnects (the session id in the
third subprotocol entry), asks for a rerun and returns the messages of that run (and of any
rerun it asks for), each as its type and its text (protobuf text format, UTF-8), so a test
can look at what the server handed over. ``new_session`` opens a run and lists the pages of
the session's previous run (names only); what the run itself offers is in its ``navigation``
message.
"""

from __future__ import annotations

import time

from google.protobuf import text_format
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg


def rerun_as(url: str, session_id: str, cookie: str = "", timeout: float = 90) -> list[tuple[str, str]]:
    """Reconnect to ``session_id`` (with ``cookie`` as the Cookie header, if any); rerun; the replies."""
    from websockets.sync.client import connect

    headers = {"Origin": url} | ({"Cookie": cookie} if cookie else {})
    replies: list[tuple[str, str]] = []
    with connect(
        url.replace("http://", "ws://") + "/_stcore/stream",
        subprotocols=["streamlit", "no-xsrf-token", session_id],
        additional_headers=headers,
        open_timeout=timeout,
        max_size=None,
    ) as ws:
        back = BackMsg()
        back.rerun_script.query_string = ""
        back.rerun_script.page_script_hash = ""
        ws.send(back.SerializeToString())
        deadline = time.monotonic() + timeout
        started = False  # what arrives before our run starts is the tail of a run in flight
        while time.monotonic() < deadline:
            message = ForwardMsg()
            message.ParseFromString(ws.recv(timeout=deadline - time.monotonic()))
            kind = message.WhichOneof("type")
            started = started or kind == "new_session"
            if started:
                replies.append((kind, text_format.MessageToString(message, as_utf8=True)))
            if (
                started
                and kind == "script_finished"
                and (message.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN)
            ):
                return replies
    raise TimeoutError(f"no script_finished within {timeout} s")
