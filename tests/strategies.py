"""Hypothesis strategies for articles: Cyrillic, Kazakh letters, emoji, long text."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from newsmodel import (
    Article,
    Attribution,
    Emphasis,
    Figure,
    ItemList,
    LineBreak,
    Link,
    Paragraph,
    Quote,
    Role,
    Section,
    Strong,
    Subject,
    Table,
)

# Letters a Russian or Kazakh newsroom types, with digits, punctuation, typography and emoji.
RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
KAZAKH = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
PUNCTUATION = "0123456789.,;:!?-—–«»„“\"'()$%№&<>/"
SPACES = " \u00a0"
EMOJI = "🇰🇿😀📰"

_alphabet = st.sampled_from(RUSSIAN + KAZAKH + LATIN + PUNCTUATION + SPACES + EMOJI)


@st.composite
def words(draw: st.DrawFn, max_words: int = 8) -> str:
    """A non-blank line of words, already in the model's normal form."""
    parts = draw(
        st.lists(
            st.text(_alphabet, min_size=1, max_size=12).map(str.strip).filter(bool),
            min_size=1,
            max_size=max_words,
        )
    )
    return " ".join(parts)


def any_text() -> st.SearchStrategy[str]:
    """Arbitrary text, including control characters and odd whitespace (not normalised)."""
    return st.text(max_size=40)


urls = st.builds(
    lambda host, path: f"https://{host}.kz/{path}",
    st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=10),
    st.text("abcdefghijklmnopqrstuvwxyz0123456789-/", max_size=20),
)
hrefs = st.one_of(urls, st.just("mailto:desk@example.kz"), st.just("/news/123"))


def _inline(depth: int) -> st.SearchStrategy[object]:
    text = words(4)
    if depth == 0:
        return text
    inner = st.lists(_inline(depth - 1), min_size=1, max_size=3)
    return st.one_of(
        text,
        text,
        st.builds(Emphasis, inner),
        st.builds(Strong, inner),
        st.builds(Link, hrefs, inner),
    )


# "..., передает Kazinform": the source phrase news text ends with, which readers of text
# without markup take for a credit.
source_phrases = st.builds(
    lambda form, name: form.format(name),
    st.sampled_from([", передает {}", " — сообщает {}.", ", сообщает {}", ", передает {}."]),
    words(2),
)


@st.composite
def paragraphs(draw: st.DrawFn) -> Paragraph:
    """A paragraph with text runs, links, emphasis and line breaks; some end with a source."""
    parts = draw(st.lists(_inline(2), min_size=1, max_size=4))
    content: list[object] = []
    for i, part in enumerate(parts):
        if i:
            content.append(draw(st.sampled_from([" ", " ", LineBreak()])))
        content.append(part)
    if draw(st.integers(0, 4)) == 0:
        content.append(draw(source_phrases))
    return Paragraph(content)  # type: ignore[arg-type]


ledes = st.one_of(words(20), st.builds(str.__add__, words(12), source_phrases))


attributions = st.builds(
    Attribution,
    name=words(3),
    role=st.sampled_from(list(Role)),
    url=st.none() | urls,
    phrase=st.none() | st.sampled_from(["передает", "сообщает", "фото", "перевод", "по данным"]),
)

figures = st.builds(
    Figure,
    image=urls.map(lambda u: u + ".jpg"),
    caption=st.none() | words(6),
    credit=st.none() | attributions,
    alt=st.none() | words(4),
)


@st.composite
def tables(draw: st.DrawFn) -> Table:
    """A table of one to four rows of one to four cells, some blank, under a header or none."""
    width = draw(st.integers(1, 4))
    cells = st.one_of(words(3), st.just(""))
    rows = draw(st.lists(st.lists(cells, min_size=width, max_size=width), min_size=1, max_size=4))
    if not any(any(row) for row in rows):
        rows[0][0] = draw(words(2))
    header = draw(st.integers(0, len(rows)))
    return Table(rows, header_rows=header, caption=draw(st.none() | words(5)))


blocks = st.one_of(
    paragraphs(),
    paragraphs(),
    st.builds(Quote, st.lists(paragraphs(), min_size=1, max_size=2), cite=st.none() | words(3)),
    st.builds(ItemList, st.lists(paragraphs(), min_size=1, max_size=3), ordered=st.booleans()),
    figures,
    tables(),
)

sections = st.one_of(
    st.builds(Section, heading=words(6), blocks=st.lists(blocks, max_size=3)),
    st.builds(Section, heading=st.none(), blocks=st.lists(blocks, min_size=1, max_size=3)),
)

zones = st.sampled_from(
    [
        timezone.utc,
        ZoneInfo("Asia/Almaty"),
        ZoneInfo("Europe/Moscow"),
        timezone(timedelta(hours=5)),
        # Offsets that are not whole minutes, as local mean time was (Almaty: +05:07:48).
        timezone(timedelta(hours=5, minutes=7, seconds=48)),
        timezone(-timedelta(hours=3, minutes=30, seconds=15)),
    ]
)
# Whole seconds: news formats print times to the minute or second, not to the microsecond.
datetimes = st.datetimes(
    min_value=datetime(1995, 1, 1),  # noqa: DTZ001 - made aware by `timezones`
    max_value=datetime(2040, 12, 31),  # noqa: DTZ001
    timezones=zones,
    allow_imaginary=False,
).map(lambda d: d.replace(microsecond=0))

subjects = st.builds(
    Subject,
    st.integers(1_000_000, 20_000_000).map(lambda n: f"medtop:{n:08d}"),
    st.none() | words(3),
)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    """A valid article using every field of the model; some have an update time only."""
    published = draw(st.none() | datetimes)
    updated = None
    if published is not None and draw(st.booleans()):
        # In UTC: wall-clock arithmetic in a zone with clock changes can go back in time.
        delta = timedelta(minutes=draw(st.integers(0, 60 * 24 * 30)))
        updated = published.astimezone(timezone.utc) + delta
    elif published is None and draw(st.integers(0, 3)) == 0:
        updated = draw(datetimes)
    return Article(
        headline=draw(words(10)),
        lede=draw(st.none() | ledes),
        sections=draw(st.lists(sections, max_size=4)),
        attributions=draw(st.lists(attributions, max_size=4)),
        published=published,
        updated=updated,
        language=draw(st.sampled_from(["ru", "kk", "en", "ru-KZ"])),
        rubrics=draw(st.lists(words(3), max_size=3)),
        tags=draw(st.lists(words(2), max_size=4)),
        subjects=draw(st.lists(subjects, max_size=2)),
        site=draw(st.none() | words(2)),
        url=draw(st.none() | urls),
        guid=draw(st.none() | st.uuids().map(lambda u: f"urn:uuid:{u}")),
        version=draw(st.integers(1, 20)),
        dateline=draw(st.none() | words(3)),
        place=draw(st.none() | words(2)),
        image=draw(st.none() | figures),
        extra=draw(
            st.lists(
                st.tuples(st.sampled_from(["newsml:urgency", "html:meta:x"]), words(2)), max_size=2
            )
        ),
    )
