"""The plan's four task areas and twelve measures, with the exact names of the domain brief."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Area:
    number: int
    name_zh: str
    name_en: str


@dataclass(frozen=True)
class Measure:
    number: int
    area: int
    name_zh: str
    name_en: str


AREAS: tuple[Area, ...] = (
    Area(
        1,
        "优化供给结构，扩大专利转化运用高质量供给",
        "Improve supply: more high-quality patents to transform",
    ),
    Area(2, "挖掘企业需求，激活知识产权交易市场", "Tap enterprise demand: activate the IP trading market"),
    Area(
        3,
        "优化市场环境，激发主体创新活力和转化动力",
        "Improve the market environment for innovation and transformation",
    ),
    Area(4, "完善支撑体系，助力专利转化运用效能提升", "Strengthen the support system for transformation"),
)

MEASURES: tuple[Measure, ...] = (
    Measure(1, 1, "实施高校和科研机构专利转化提升工程", "Universities and research institutes"),
    Measure(2, 1, "实施市属国有企业专利转化促进工程", "City state-owned enterprises"),
    Measure(3, 1, "实施重点产业专利转化强基工程", "Key industries"),
    Measure(4, 1, "实施专利密集型企业培育工程", "Patent-intensive enterprises"),
    Measure(5, 2, "搭建企业专利需求对接平台", "Platform matching enterprise demand with patents"),
    Measure(6, 2, "畅通中小企业专利产业化渠道", "Channels for small and medium enterprises"),
    Measure(7, 2, "开展重点企业专利转化突破行动", "Breakthrough actions with key enterprises"),
    Measure(8, 3, "提升优化专利产业化环境", "The industrialization environment"),
    Measure(9, 3, "加大知识产权保护力度", "IP protection"),
    Measure(10, 4, "开展专利转化运营服务网络织网行动", "Network of transformation service organizations"),
    Measure(11, 4, "提供专利转化运用全链条服务", "Full-chain transformation services"),
    Measure(12, 4, "加强知识产权金融支持力度", "IP finance"),
)
