"""Command line of the data layer: ``python -m data_layer --db PATH init|import|kpis|users|generate``.

Errors are printed in the chosen language (``--lang``, default from settings) and make the
command exit non-zero; ``--json`` prints machine-readable output for scripts and jobs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import sys
from pathlib import Path

from . import i18n
from .counties import county_adcode
from .db import Database, DatabaseBusy
from .ingest import ImportRejected, import_file, load_folder, preview_file
from .kpis import compute_kpis
from .models import KINDS
from .settings import Settings
from .startup import create_database
from .users import ROLES, AccountError, add_user, list_users, set_active, set_password


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m data_layer", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--db", type=Path, help="database file (default: DASHBOARD_DB_PATH or data/dashboard.duckdb)"
    )
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help="language of messages")
    commands = parser.add_subparsers(dest="command", required=True)

    init = commands.add_parser("init", help="create or upgrade the database and load sample_data/")
    init.add_argument("--empty", action="store_true", help="create the schema only")
    init.add_argument("--sample-dir", type=Path, help="folder of <kind>.csv files (default: sample_data/)")
    init.add_argument(
        "--if-missing",
        action="store_true",
        help="do nothing when the database file exists (used by `make run`)",
    )

    imp = commands.add_parser("import", help="validate and load one file (all rows or none)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--kind", choices=sorted(KINDS), help="default: the file name without extension")
    imp.add_argument("--user", default="cli", help="who imports, for the import log")
    imp.add_argument("--sheet", help="XLSX worksheet (default: the one whose header fits best)")
    imp.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
    imp.add_argument("--json", action="store_true")

    kpis = commands.add_parser("kpis", help="print K1–K5 with target and status")
    kpis.add_argument("--as-of", type=dt.date.fromisoformat, help="YYYY-MM-DD (default: today)")
    kpis.add_argument("--county", help="county adcode or name, e.g. 440881 or 廉江市")
    kpis.add_argument("--json", action="store_true")

    users = commands.add_parser("users", help="staff accounts: add, passwd, disable, enable, list")
    users.add_argument("action", choices=["add", "passwd", "disable", "enable", "list"])
    users.add_argument("username", nargs="?")
    users.add_argument("--role", choices=ROLES, default="staff")
    users.add_argument("--name", default="", help="display name")
    users.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input (scripts)"
    )

    gen = commands.add_parser("generate", help="write sample CSVs (deterministic)")
    gen.add_argument("--out", type=Path, default=Path("sample_data"))
    gen.add_argument("--scale", type=float, default=1.0)
    gen.add_argument("--seed", type=int, default=20240315)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = Settings()
    lang = args.lang or settings.language
    if args.command == "init" and args.if_missing:
        return _init_if_missing(args.db or settings.db_path, args.sample_dir or settings.sample_dir)
    if args.command == "generate":
        from .samplegen import generate

        print(json.dumps(generate(args.out, scale=args.scale, seed=args.seed), ensure_ascii=False))
        return 0
    try:
        db = Database(args.db or settings.db_path)
    except DatabaseBusy as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 3
    try:
        return _COMMANDS[args.command](db, args, lang, settings)
    finally:
        db.close()


def _init(db: Database, args, lang: str, settings: Settings) -> int:
    if args.empty:
        print(f"schema ready: {db.path}")
        return 0
    try:
        results = load_folder(db, args.sample_dir or settings.sample_dir, user="init")
    except ImportRejected as exc:
        _print_problems(exc, lang, as_json=False)
        return 1
    with db.transaction() as cur:
        cur.execute("INSERT OR REPLACE INTO meta VALUES ('sample', 'true')")
    for r in results:
        print(
            f"{r.kind}: {r.rows_in_file} rows, {r.rows_new} new, "
            f"{r.rows_replaced} replaced, {r.rows_same} same"
        )
    return 0


def _init_if_missing(path: Path, sample_dir: Path) -> int:
    """Build the sample database before the app starts, so the first visitor does not wait."""
    if Path(path).exists():
        return 0
    try:
        create_database(path, sample_dir).close()
    except ImportRejected as exc:
        _print_problems(exc, "en", as_json=False)
        return 1
    print(f"created {path} from {sample_dir}")
    return 0


def _import(db: Database, args, lang: str, settings: Settings) -> int:
    try:
        if args.dry_run:
            result = preview_file(db, args.file, args.kind, sheet=args.sheet)
        else:
            result = import_file(
                db, args.file, args.kind, user=args.user, sheet=args.sheet, progress=_stage_printer()
            )
    except ImportRejected as exc:
        _print_problems(exc, lang, as_json=args.json)
        return 1
    if args.json:
        print(json.dumps(result.as_dict(lang), ensure_ascii=False, indent=2))
    else:
        print(
            f"{result.file_name}: {result.rows_new} new, {result.rows_replaced} replaced, "
            f"{result.rows_same} same, {len(result.warnings)} warnings (batch {result.batch_id})"
        )
        for w in result.warnings:
            print(f"  warning: row {w.row}, {w.column}: {w.value!r}: {w.message(lang)}")
    return 0


def _stage_printer():
    """Name each stage on stderr as it starts (a million rows take a while)."""
    started: set[str] = set()

    def report(stage: str, done: float) -> None:
        if stage not in started and sys.stderr.isatty():
            started.add(stage)
            print(f"{stage}…", file=sys.stderr)

    return report


def _print_problems(exc: ImportRejected, lang: str, *, as_json: bool) -> None:
    if as_json:
        print(json.dumps([p.as_dict(lang) for p in exc.problems], ensure_ascii=False, indent=2))
        return
    for p in exc.problems:
        where = f"{p.file}, row {p.row}" if p.row else p.file
        print(f"{p.severity}: {where}, {p.column or '-'}: {p.value!r}: {p.message(lang)}", file=sys.stderr)


def _kpis(db: Database, args, lang: str, settings: Settings) -> int:
    as_of = args.as_of or (dt.date.fromisoformat(settings.as_of) if settings.as_of else None)
    try:
        county = county_adcode(args.county) if args.county else None
    except ValueError:
        print(f"error: {args.county!r}: {i18n.reason('county_unknown', lang)}", file=sys.stderr)
        return 2
    found = compute_kpis(db, as_of, county)
    if args.json:
        print(
            json.dumps(
                [k.as_dict() | {"name": i18n.t(f"kpi.{k.code}", lang)} for k in found],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    for k in found:
        print(
            f"{k.code} {i18n.t(f'kpi.{k.code}', lang)}: {k.value} {k.unit} / target {k.target} → {k.status}"
        )
    return 0


def _users(db: Database, args, lang: str, settings: Settings) -> int:
    if args.action == "list":
        for name, display, role, active, created in list_users(db):
            print(f"{name}\t{display}\t{role}\t{'active' if active else 'disabled'}\t{created:%Y-%m-%d}")
        return 0
    if not args.username:
        print("error: a user name is needed", file=sys.stderr)
        return 2
    try:
        if args.action in ("add", "passwd"):
            password = _read_password(args.password_stdin)
            if args.action == "add":
                add_user(db, args.username, password, role=args.role, display_name=args.name)
            else:
                set_password(db, args.username, password)
        else:
            set_active(db, args.username, args.action == "enable")
    except AccountError as exc:
        print(f"error: {i18n.t(f'account.{exc.args[0]}', lang)}", file=sys.stderr)
        return 1
    print(f"{args.action}: {args.username}")
    return 0


def _read_password(from_stdin: bool) -> str:
    """From standard input for scripts, else typed twice without echo."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("password: ")
    if getpass.getpass("again: ") != first:
        raise AccountError("password_mismatch")
    return first


_COMMANDS = {"init": _init, "import": _import, "kpis": _kpis, "users": _users}

if __name__ == "__main__":
    sys.exit(main())
