"""Command line of the data layer: ``python -m data_layer --db PATH COMMAND`` (``--help`` lists them).

Errors are printed in the chosen language (``--lang``, default from settings) and make the
command exit non-zero; ``--json`` prints machine-readable output for scripts and jobs.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import getpass
import json
import os
import sys
from pathlib import Path

from . import backups, i18n, parties, profiles, regions, reporting, vocabularies
from .counties import by_adcode, county_adcode
from .db import Database
from .ingest import ImportRejected, Problem, import_bytes, load_folder, preview_bytes
from .kpis import compute_kpis
from .models import KINDS
from .regions import RegionMismatch
from .scope import Scope
from .settings import Settings
from .startup import create_database, sample_folder
from .users import ROLES, AccountError, User, add_user, list_users, set_active, set_password


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m data_layer", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--db", type=Path, help="database file (default: DASHBOARD_DB_PATH or data/dashboard.duckdb)"
    )
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help="language of messages")
    parser.add_argument(
        "--region",
        choices=regions.names(),
        help="region pack (default: DASHBOARD_REGION or zhanjiang); its own database unless --db says",
    )
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
    imp.add_argument(
        "--profile", help="source profile of another system's export (default: recognized from the header)"
    )
    imp.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
    imp.add_argument(
        "--progress", action="store_true", help="report each stage on stderr as it goes (jobs, logs)"
    )
    imp.add_argument(
        "--max-mb",
        type=int,
        help="largest file to read, in MB (default: DASHBOARD_UPLOAD_LIMIT_MB, the upload page's limit)",
    )
    imp.add_argument("--json", action="store_true")

    kpis = commands.add_parser("kpis", help="print K1–K5 with target and status")
    kpis.add_argument("--as-of", type=dt.date.fromisoformat, help="YYYY-MM-DD (default: today)")
    kpis.add_argument("--county", help="a division's adcode or name")
    kpis.add_argument("--json", action="store_true")

    users = commands.add_parser("users", help="staff accounts: add, passwd, disable, enable, list")
    users.add_argument("action", choices=["add", "passwd", "disable", "enable", "list"])
    users.add_argument("username", nargs="?")
    users.add_argument("--role", choices=ROLES, default="staff")
    users.add_argument("--name", default="", help="display name")
    users.add_argument(
        "--department",
        action="append",
        default=[],
        help="a reporter's department, as the indicators name it (repeat for several; with --role reporter)",
    )
    users.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input (scripts)"
    )

    back = commands.add_parser(
        "backup", help="copy the data and accounts as they are now (while the app runs)"
    )
    back.add_argument(
        "--to", type=Path, help="folder (default: DASHBOARD_BACKUP_DIR or backups/ beside the data)"
    )
    back.add_argument(
        "--keep", type=int, help="keep the newest N backups there (default: DASHBOARD_BACKUPS_KEPT)"
    )
    rest = commands.add_parser(
        "restore", help="publish a backup's data (the current data is backed up first)"
    )
    rest.add_argument("file", type=Path)
    rest.add_argument("--with-accounts", action="store_true", help="also replace accounts and the audit log")
    listed = commands.add_parser("backups", help="list the backups, newest first")
    listed.add_argument("--to", type=Path, help="folder (default: as for backup)")

    profs = commands.add_parser("profiles", help="source profiles: list, export, import, delete")
    action = profs.add_subparsers(dest="action", required=True)
    action.add_parser("list", help="built-in and saved profiles")
    export = action.add_parser("export", help="write profiles to a JSON file (default: the saved ones)")
    export.add_argument("file", type=Path)
    export.add_argument("names", nargs="*", help="profiles to export (built-ins too)")
    loaded = action.add_parser("import", help="save every profile of an exported JSON file")
    loaded.add_argument("file", type=Path)
    loaded.add_argument("--user", default="cli")
    action.add_parser("delete", help="delete a saved profile").add_argument("name")

    aliases = commands.add_parser("aliases", help="party names remembered: list, add, exclude, delete")
    action = aliases.add_subparsers(dest="action", required=True)
    action.add_parser("list", help="every alias and what it means")
    add = action.add_parser("add", help="NAME means the institution CODE")
    add.add_argument("name")
    add.add_argument("code", help="unified social credit code of an existing institution")
    add.add_argument("--user", default="cli")
    exclude = action.add_parser("exclude", help="NAME is a party the dashboard does not track")
    exclude.add_argument("name")
    exclude.add_argument("--user", default="cli")
    action.add_parser("delete", help="forget an alias: the next file asks again").add_argument("name")

    vocab = commands.add_parser("vocab", help="print the vocabularies in force (word → code)")
    vocab.add_argument("name", nargs="?", choices=sorted(vocabularies.vocabularies()))
    vocab.add_argument("--json", action="store_true")

    gen = commands.add_parser("generate", help="write sample CSVs (deterministic)")
    gen.add_argument("--out", type=Path, default=Path("sample_data"))
    gen.add_argument("--scale", type=float, default=1.0)
    gen.add_argument("--seed", type=int, default=20240315)
    gen.add_argument(
        "--region", choices=regions.names(), default=argparse.SUPPRESS, help="the pack to generate for"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.region:  # every lookup of the place reads the environment (data_layer.regions)
        os.environ[regions.ENV] = args.region
    settings = Settings()
    if args.db:  # folders kept beside the data (backups, snapshots) follow --db too
        settings = settings.model_copy(update={"db_path": args.db})
    lang = args.lang or settings.language
    if args.command == "init" and args.if_missing:
        return _init_if_missing(settings.db_path, sample_folder(settings, args.sample_dir))
    if args.command == "generate":
        from .samplegen import generate

        counts = generate(args.out, scale=args.scale, seed=args.seed)
        print(json.dumps(counts, ensure_ascii=False))
        return 0
    try:
        db = Database(settings.db_path, work_memory_mb=settings.work_memory_mb)
    except RegionMismatch as exc:
        print(exc.message(lang), file=sys.stderr)
        return 2
    try:
        return _COMMANDS[args.command](db, args, lang, settings)
    finally:
        db.close()


def _init(db: Database, args, lang: str, settings: Settings) -> int:
    if args.empty:
        print(f"schema ready: {db.path}")
        return 0
    try:
        results = load_folder(db, sample_folder(settings, args.sample_dir), user="init")
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
        _within_limit(args.file, args.max_mb or settings.upload_limit_mb)
        profile = _profile(db, args.profile, args.file.name)
        kind = args.kind or (profile.kind if profile else args.file.stem)
        result = _import_or_preview(db, args, kind, profile)
    except ImportRejected as exc:
        _print_problems(exc, lang, as_json=args.json)
        return 1
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result.as_dict(lang), ensure_ascii=False, indent=2))
        return 0
    if name := result.detected.get("profile"):
        print(f"{result.file_name}: profile {name} ({profiles.find(db, name).label(lang)})")
    print(
        f"{result.file_name}: {result.rows_new} new, {result.rows_replaced} replaced, "
        f"{result.rows_same} same, {len(result.warnings)} warnings (batch {result.batch_id})"
    )
    if result.same_as:
        print(f"  {i18n.t('ui.upload.same_file', lang, batch=result.same_as)}")
    for d in result.derived:
        if not d.assumed:  # an assumed value is a warning too: said once, below
            print(f"  derived: {i18n.reason(f'derived_{d.rule}', lang, d.rows)}")
    for w in result.warnings:
        where = f"row {w.row}, " if w.row else ""
        print(f"  warning: {where}{w.column}: {w.value!r}: {w.message(lang)}")
    return 0


def _within_limit(path: Path, limit_mb: int) -> None:
    """The upload page's size limit, applied before a byte is read."""
    size = path.stat().st_size
    if size > limit_mb * 1024 * 1024:
        value = f"{size / 2**20:.0f} MB > {limit_mb} MB"
        raise ImportRejected([Problem(path.name, None, None, value, "file_too_large")])


