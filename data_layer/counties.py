"""The nine county-level divisions of Zhanjiang (adcode 440800) and how names map to them.

Population is the 2020 census resident population in 10,000 people (rounded), used for
per-10,000-people figures. Functional zones are not administrative divisions; data that
names one is mapped to the division that hosts its administrative committee, as listed in
``ZONE_TO_COUNTY``. An office that maps them differently edits that table.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class County:
    adcode: str
    name_zh: str
    name_en: str
    kind: str  # district | county | city
    population_10k: float


COUNTIES: tuple[County, ...] = (
    County("440802", "赤坎区", "Chikan District", "district", 33.6),
    County("440803", "霞山区", "Xiashan District", "district", 55.6),
    County("440804", "坡头区", "Potou District", "district", 35.6),
    County("440811", "麻章区", "Mazhang District", "district", 49.1),
    County("440823", "遂溪县", "Suixi County", "county", 88.6),
    County("440825", "徐闻县", "Xuwen County", "county", 70.4),
    County("440881", "廉江市", "Lianjiang City", "city", 149.0),
    County("440882", "雷州市", "Leizhou City", "city", 142.7),
    County("440883", "吴川市", "Wuchuan City", "city", 93.1),
)

ZONE_TO_COUNTY: dict[str, str] = {
    "湛江经济技术开发区": "440803",
    "经开区": "440803",
    "湛江高新技术产业开发区": "440811",
    "高新区": "440811",
    "南三岛滨海旅游示范区": "440804",
    "奋勇高新区": "440823",
}

BY_ADCODE = {c.adcode: c for c in COUNTIES}
_BY_NAME = {c.name_zh: c.adcode for c in COUNTIES}
# Short names without the suffix are common in staff files ("廉江" for 廉江市).
_BY_NAME.update({c.name_zh[:-1]: c.adcode for c in COUNTIES})
_BY_NAME.update({c.name_en.lower(): c.adcode for c in COUNTIES})
_BY_NAME.update(ZONE_TO_COUNTY)


def county_adcode(value: str) -> str:
    """Adcode for a county given by code, Chinese or English name, or functional zone.

    Raises ValueError("county_unknown") for anything else.
    """
    text = (value or "").strip()
    if text in BY_ADCODE:
        return text
    text = text.removeprefix("湛江市")
    found = _BY_NAME.get(text) or _BY_NAME.get(text.lower())
    if found is None:
        raise ValueError("county_unknown")
    return found


CITY_NAME = "湛江"
CITY_ADCODE_PREFIX = "4408"
# Names an address may carry, longest first so 湛江经济技术开发区 wins over a shorter match.
_PLACE_NAMES = sorted(
    {**{c.name_zh: c.adcode for c in COUNTIES}, **ZONE_TO_COUNTY}.items(), key=lambda kv: -len(kv[0])
)


def county_in_text(text: str | None) -> str | None:
    """The county an address or region names (``广东省湛江市赤坎区寸金路1号`` -> 440802), if any.

    Full names and functional zones only: a short name (``廉江``) inside an address may be a
    street or a company's name.
    """
    for name, adcode in _PLACE_NAMES:
        if text and name in text:
            return adcode
    return None


def in_city(region: str | None = None, region_code: str | None = None) -> bool | None:
    """Whether a party's region (text) or 6-digit region code lies in the city; None if unknown."""
    code = (region_code or "").strip()
    if len(code) == 6 and code.isdigit():
        return code.startswith(CITY_ADCODE_PREFIX)
    text = (region or "").strip()
    if not text:
        return None
    return CITY_NAME in text or county_in_text(text) is not None
