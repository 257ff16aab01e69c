"""Hypothesis strategies for articles: Cyrillic, Kazakh letters, emoji, long text.

Every strategy is built once, when this module is imported (or once per argument, for
:func:`words`), and drawn from many times: Hypothesis validates a strategy the first time it is
drawn from, and a strategy built afresh inside each draw is validated afresh each time, which
costs more than the draw itself.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from functools import cache
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
)

# Letters a Russian or Kazakh newsroom types, with digits, punctuation, typography and emoji.
RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
KAZAKH = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
PUNCTUATION = "0123456789.,;:!?-—–«»„“\"'()$%№&<>/"
SPACES = " \u00a0"
EMOJI = "🇰🇿😀📰"

_alphabet = st.sampled_from(RUSSIAN + KAZAKH + LATIN + PUNCTUATION + SPACES + EMOJI)


_word = st.text(_alphabet, min_size=1, max_size=12).map(str.strip).filter(bool)


@cache
def words(max_words: int = 8) -> st.SearchStrategy[str]:
    """Non-blank lines of up to ``max_words`` words, already in the model's normal form."""
    return st.lists(_word, min_size=1, max_size=max_words).map(" ".join)


def any_text() -> st.SearchStrategy[str]:
    """Arbitrary text, including control characters and odd whitespace (not normalised)."""
    return st.text(max_size=40)


urls = st.builds(
    lambda host, path: f"https://{host}.kz/{path}",
    st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=10),
    st.text("abcdefghijklmnopqrstuvwxyz0123456789-/", max_size=20),
)
hrefs = st.one_of(urls, st.just("mailto:desk@example.kz"), st.just("/news/123"))


@cache
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


_parts = st.lists(_inline(2), min_size=1, max_size=4)
_joints = st.sampled_from([" ", " ", LineBreak()])
_ends_with_source = st.integers(0, 4).map(lambda n: n == 0)


@st.composite
def _paragraphs(draw: st.DrawFn) -> Paragraph:
    parts = draw(_parts)
    content: list[object] = []
    for i, part in enumerate(parts):
        if i:
            content.append(draw(_joints))
        content.append(part)
    if draw(_ends_with_source):
        content.append(draw(source_phrases))
    return Paragraph(content)  # type: ignore[arg-type]


_paragraph_strategy = _paragraphs()


def paragraphs() -> st.SearchStrategy[Paragraph]:
    """Paragraphs with text runs, links, emphasis and line breaks; some end with a source."""
    return _paragraph_strategy


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

blocks = st.one_of(
    paragraphs(),
    paragraphs(),
    st.builds(Quote, st.lists(paragraphs(), min_size=1, max_size=2), cite=st.none() | words(3)),
    st.builds(ItemList, st.lists(paragraphs(), min_size=1, max_size=3), ordered=st.booleans()),
    figures,
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


_uuids = st.uuids().map(lambda u: f"urn:uuid:{u}")
_update_after = st.integers(0, 60 * 24 * 30).map(lambda m: timedelta(minutes=m))
_has_update = st.booleans()
_update_alone = st.integers(0, 3).map(lambda n: n == 0)

# Every field but the dates, which depend on each other.
_fields = st.fixed_dictionaries(
    {
        "headline": words(10),
        "lede": st.none() | ledes,
        "sections": st.lists(sections, max_size=4),
        "attributions": st.lists(attributions, max_size=4),
        "language": st.sampled_from(["ru", "kk", "en", "ru-KZ"]),
        "rubrics": st.lists(words(3), max_size=3),
        "tags": st.lists(words(2), max_size=4),
        "subjects": st.lists(subjects, max_size=2),
        "site": st.none() | words(2),
        "url": st.none() | urls,
        "guid": st.none() | _uuids,
        "version": st.integers(1, 20),
        "dateline": st.none() | words(3),
        "place": st.none() | words(2),
        "image": st.none() | figures,
        "extra": st.lists(
            st.tuples(st.sampled_from(["newsml:urgency", "html:meta:x"]), words(2)), max_size=2
        ),
    }
)
_maybe_datetime = st.none() | datetimes


@st.composite
def _articles(draw: st.DrawFn) -> Article:
    published = draw(_maybe_datetime)
    updated = None
    if published is not None and draw(_has_update):
        # In UTC: wall-clock arithmetic in a zone with clock changes can go back in time.
        updated = published.astimezone(timezone.utc) + draw(_update_after)
    elif published is None and draw(_update_alone):
        updated = draw(datetimes)
    return Article(published=published, updated=updated, **draw(_fields))


_article_strategy = _articles()


def articles() -> st.SearchStrategy[Article]:
    """Valid articles using every field of the model; some have an update time only."""
    return _article_strategy