def _profile(db: Database, name: str | None, file_name: str) -> profiles.Profile | None:
    """The profile asked for; an unknown name is a problem of the file, as the upload page says."""
    try:
        return profiles.find(db, name) if name else None
    except profiles.ProfileError:
        raise ImportRejected([Problem(file_name, None, None, name, "profile_unknown")]) from None


def _import_or_preview(db: Database, args, kind: str, profile: profiles.Profile | None):
    data, name = args.file.read_bytes(), args.file.name
    if args.dry_run:
        return preview_bytes(db, data, name, kind, sheet=args.sheet, profile=profile)
    progress = _stage_printer(args.progress or sys.stderr.isatty())
    return import_bytes(
        db, data, name, kind, user=args.user, sheet=args.sheet, progress=progress, profile=profile
    )


def _stage_printer(shown: bool):
    """Each stage on stderr as it moves on by a tenth: ``checking 40%`` (a million rows take a while)."""
    said: set[str] = set()

    def say(line: str) -> None:
        if shown and line not in said:
            said.add(line)
            print(line, file=sys.stderr, flush=True)

    def report(stage: str, done: float) -> None:
        say(f"{stage} {int(done * 10) * 10}%")

    return report


def _print_problems(exc: ImportRejected, lang: str, *, as_json: bool) -> None:
    """Problems on stdout as JSON (a list, as ever; names to resolve go to stderr as
    ``{"unmatched": [...]}``) or one line each on stderr, names to resolve last."""
    if as_json:
        print(json.dumps([p.as_dict(lang) for p in exc.problems], ensure_ascii=False, indent=2))
        if exc.unmatched:
            found = [dataclasses.asdict(u) for u in exc.unmatched]
            print(json.dumps({"unmatched": found}, ensure_ascii=False, indent=2), file=sys.stderr)
        return
    columns = {}
    for p in exc.problems:
        if p.reason == "party_unmatched" and exc.unmatched:
            columns[p.value, p.row] = p.column
            continue  # listed below, with what the file says of each name
        where = f"{p.file}, row {p.row}" if p.row else p.file
        print(f"{p.severity}: {where}, {p.column or '-'}: {p.value!r}: {p.message(lang)}", file=sys.stderr)
    for u in exc.unmatched:
        county = by_adcode().get(u.suggested_county or "")
        place = "outside the city" if u.outside else "county unknown"
        if county:
            place = f"{county.adcode} {county.name_en if lang == 'en' else county.name_zh}"
        same = "".join(f"; same name as {code} {name}" for code, name in u.candidates)
        print(
            f"unmatched: {u.name!r} ({columns.get((u.name, u.first_row), u.field)}), "
            f"row {u.first_row}, {u.rows} row(s); "
            f"suggested: {u.suggested_kind}, {place}{same}",
            file=sys.stderr,
        )
    if exc.unmatched:
        print(i18n.t("cli.unmatched_hint", lang), file=sys.stderr)


