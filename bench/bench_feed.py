"""Benchmark the feed writers against lxml building the same RSS by hand.

Run: ``python bench/bench_feed.py [N]`` (N articles, 500 by default: the most Dzen takes in
one feed). Prints a Markdown table: the time of each writer and its ratio to the floor,
measured in the same run. The floor builds the same RSS 2.0 with lxml's element tree (the same
elements and texts, the body HTML made beforehand and not timed) and serialises it. The peak
memory (tracemalloc) of writing the RSS feed shows the streaming: the floor holds every item
at once, the writer one.
"""

from __future__ import annotations

import io
import platform
import sys
import tracemalloc
import warnings
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

from _timing import best
from lxml import etree

from newsmodel import Article, Attribution, Figure, LossyConversionWarning, Section, feed
from newsmodel.html._writer import body_html

CONTENT = "http://purl.org/rss/1.0/modules/content/"
DC = "http://purl.org/dc/elements/1.1/"
NOW = datetime(2026, 11, 25, 12, tzinfo=timezone.utc)
CHANNEL = feed.Channel(title="Altyn-Orda", link="https://altyn-orda.kz/")


def make_articles(n: int) -> list[Article]:
    paragraph = (
        "Движение по новому мосту через Есиль откроют в понедельник, сообщили в акимате. " * 3
    )
    return [
        Article(
            headline=f"В Астане открыли новый мост через Есиль, часть {i}",
            lede="Мост соединил левый и правый берег в районе Триумфальной арки.",
            url=f"https://altyn-orda.kz/news/{i}",
            published=NOW - timedelta(minutes=i),
            attributions=[Attribution("Анна Ким")],
            rubrics=["Общество"],
            image=Figure(f"https://altyn-orda.kz/img/{i}.jpg"),
            sections=[Section(heading="Подробности", blocks=[paragraph] * 6)],
        )
        for i in range(n)
    ]


def floor(articles: list[Article], bodies: list[str]) -> bytes:
    """The same RSS built as one lxml tree, then serialised."""
    rss = etree.Element("rss", version="2.0", nsmap={"content": CONTENT, "dc": DC})
    channel = etree.SubElement(rss, "channel")
    for tag, text in (("title", CHANNEL.title), ("link", CHANNEL.link)):
        etree.SubElement(channel, tag).text = text
    for article, body in zip(articles, bodies, strict=True):
        item = etree.SubElement(channel, "item")
        etree.SubElement(item, "title").text = article.headline
        etree.SubElement(item, "link").text = article.url
        etree.SubElement(item, "description").text = article.lede
        etree.SubElement(item, f"{{{CONTENT}}}encoded").text = body
        etree.SubElement(item, f"{{{DC}}}creator").text = article.attributions[0].name
        etree.SubElement(item, "category").text = article.rubrics[0]
        enclosure = etree.SubElement(item, "enclosure")
        enclosure.set("url", article.image.image)  # type: ignore[union-attr]
        etree.SubElement(item, "guid").text = article.url
        etree.SubElement(item, "pubDate").text = format_datetime(article.published)  # type: ignore[arg-type]
    return etree.tostring(rss, xml_declaration=True, encoding="utf-8")


def peak(run) -> int:
    tracemalloc.start()
    run()
    _, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return top


class Null(io.RawIOBase):
    def writable(self) -> bool:
        return True

    def write(self, b) -> int:  # type: ignore[override]
        return len(b)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    articles = make_articles(n)
    bodies = [body_html(a)[0] for a in articles]
    warnings.simplefilter("ignore", LossyConversionWarning)
    base = best(lambda: floor(articles, bodies))
    print(f"Python {platform.python_version()}, {n} articles, best of 5\n")
    print("| writer | seconds | ratio to the lxml floor |")
    print("| --- | ---: | ---: |")
    print(f"| lxml tree, body HTML made beforehand (floor) | {base:.3f} | 1.00 |")
    for fmt in feed.FORMATS:
        spent = best(
            lambda fmt=fmt: feed.dump(articles, Null(), channel=CHANNEL, format=fmt, now=NOW)
        )
        print(f"| feed.dump {fmt} | {spent:.3f} | {spent / base:.2f} |")
    print("\n| peak memory of writing RSS | MiB | ratio |")
    print("| --- | ---: | ---: |")
    tree = peak(lambda: floor(articles, bodies))
    stream = peak(lambda: feed.dump(iter(articles), Null(), channel=CHANNEL, format="rss"))
    print(f"| lxml tree (floor) | {tree / 2**20:.1f} | 1.00 |")
    print(f"| feed.dump rss, streaming | {stream / 2**20:.1f} | {stream / tree:.2f} |")


if __name__ == "__main__":
    main()
