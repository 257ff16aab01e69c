"""Writing NITF 3.6: valid against the schema, read back as written."""

from __future__ import annotations

import warnings
from datetime import datetime, timezone

import attrs
from hypothesis import HealthCheck, given, settings

from carried import carried
from newsmodel import (
    Article,
    Attribution,
    Figure,
    LossyConversionWarning,
    Rights,
    Role,
    Section,
    Subject,
    Table,
    nitf,
)
from strategies import articles


def _carried(article: Article) -> Article:
    """The article as NITF carries it: what it has no place for, left out."""
    article = carried(article, "nitf")

    def figure(fig: Figure | None) -> Figure | None:
        if fig is None or fig.credit is None:
            return fig
        return attrs.evolve(fig, credit=Attribution(fig.credit.name, role=Role.PHOTOGRAPHER))

    sections = [
        attrs.evolve(s, blocks=[figure(b) if isinstance(b, Figure) else b for b in s.blocks])
        for s in article.sections
    ]
    rights = article.rights
    if rights is not None:
        kept = {"holder": rights.holder, "usage_terms": rights.usage_terms}
        rights = Rights(**kept) if any(kept.values()) else None
    return Article(
        urgency=article.urgency,
        embargo=article.embargo,
        pub_status=article.pub_status,
        editorial_note=article.editorial_note,
        correction=article.correction,
        rights=rights,
        headline=article.headline,
        lede=article.lede,
        sections=sections,
        attributions=[Attribution(a.name) for a in article.credited(Role.AUTHOR)],
        published=article.published,
        language=article.language,
        tags=article.tags,
        subjects=[s for s in article.subjects if s.code.startswith("subj:")],
        site=article.site,
        guid=article.guid,
        dateline=article.dateline,
        place=article.place,
        image=figure(article.image),
    )


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_every_article_is_written_valid_and_read_back(article):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyConversionWarning)
        data = nitf.dumps(article)
        assert nitf.validate(data) == []
        back = nitf.loads(data)
    expected = _carried(article)
    assert attrs.evolve(back, extra=()) == expected


@settings(max_examples=50, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_indented_output_is_valid_and_reads_the_same(article):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyConversionWarning)
        data = nitf.dumps(article, indent=2)
        assert nitf.validate(data) == []
        assert nitf.loads(data) == nitf.loads(nitf.dumps(article))


def test_mapping():
    when = datetime(2026, 11, 25, 9, 5, tzinfo=timezone.utc)
    article = Article(
        headline="Заголовок",
        lede="Анонс.",
        attributions=[Attribution("Анна Ким")],
        published=when,
        guid="urn:x:1",
        tags=["тег"],
        subjects=[Subject("subj:15000000", "спорт")],
        site="Сайт",
        dateline="АСТАНА, 25 ноября",
        place="Астана",
        url="https://example.kz/a",
        sections=[
            Section("Итоги", [Table([["Команда", "Очки"], ["Кайрат", "52"]], header_rows=1)])
        ],
    )
    data = nitf.dumps(article).decode("utf-8")
    for part in (
        '<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/" version="-//IPTC//DTD NITF 3.6//EN"',
        "<hl1>Заголовок</hl1>",
        "<abstract><p>Анонс.</p></abstract>",
        "<byline>Анна Ким</byline>",
        "<distributor>Сайт</distributor>",
        "<dateline>АСТАНА, 25 ноября</dateline>",
        '<evloc city="Астана"/>',
        '<date.issue norm="20261125T090500+0000"/>',
        '<doc-id id-string="urn:x:1"/>',
        '<keyword key="тег"/>',
        'tobject.subject.refnum="15000000"',
        'ex-ref="https://example.kz/a"',
        "<thead><tr><th>Команда</th><th>Очки</th></tr></thead>",
        "<tbody><tr><td>Кайрат</td><td>52</td></tr></tbody>",
    ):
        assert part in data, part
    assert nitf.validate(data.encode()) == []


def test_what_nitf_cannot_carry_is_reported():
    article = Article(
        headline="Т",
        rubrics=["Политика"],
        attributions=[Attribution("Агентство", role=Role.SOURCE)],
        updated=datetime(2026, 1, 1, tzinfo=timezone.utc),
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", LossyConversionWarning)
        nitf.dumps(article)
    lost = {w.message.lost for w in caught}  # type: ignore[union-attr]
    assert {"rubrics", "updated", "attributions"} <= lost
    assert all(w.filename == __file__ for w in caught)