def _kpis(db: Database, args, lang: str, settings: Settings) -> int:
    as_of = args.as_of or (dt.date.fromisoformat(settings.as_of) if settings.as_of else dt.date.today())
    try:
        county = county_adcode(args.county) if args.county else None
    except ValueError:
        print(f"error: {args.county!r}: {i18n.reason('county_unknown', lang)}", file=sys.stderr)
        return 2
    found = compute_kpis(db, Scope(as_of=as_of, region=settings.region, division=county))
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


# Whoever runs the command line on the server acts as the office.
CLI_ACTOR = User("cli", "cli", "admin")


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
            if args.action == "add" and args.role == "reporter":
                reporting.add_reporter(db, CLI_ACTOR, args.username, password, args.department, args.name)
            elif args.action == "add":
                add_user(db, args.username, password, role=args.role, display_name=args.name)
            else:
                set_password(db, args.username, password)
        else:
            set_active(db, args.username, args.action == "enable")
    except AccountError as exc:
        print(f"error: {i18n.t(f'account.{exc.args[0]}', lang)}", file=sys.stderr)
        return 1
    except reporting.ReportingError as exc:
        print(f"error: {exc.message(lang)}", file=sys.stderr)
        return 1
    print(f"{args.action}: {args.username}")
    return 0


