"""Region packs: the bundled Zhanjiang pack loads, and a wrong pack is refused with a reason."""

from __future__ import annotations

import shutil

import pytest
from pydantic import ValidationError

from data_layer import counties, county_map, regions


def test_the_zhanjiang_pack_is_the_default_and_feeds_the_county_tables():
    region = regions.pack()
    assert (region.code, region.name_zh, region.level, region.code_prefix) == (
        "440800",
        "湛江市",
        "city",
        "4408",
    )
    assert [c.adcode for c in counties.divisions()] == [d.code for d in region.divisions]
    assert len(region.divisions) == 9 and sum(d.population_10k for d in region.divisions) == pytest.approx(
        717.7
    )
    assert county_map.tiles()["440825"] == (1, 3)  # 徐闻县, the far south
    assert counties.county_adcode("湛江经济技术开发区") == "440803"


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (lambda text: text.replace("tile = [1, 3]", "tile = [2, 2]"), "share a tile"),
        (lambda text: text.replace('division = "440823"', 'division = "440899"'), "does not have"),
        (lambda text: text.replace('code = "440883"', 'code = "44088"'), "pattern"),
        (lambda text: text.replace("population_10k = 93.1", "population_10k = 0"), "greater than 0"),
        (lambda text: 'mayor = "x"\n' + text, "Extra inputs"),
    ],
)
def test_a_wrong_pack_is_refused_with_its_reason(tmp_path, edit, reason):
    folder = tmp_path / "pack"
    shutil.copytree(regions.PACKS / regions.DEFAULT_PACK, folder)
    path = folder / "region.toml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(ValidationError, match=reason):
        regions.load(folder)
