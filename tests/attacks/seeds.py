"""Valid inputs of every format: the starting points of mutation fuzzing.

Each format gets what its own writer makes of two articles (one using every field, one
minimal) and the smallest real documents the test data holds for it.
"""

from __future__ import annotations

import importlib
import warnings
from datetime import datetime, timedelta, timezone
from pathlib import Path

from newsmodel import (
    Article,
    Attribution,
    Emphasis,
    Figure,
    ItemList,
    LineBreak,
    Link,
    LossyConversionWarning,
    Paragraph,
    Quote,
    Role,
    Section,
    Strong,
    Subject,
)

DATA = Path(__file__).parent.parent / "data"
#: Real documents of each format, smallest first; globs under tests/data.
REAL = {
    "json": [],
    "text": ["text/*.txt"],
    "html": ["html/corpus/*.html"],
    "newsml": ["newsml/valid/**/*.xml", "newsml/*.xml", "newsml12/*.xml"],
    "nitf": ["nitf/*.xml"],
    "ninjs": ["ninjs/valid/*.json", "ninjs/iptc/*.json"],
}


def full_article() -> Article:
    """An article using every field of the model."""
    almaty = timezone(timedelta(hours=5))
    return Article(
        headline="Бюджет «Астаны» утверждён: 1 200 млрд ₸",
        lede="Маслихат утвердил бюджет на 2027 год, передает Kazinform",
        sections=[
            Section(
                blocks=[
                    Paragraph(
                        ["Подробности на ", Link("https://example.kz/a?b=1&c=2", "сайте"), "."]
                    ),
                    Paragraph(
                        [Strong(["очень ", Emphasis("важно")]), LineBreak(), "вторая строка"]
                    ),
                    Quote(["Мы готовы."], cite="аким"),
                ]
            ),
            Section(
                "Подзаголовок",
                [
                    ItemList(["первый", "второй"], ordered=True),
                    Figure(
                        "https://example.kz/photo.jpg",
                        caption="Вид на Астану",
                        credit=Attribution("Иван Петров", role=Role.PHOTOGRAPHER, phrase="фото"),
                        alt="Панорама",
                    ),
                ],
            ),
        ],
        attributions=[
            Attribution("Kazinform", role=Role.SOURCE, phrase="передает"),
            Attribution("Анна Ким", url="https://example.kz/authors/kim"),
        ],
        published=datetime(2026, 11, 25, 9, 5, tzinfo=almaty),
        updated=datetime(2026, 11, 25, 10, 0, tzinfo=almaty),
        language="ru",
        rubrics=["Экономика", "Новости Казахстана"],
        tags=["бюджет", "Астана"],
        subjects=[Subject("medtop:04000000", "экономика")],
        site="ПРИМЕР",
        url="https://example.kz/news/budget",
        guid="urn:example:42",
        version=2,
        dateline="АСТАНА, 25 ноября",
        place="Астана",
        image=Figure("https://example.kz/lead.jpg", caption="Здание маслихата"),
        extra=[("html:meta:twitter:site", "@example")],
    )


def written(fmt: str) -> list[bytes]:
    """What the format's writer makes of the sample articles, as UTF-8 bytes."""
    module = importlib.import_module(f"newsmodel.{fmt}")
    out = []
    for article in (full_article(), Article(headline="Заголовок", lede="Анонс.")):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", LossyConversionWarning)
            text = module.dumps(article)
        out.append(text.encode("utf-8") if isinstance(text, str) else text)
    return out


def real(fmt: str, count: int = 3, max_bytes: int = 64 * 1024) -> list[bytes]:
    """Up to ``count`` of the smallest real documents of the format (each under ``max_bytes``)."""
    paths = sorted(
        {p for pattern in REAL[fmt] for p in DATA.glob(pattern) if p.is_file()},
        key=lambda p: (p.stat().st_size, p.name),
    )
    return [p.read_bytes() for p in paths if p.stat().st_size <= max_bytes][:count]


def seeds(fmt: str) -> list[bytes]:
    """Every seed of the format."""
    return written(fmt) + real(fmt)


#: Byte strings that mean something to one of the parsers, inserted by the mutator.
TOKENS = [
    b"<",
    b">",
    b"</",
    b"/>",
    b"&",
    b"&amp;",
    b"&#0;",
    b"&#x110000;",
    b"&nbsp",
    b'"',
    b"'",
    b"=",
    b"{",
    b"}",
    b"[",
    b"]",
    b":",
    b",",
    b"null",
    b"true",
    b"1e999",
    b"-0",
    b"\\",
    b"\\u0000",
    b"\\ud800",
    b"\\u202e",
    b"\n",
    b"\n\n",
    b"\n\n\n",
    b"\r",
    b"\t",
    b"\x00",
    b"\x1b",
    b"\xff",
    b"\xc0\xaf",
    b"\xed\xa0\x80",
    b"\xef\xbb\xbf",
    b"\xfe\xff",
    "\u202e".encode(),
    "\u200b".encode(),
    "\u00a0".encode(),
    b"<!--",
    b"-->",
    b"<![CDATA[",
    b"]]>",
    b'<!DOCTYPE x [<!ENTITY e "ee">]>',
    b"&e;",
    b'<!ENTITY % p SYSTEM "file:///etc/passwd">',
    b'<!DOCTYPE nitf SYSTEM "nitf-3-4.dtd">',
    b'<!DOCTYPE NewsML PUBLIC "urn:newsml:iptc.org:20031010:NewsMLv1.2:1" "NewsMLv1.2.dtd">',
    b"&eacute;",
    b"<nitf>",
    b"<NewsML>",
    b"<DataContent>",
    b'<?xml version="1.0" encoding="koi8-r"?>',
    b'<?xml-stylesheet href="x.xsl"?>',
    b'<meta charset="utf-16">',
    b"<script>alert(1)</script>",
    b'"body_html": "<p>',
    b'"item": [',
    b'"associations": {"featuremedia": {"renditions": {"original": {"href": ',
    b"<svg><script>",
    b"<math>",
    b"<noscript>",
    b"<template>",
    b"<p>",
    b"<div>",
    b"<h1>",
    b"<title>",
    b"<article>",
    b'<a href="javascript:alert(1)">',
    b' onerror="alert(1)"',
    b'xmlns="',
    b'xmlns:x="u"',
    b'<xi:include href="file:///etc/passwd"/>',
    b"\xd0\xb0",
    b"\xd0",
    b"headline",
    b"@type",
    b'"NewsArticle"',
    b'<script type="application/ld+json">',
    b"https://",
    b"//",
    b"#",
]
