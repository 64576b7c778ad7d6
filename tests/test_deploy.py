"""The deployment files in deploy/: their settings exist and their commands work."""

from __future__ import annotations

import configparser
import os
import shlex
import shutil
import subprocess
import sys

from data_layer.backups import list_backups
from data_layer.settings import Settings

from .conftest import ROOT

DEPLOY = ROOT / "deploy"


def unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # keys are case-sensitive in systemd
    parser.read(DEPLOY / "systemd" / name, encoding="utf-8")
    return parser


def test_every_setting_in_the_environment_file_exists():
    names = [
        line.split("=", 1)[0]
        for line in (DEPLOY / "dashboard.env.example").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    ours = [n for n in names if n.startswith("DASHBOARD_")]
    assert ours and all(n.removeprefix("DASHBOARD_").lower() in Settings.model_fields for n in ours), ours
    assert all(n.startswith(("DASHBOARD_", "STREAMLIT_")) for n in names)


def test_the_app_unit_serves_on_loopback_at_its_instance_port():
    command = shlex.split(unit("dashboard@.service")["Service"]["ExecStart"])
    assert command[1:4] == ["-m", "streamlit", "run"] and command[4] == "app.py"
    assert "--server.address=127.0.0.1" in command and "--server.port=%i" in command


def test_the_nightly_backup_unit_makes_a_backup(tiny_file, tmp_path):
    timer = unit("dashboard-backup.timer")["Timer"]
    assert timer["OnCalendar"] == "*-*-* 02:30:00" and timer["Persistent"] == "true"
    service = unit("dashboard-backup.service")["Service"]
    command = shlex.split(service["ExecStart"])
    data = tmp_path / "data" / "dashboard.duckdb"
    data.parent.mkdir()
    shutil.copy(tiny_file, data)
    env = {**os.environ, "DASHBOARD_DB_PATH": str(data), "DASHBOARD_BACKUP_DIR": str(tmp_path / "backups")}
    done = subprocess.run(
        [sys.executable, *command[1:]], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert len(list_backups(tmp_path / "backups")) == 1
