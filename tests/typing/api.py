"""Typed usage of the public API; checked by mypy only (``mypy tests/typing``), never run."""

from __future__ import annotations

from datetime import date, datetime, timezone

import attrs

from newsmodel import (
    Article,
    Attribution,
    Block,
    Figure,
    Inline,
    Link,
    Paragraph,
    ParseError,
    Role,
    Section,
    json,
    ninjs,
)

article = Article(
    headline="Заголовок",
    sections=[
        Section(heading="Подзаголовок", blocks=["Абзац.", Paragraph(["a ", Link("/x", "b")])])
    ],
    attributions=[Attribution("Altyn-orda.kz", role=Role.SOURCE, phrase="передает")],
    published=datetime(2026, 11, 25, 9, 5, tzinfo=timezone.utc),
    rubrics=["Новости"],
)
headline: str = article.headline
lede: str | None = article.lede
sections: tuple[Section, ...] = article.sections
first: Block = article.sections[0].blocks[0]
if isinstance(first, Paragraph):
    inline: Inline = first.content[0]
if isinstance(first, Figure):
    credit: Attribution | None = first.credit
published: datetime | date | None = article.published
slug: str = article.slug
changed: Article = attrs.evolve(article, lede="Анонс")
text: str = json.dumps(article)
back: Article = json.loads(text)
try:
    json.loads("{}")
except ParseError as exc:
    line: int | None = exc.line

# Feeds: many articles, one channel.
from newsmodel import feed  # noqa: E402

channel = feed.Channel(title="Сайт", link="https://example.kz/")
rss: bytes = feed.dumps([article], channel=channel, format="rss")
read_back: list[Article] = feed.loads(rss)
dzen_options = feed.DzenOptions(comments="none")
# ninjs: the same four functions, a version to write, items of a response, schema problems.
item_text: str = ninjs.dumps(article, version="2.2", indent=2)
from_ninjs: Article = ninjs.loads(item_text, tz="Asia/Almaty")
every: list[Article] = list(ninjs.iter_articles(item_text.encode()))
problems: list[str] = [p.message for p in ninjs.validate(item_text)]
