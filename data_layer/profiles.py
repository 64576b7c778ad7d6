"""Source profiles: how the columns of another system's export map onto a kind's fields.

A profile names, for some fields, the file column that supplies it (and its unit), gives
other fields one value for the whole file (a licence register's 事件类型 = 许可), and lists
the columns known to carry nothing the dashboard uses. Fields it leaves out are found by
their usual headers (``models``) or derived (``derive``).

Built-in profiles (``source_profiles.toml``) are recognized from a few headers that only that
source writes. Staff save their own on the upload page; a saved profile is applied again
when a file with the same set of headers arrives. Profiles export to a JSON file and import
from one, so one office can hand its set to another.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import tomllib
import unicodedata
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from . import audit
from .errors import DashboardError
from .models import KINDS

BUILTIN_FILE = Path(__file__).with_name("source_profiles.toml")
EXPORT_FORMAT = "zhanjiang-dashboard/source-profiles/1"


class ProfileError(DashboardError):
    """A profile that cannot be saved, found or read; ``code`` is an ``i18n`` key ``profile.*``."""

    section = "profile"


def norm_header(text: str) -> str:
    """A header as profiles compare it: NFKC, no spaces, lower case."""
    return "".join(unicodedata.normalize("NFKC", str(text)).lower().split())


class Profile(BaseModel):
    """One source's column mapping for one kind."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=1, max_length=60)
    kind: str
    label_zh: str = ""
    label_en: str = ""
    columns: dict[str, str] = Field(default_factory=dict)  # field -> header as in the file
    units: dict[str, Literal["yuan", "10k"]] = Field(default_factory=dict)  # amount field -> unit
    constants: dict[str, str] = Field(default_factory=dict)  # field -> one value for every row
    signature: tuple[str, ...] = ()  # headers that identify a built-in source
    headers: tuple[str, ...] = ()  # a saved profile: the header set of the file it was made on
    ignore: tuple[str, ...] = ()  # columns known to matter to no figure
    builtin: bool = False

    @field_validator("name")
    @classmethod
    def _plain_name(cls, value: str) -> str:
        value = value.strip()
        if not value or any(unicodedata.category(c).startswith("C") for c in value):
            raise ValueError("a profile name is text without control characters")
        return value

    @model_validator(mode="after")
    def _fields_exist(self) -> Profile:
        if self.kind not in KINDS:
            raise ValueError(f"unknown kind {self.kind}")
        fields = KINDS[self.kind].model_fields
        for name in (*self.columns, *self.constants, *self.units):
            if name not in fields:
                raise ValueError(f"unknown field {name} of {self.kind}")
        if set(self.columns) & set(self.constants):
            raise ValueError("a field is either a column or a constant")
        return self

    def label(self, lang: str) -> str:
        return (self.label_en if lang == "en" else self.label_zh) or self.name

    def fits(self, header: list[str]) -> bool:
        """Whether a file with this header is this profile's source."""
        present = {norm_header(h) for h in header if str(h).strip()}
        if self.headers:
            return present == {norm_header(h) for h in self.headers}
        return bool(self.signature) and all(norm_header(h) in present for h in self.signature)


@functools.cache
def builtin_profiles() -> tuple[Profile, ...]:
    """The sources every office meets (CNIPA, incoPat, PatSnap, the registers, ...)."""
    with BUILTIN_FILE.open("rb") as handle:
        entries = tomllib.load(handle)["profile"]
    return tuple(Profile(**entry, builtin=True) for entry in entries)


def saved_profiles(db) -> list[Profile]:
    """The profiles staff saved, by name."""
    return [
        Profile.model_validate_json(spec)
        for (spec,) in db.rows("SELECT spec FROM source_profiles ORDER BY name")
    ]


def all_profiles(db=None) -> list[Profile]:
    return [*builtin_profiles(), *(saved_profiles(db) if db is not None else [])]