def _backup(db: Database, args, lang: str, settings: Settings) -> int:
    made = backups.backup(db, args.to or settings.backups, keep=args.keep or settings.backups_kept)
    print(f"backup: {made.path} (generation {made.generation}, {made.size / 2**20:.1f} MB)")
    return 0


def _restore(db: Database, args, lang: str, settings: Settings) -> int:
    try:
        replaced = backups.restore(db, args.file, settings.backups, with_accounts=args.with_accounts)
    except backups.BackupError as exc:
        print(f"error: {exc.message(lang)}", file=sys.stderr)
        return 1
    print(f"restored {args.file} as generation {db.generation}; what it replaced: {replaced.path}")
    return 0


def _backups(db: Database, args, lang: str, settings: Settings) -> int:
    for b in backups.list_backups(args.to or settings.backups):
        print(f"{b.taken_at:%Y-%m-%d %H:%M:%S}\tgeneration {b.generation}\t{b.size / 2**20:.1f} MB\t{b.path}")
    return 0


def _read_password(from_stdin: bool) -> str:
    """From standard input for scripts, else typed twice without echo."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("password: ")
    if getpass.getpass("again: ") != first:
        raise AccountError("password_mismatch")
    return first


def _profiles(db: Database, args, lang: str, settings: Settings) -> int:
    try:
        if args.action == "list":
            for p in profiles.all_profiles(db):
                print(f"{p.name}\t{p.kind}\t{'built-in' if p.builtin else 'saved'}\t{p.label(lang)}")
        elif args.action == "export":
            chosen = [profiles.find(db, n) for n in args.names] if args.names else profiles.saved_profiles(db)
            args.file.write_bytes(profiles.export_json(chosen))
            print(f"exported {len(chosen)} profile(s) to {args.file}: {', '.join(p.name for p in chosen)}")
        elif args.action == "import":
            saved = profiles.import_json(db, args.file.read_bytes(), args.user)
            print(f"imported {len(saved)} profile(s): {', '.join(p.name for p in saved)}")
        else:
            profiles.delete(db, args.name)
            print(f"deleted: {args.name}")
    except profiles.ProfileError as exc:
        print(f"error: {exc.message(lang)}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


def _aliases(db: Database, args, lang: str, settings: Settings) -> int:
    try:
        if args.action == "list":
            for alias, code, name, who, when in parties.list_aliases(db):
                meant = f"{code} {name or ''}".rstrip() if code else "untracked"
                print(f"{alias}\t{meant}\t{who}\t{when:%Y-%m-%d %H:%M}")
            return 0
        if args.action == "delete":
            parties.forget(db, args.name)
        else:
            parties.add_alias(db, args.name, args.code if args.action == "add" else None, args.user)
    except parties.AliasError as exc:
        print(f"error: {exc.message(lang)}", file=sys.stderr)
        return 1
    print(f"{args.action}: {args.name}")
    return 0


def _vocab(db: Database, args, lang: str, settings: Settings) -> int:
    names = [args.name] if args.name else sorted(vocabularies.vocabularies())
    found = {name: vocabularies.words(name) for name in names}
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=2))
        return 0
    for name, words in found.items():
        print(f"[{name}]")
        for word, code in words.items():
            print(f"{word}\t{code}")
    return 0


_COMMANDS = {
    "init": _init,
    "import": _import,
    "kpis": _kpis,
    "users": _users,
    "backup": _backup,
    "restore": _restore,
    "backups": _backups,
    "profiles": _profiles,
    "aliases": _aliases,
    "vocab": _vocab,
}

if __name__ == "__main__":
    sys.exit(main())
