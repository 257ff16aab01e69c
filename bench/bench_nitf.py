"""NITF speed, measured against floors taken in the same run.

    python bench/bench_nitf.py

Rows:

* write: ``nitf.dumps(article)`` against building the same elements (head, docdata, body.head,
  blocks of paragraphs with inline markup) with raw lxml calls and serialising them (goal: at
  most 1.5x).
* read: ``nitf.loads(data)`` against ``etree.fromstring`` plus compiled XPath lookups of the
  same fields, paragraphs walked into their text runs and inline elements (goal: at most 2x).
* read with a DOCTYPE: the same document behind a DOCTYPE naming its DTD (never loaded),
  against the same floor.
"""

from __future__ import annotations

import warnings
from datetime import datetime, timedelta, timezone

from _timing import paired
from lxml import etree

from newsmodel import (
    Article,
    Attribution,
    Emphasis,
    Link,
    LossyConversionWarning,
    Paragraph,
    Role,
    Section,
    nitf,
)

NITF = "http://iptc.org/std/NITF/2006-10-18/"
WHEN = datetime(2026, 11, 25, 9, 5, tzinfo=timezone(timedelta(hours=5)))


def sample() -> Article:
    """A typical agency story: 5 sections of 4 paragraphs with links and emphasis."""
    sections = [
        Section(
            heading=f"Подзаголовок {s}",
            blocks=[
                Paragraph(
                    [
                        f"Абзац {p} раздела {s}: правительство Казахстана сообщило о ",
                        Emphasis("новых мерах"),
                        " поддержки экономики, подробности на ",
                        Link("https://example.kz/news/1", "сайте"),
                        ".",
                    ]
                )
                for p in range(4)
            ],
        )
        for s in range(5)
    ]
    return Article(
        headline="Правительство объявило о новых мерах поддержки",
        lede="Меры коснутся малого и среднего бизнеса.",
        sections=sections,
        attributions=[Attribution("Анна Ким", role=Role.AUTHOR)],
        published=WHEN,
        guid="urn:example:1",
        tags=["экономика", "бизнес"],
        site="Example",
        dateline="АСТАНА, 25 ноября",
    )


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrib: str) -> etree._Element:
    el = etree.SubElement(parent, f"{{{NITF}}}{tag}", attrib)
    if text is not None:
        el.text = text
    return el


def raw_write(a: Article) -> bytes:
    """The same document as ``nitf.dumps``, built with raw lxml calls."""
    root = etree.Element(f"{{{NITF}}}nitf", {"baselang": a.language}, nsmap={None: NITF})
    head = _el(root, "head")
    _el(head, "title", a.headline)
    docdata = _el(head, "docdata")
    _el(docdata, "doc-id", **{"id-string": a.guid or ""})
    _el(docdata, "date.issue", norm=a.published.strftime("%Y%m%dT%H%M%S%z") if a.published else "")
    keys = _el(docdata, "key-list")
    for tag in a.tags:
        _el(keys, "keyword", key=tag)
    body = _el(root, "body")
    bhead = _el(body, "body.head")
    _el(_el(bhead, "hedline"), "hl1", a.headline)
    for credit in a.attributions:
        _el(bhead, "byline", credit.name)
    _el(bhead, "distributor", a.site)
    _el(bhead, "dateline", a.dateline)
    _el(_el(bhead, "abstract"), "p", a.lede)
    content = _el(body, "body.content")
    for section in a.sections:
        block = _el(content, "block")
        _el(block, "hl2", section.heading)
        for paragraph in section.blocks:
            p = _el(block, "p")
            last = None
            for item in paragraph.content:  # type: ignore[union-attr]
                if isinstance(item, str):
                    if last is None:
                        p.text = (p.text or "") + item
                    else:
                        last.tail = (last.tail or "") + item
                elif isinstance(item, Link):
                    last = _el(p, "a", item.text, href=item.href)
                else:
                    last = _el(p, "em", item.text)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


_NS = {"n": NITF}
_XP = {
    "headline": etree.XPath("string(n:body/n:body.head/n:hedline/n:hl1)", namespaces=_NS),
    "lede": etree.XPath("string(n:body/n:body.head/n:abstract)", namespaces=_NS),
    "bylines": etree.XPath("n:body/n:body.head/n:byline/text()", namespaces=_NS),
    "site": etree.XPath("string(n:body/n:body.head/n:distributor)", namespaces=_NS),
    "dateline": etree.XPath("string(n:body/n:body.head/n:dateline)", namespaces=_NS),
    "issued": etree.XPath("string(n:head/n:docdata/n:date.issue/@norm)", namespaces=_NS),
    "guid": etree.XPath("string(n:head/n:docdata/n:doc-id/@id-string)", namespaces=_NS),
    "tags": etree.XPath("n:head/n:docdata/n:key-list/n:keyword/@key", namespaces=_NS),
    "blocks": etree.XPath("n:body/n:body.content/n:block", namespaces=_NS),
}
_H2 = etree.XPath("string(n:hl2)", namespaces=_NS)
_P = etree.XPath("n:p", namespaces=_NS)


def raw_inlines(p: etree._Element) -> list[object]:
    out: list[object] = [p.text]
    for child in p:
        out.append((etree.QName(child).localname, child.get("href"), child.text))
        out.append(child.tail)
    return out


def raw_read(data: bytes) -> dict[str, object]:
    """The same fields as ``loads`` reads, with ``fromstring`` and compiled XPath."""
    root = etree.fromstring(data)
    out: dict[str, object] = {k: xp(root) for k, xp in _XP.items()}
    out["blocks"] = [
        (_H2(b), [raw_inlines(p) for p in _P(b)])
        for b in out["blocks"]  # type: ignore[attr-defined]
    ]
    return out


def main() -> None:
    article = sample()
    warnings.simplefilter("ignore", LossyConversionWarning)
    data = nitf.dumps(article)
    doctype = data.replace(
        b"?>", b'?>\n<!DOCTYPE nitf PUBLIC "-//IPTC//DTD NITF 3.6//EN" "nitf-3-6.dtd">', 1
    )
    assert nitf.loads(doctype) == nitf.loads(data)  # noqa: S101 - the rows measure the same work
    rows = [
        ("write", *paired(lambda: nitf.dumps(article), lambda: raw_write(article), 300), 1.5),
        ("read", *paired(lambda: nitf.loads(data), lambda: raw_read(data), 300), 2.0),
        (
            "read with a DOCTYPE",
            *paired(lambda: nitf.loads(doctype), lambda: raw_read(data), 300),
            2.0,
        ),
    ]
    print(f"NITF ({len(data):,} bytes, {len(article.sections)} sections)\n")
    print("| step | newsmodel (µs) | floor: raw lxml (µs) | ratio | goal |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, ours, floor, goal in rows:
        print(f"| {name} | {ours:,.0f} | {floor:,.0f} | {ours / floor:.2f}x | ≤ {goal}x |")


if __name__ == "__main__":
    main()