def headers_of(profiles: list[Profile] | tuple[Profile, ...], kind: str) -> frozenset[str]:
    """Every (normalized) header the profiles of ``kind`` name: helps find the header row."""
    return frozenset(
        norm_header(h)
        for p in profiles
        if p.kind == kind
        for h in (*p.columns.values(), *p.signature, *p.ignore)
    )


def find(db, name: str) -> Profile:
    """The profile called ``name`` (a saved one before a built-in of the same name)."""
    for profile in reversed(all_profiles(db)):
        if profile.name == name:
            return profile
    raise ProfileError("unknown", name=name)


def recognize(
    candidates: list[Profile] | tuple[Profile, ...], kind: str, header: list[str]
) -> Profile | None:
    """The profile among ``candidates`` (``all_profiles``) for a file of ``kind`` with this
    header: a saved one made on the same header set first, else the built-in whose signature
    is the longest found in it."""
    fits = [p for p in candidates if p.kind == kind and p.fits(header)]
    saved = [p for p in fits if not p.builtin]
    if saved:
        return saved[0]
    return max(fits, key=lambda p: len(p.signature), default=None)


def fitting(db, header: list[str]) -> list[Profile]:
    """Every profile, of any kind, whose source this header is (to say a file was given the
    wrong kind)."""
    return [p for p in all_profiles(db) if p.fits(header)]


def save(db, profile: Profile, user: str) -> Profile:
    """Save (or replace) a staff profile; a built-in's name cannot be taken."""
    return save_all(db, [profile], user)[0]


def save_all(db, profiles: list[Profile], user: str) -> list[Profile]:
    """Save (or replace) staff profiles in one transaction: all or none."""
    for profile in profiles:
        if any(p.name == profile.name for p in builtin_profiles()):
            raise ProfileError("builtin_name", name=profile.name)
    profiles = [p.model_copy(update={"builtin": False}) for p in profiles]
    with db.transaction() as cur:
        for profile in profiles:
            cur.execute(
                "INSERT OR REPLACE INTO source_profiles VALUES (?, ?, ?, ?, ?)",
                [profile.name, profile.kind, profile.model_dump_json(), user, dt.datetime.now()],
            )
    audit.record(db, "profile_save", ", ".join(p.name for p in profiles), user=user)
    return profiles


def delete(db, name: str) -> None:
    """Delete a saved profile; a built-in one or an unknown name is refused."""
    if any(p.name == name for p in builtin_profiles()):
        raise ProfileError("builtin_delete", name=name)
    with db.transaction() as cur:
        if not cur.execute("SELECT count(*) FROM source_profiles WHERE name = ?", [name]).fetchone()[0]:
            raise ProfileError("unknown", name=name)
        cur.execute("DELETE FROM source_profiles WHERE name = ?", [name])
    audit.record(db, "profile_delete", name)


def export_json(profiles: list[Profile]) -> bytes:
    """Profiles as a JSON file another office can import."""
    payload = {"format": EXPORT_FORMAT, "profiles": [p.model_dump(exclude={"builtin"}) for p in profiles]}
    return json.dumps(payload, ensure_ascii=False, indent=2).encode()


MAX_IMPORT_BYTES = 1 << 20  # a set of profiles is a few KB; anything larger is not one


def import_json(db, data: bytes, user: str) -> list[Profile]:
    """Save every profile of an exported file (all or none); return them."""
    if len(data) > MAX_IMPORT_BYTES:
        raise ProfileError("file_invalid")
    try:
        payload = json.loads(data.decode("utf-8-sig"))
        if payload.get("format") != EXPORT_FORMAT:
            raise ValueError("not an export of source profiles")
        profiles = [Profile(**entry) for entry in payload["profiles"]]
    except (ValueError, KeyError, TypeError, AttributeError, ValidationError):
        raise ProfileError("file_invalid") from None
    return save_all(db, profiles, user)
