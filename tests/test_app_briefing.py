"""The 汇报模式 page under AppTest: the deck, presenting slide by slide, freezing, saving decks."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from data_layer import snapshots
from data_layer.decks import saved_decks
from data_layer.i18n import t
from ui import slides

from .apptest import open_app, open_as_staff

PAGE = "views/briefing.py"


def briefing(query: dict | None = None) -> AppTest:
    return open_app(PAGE, query)


def deck_table(at: AppTest):
    """The list of the deck's slides (number, slide, key message)."""
    return next(d.value for d in at.dataframe if d.value.columns[0] in ("序号", "No."))


def markdown(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_set_up_view_lists_the_default_deck_with_messages(app_env, lang):
    at = briefing({"lang": lang})
    table = deck_table(at)
    assert len(table) == len(slides.default_deck())
    assert table.iloc[0, 1] == slides.slide_name("kpis", lang)
    assert all(table.iloc[:, 2].str.len() > 0), "every slide has its key message"
    assert at.button(key="briefing.start")
    # The preview, drawn for a wide screen and for a phone (the page shows one by width).
    assert [c.key.split(".")[1] for c in at.get("plotly_chart")] == ["preview_chart", "preview_phone"]


def test_presenting_shows_one_slide_with_its_counter_and_moves_on(app_env):
    at = briefing({"present": "1", "slide": "2"})
    assert [t.value for t in at.title] == [slides.slide_name("kpi.K1", "zh")]
    assert f"2 / {len(slides.default_deck())}" in markdown(at)
    assert any(m.startswith("专利产品备案企业数") and "目标" in m for m in markdown(at))
    # The projector's drawing and the phone's (the page's CSS shows one by screen width).
    assert [c.key for c in at.get("plotly_chart")] == ["briefing.chart.2", "briefing.phone_chart.2"]
    at.button(key="briefing.next").click().run()
    assert at.query_params["slide"] == "3"
    assert [t.value for t in at.title] == [slides.slide_name("kpi.K2", "zh")]
    at.button(key="briefing.previous").click().run()
    at.button(key="briefing.previous").click().run()
    assert at.query_params["slide"] == "1"
    assert at.button(key="briefing.previous").disabled
    at.button(key="briefing.leave").click().run()
    assert "present" not in at.query_params
    assert deck_table(at) is not None


def test_a_slide_number_past_the_end_shows_the_last_slide(app_env):
    at = briefing({"present": "1", "slide": "99"})
    assert [t.value for t in at.title] == [slides.slide_name(slides.default_deck()[-1], "zh")]
    assert at.button(key="briefing.next").disabled


def test_freezing_keeps_the_deck_on_a_snapshot_while_live_data_changes(app_env):
    at = staff_briefing()
    at.button(key="briefing.freeze").click().run()
    frozen_id = at.query_params["snapshot"]
    assert snapshots.find(app_env.parent / "snapshots", frozen_id)
    assert any("数据冻结于" in c.value for c in at.caption)
    before = deck_table(at).iloc[:, 2].tolist()
    # An upload during the meeting: the app's own Database is the one to write through.
    from ui import state

    with state.database().transaction() as cur:
        cur.execute("DELETE FROM filings")
    at.run()
    assert deck_table(at).iloc[:, 2].tolist() == before
    at.selectbox(key="briefing.data").select("").run()  # back to live data
    assert "snapshot" not in at.query_params
    assert deck_table(at).iloc[:, 2].tolist() != before


def test_an_unknown_snapshot_falls_back_to_live_data_and_says_so(app_env):
    at = briefing({"snapshot": "20200101-000000"})
    assert "snapshot" not in at.query_params
    assert any("20200101-000000" in w.value for w in at.warning)


def test_viewers_cannot_save_decks_or_freeze(app_env):
    at = briefing()
    assert not any(w.key == "briefing.name" for w in at.text_input)
    assert not any(b.key == "briefing.freeze" for b in at.button)  # a copy of the database each
    assert any("登录后" in c.value for c in at.caption)


def staff_briefing(query: dict | None = None) -> AppTest:
    return open_as_staff(PAGE, query)


def test_staff_save_a_trimmed_deck_by_name_and_present_it(app_env):
    at = staff_briefing()
    at.text_input(key="briefing.name").input("县区汇报").run()
    # The editor's edits arrive as the widget's state: keep counties first, then the KPIs slide.
    editor_key = "briefing.editor."
    at.session_state[editor_key] = {
        "edited_rows": {
            **{i: {"shown": False} for i in range(len(slides.catalogue()))},
            0: {"shown": True, "order": 2},
            len(slides.default_deck()) - 1: {"shown": True, "order": 1},
        },
        "added_rows": [],
        "deleted_rows": [],
    }
    at.button(key="briefing.save").click().run()
    assert not at.exception, at.exception
    assert at.query_params["deck"] == "县区汇报"
    table = deck_table(at)
    assert table.iloc[:, 1].tolist() == [slides.slide_name("counties", "zh"), slides.slide_name("kpis", "zh")]


def test_a_deck_without_a_name_is_refused_in_the_users_language(app_env):
    at = staff_briefing()
    at.text_input(key="briefing.name").input(" ").run()
    at.button(key="briefing.save").click().run()
    assert [e.value for e in at.error] == ["请填写汇报名称。"]
    assert "deck" not in at.query_params


def test_saved_decks_are_read_from_the_database(app_env):
    at = staff_briefing()
    at.text_input(key="briefing.name").input("总览").run()
    at.button(key="briefing.save").click().run()
    from ui import state

    assert [d.name for d in saved_decks(state.database())] == ["总览"]


def test_without_chromium_the_exports_are_disabled_and_say_what_to_install(app_env, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    at = briefing()
    assert at.get("download_button")[0].proto.disabled
    # Leaders read that exports are off; only staff are told what to install.
    assert any(w.value == t("ui.briefing.export_off", "zh") for w in at.warning)
    assert not any("apt-get" in w.value or "BROWSER_PATH" in w.value for w in at.warning)
    staff = staff_briefing()
    assert any("apt-get install chromium" in w.value for w in staff.warning)
