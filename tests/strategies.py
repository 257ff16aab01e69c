"""Hypothesis strategies for articles: Cyrillic, Kazakh letters, emoji, long text.

Every strategy is built once, when this module is imported (or once per argument, for
:func:`words`), and drawn from many times: Hypothesis validates a strategy the first time it is
drawn from, and a strategy built afresh inside each draw is validated afresh each time, which
costs more than the draw itself.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from functools import cache
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from carried import NOT_CARRIED, carried
from newsmodel import (
    Article,
    Attribution,
    Embed,
    EmbedProvider,
    Emphasis,
    Figure,
    Genre,
    ItemList,
    LineBreak,
    Link,
    Paragraph,
    PubStatus,
    Quote,
    Rights,
    Role,
    Section,
    Strong,
    Subject,
    Table,
    slugify,
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
    # What stood between a lede and its credit: the canonical ", " most often.
    separator=st.sampled_from([", ", ", ", ", - ", " — ", ",— ", " – , ", ","]),
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


# Posts and videos of every provider, by URL alone (the provider derived) or with it given.
embed_urls = (
    st.sampled_from(
        [
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://youtu.be/dQw4w9WgXcQ",
            "https://vimeo.com/76979871",
            "https://t.me/kazinform_news/12345",
            "https://www.instagram.com/p/C1a2b3c4d5/",
            "https://x.com/kazinform/status/1860000000000000000",
            "https://twitter.com/kazinform/status/1860000000000000000",
            "https://vk.com/video-12345_456239017",
            "https://www.tiktok.com/@kazinform/video/7300000000000000000",
            "https://example.kz/player/embed/42",
        ]
    )
    | urls
)
embeds = st.builds(
    Embed,
    url=embed_urls,
    provider=st.none() | st.sampled_from(list(EmbedProvider)),
    caption=st.none() | words(6),
    credit=st.none() | attributions,
)

blocks = st.one_of(
    paragraphs(),
    paragraphs(),
    embeds,
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

languages = st.sampled_from(["ru", "kk", "en", "ru-KZ"])
subjects = st.builds(
    Subject,
    st.integers(1_000_000, 20_000_000).map(lambda n: f"medtop:{n:08d}"),
    st.none() | words(3),
    names=st.dictionaries(languages, words(3), max_size=3),
)
genres = st.builds(
    Genre,
    st.sampled_from(["genre:Current", "genre:Interview", "genre:Analysis", "dpatextgenre:12"]),
    st.none() | words(2),
)
# Rights give at least one of the three.
rights = st.one_of(
    st.builds(Rights, words(2), st.none() | words(4), st.none() | words(8)),
    st.builds(Rights, notice=words(4), usage_terms=st.none() | words(8)),
    st.builds(Rights, usage_terms=words(8)),
)
dates = st.dates(min_value=date(1995, 1, 1), max_value=date(2040, 12, 31))
slugs = words(4).map(slugify).filter(bool)


_uuids = st.uuids().map(lambda u: f"urn:uuid:{u}")
_update_after = st.integers(0, 60 * 24 * 30).map(lambda m: timedelta(minutes=m))
_days_after = st.integers(0, 60).map(lambda d: timedelta(days=d))
_has_update = st.booleans()
_update_alone = st.integers(0, 3).map(lambda n: n == 0)
_date_only = st.integers(0, 3).map(lambda n: n == 0)

# Every field but the pairs of times, which depend on each other.
_fields = st.fixed_dictionaries(
    {
        "headline": words(10),
        "lede": st.none() | ledes,
        "sections": st.lists(sections, max_size=4),
        "attributions": st.lists(attributions, max_size=4),
        "language": languages,
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
        "slug": st.none() | st.none() | slugs,
        "extra": st.lists(
            st.tuples(st.sampled_from(["newsml:urgency", "html:meta:x"]), words(2)), max_size=2
        ),
        "urgency": st.none() | st.integers(1, 9),
        "embargo": st.none() | datetimes,
        "pub_status": st.sampled_from(list(PubStatus)),
        "editorial_note": st.none() | words(12),
        "genres": st.lists(genres, max_size=2),
        "rights": st.none() | rights,
        "slugline": st.none() | words(3),
        "correction": st.none() | words(12),
        "signals": st.lists(
            st.sampled_from(["sig:update", "sig:correction", "sig:withheld", "dpasig:k"]),
            max_size=2,
            unique=True,
        ),
    }
)
_maybe_datetime = st.none() | datetimes


def _later(draw: st.DrawFn, first: datetime) -> datetime:
    # In UTC: wall-clock arithmetic in a zone with clock changes can go back in time.
    return first.astimezone(timezone.utc) + draw(_update_after)


@st.composite
def _publication(draw: st.DrawFn) -> dict[str, datetime | date | None]:
    """``published`` and ``updated``: times or days alone, in order; an update time alone."""
    published: datetime | date | None = draw(_maybe_datetime)
    updated: datetime | date | None = None
    if published is not None and draw(_date_only):
        published = published.date()
        if draw(_has_update):
            updated = published + draw(_days_after)
    elif isinstance(published, datetime) and draw(_has_update):
        updated = _later(draw, published)
    elif published is None and draw(_update_alone):
        updated = draw(datetimes)
        if draw(_date_only):
            updated = updated.date()
    return {"published": published, "updated": updated}


@st.composite
def _versions(draw: st.DrawFn) -> dict[str, datetime | None]:
    """``first_created`` and ``version_created``: in order, either alone, or none."""
    first = draw(_maybe_datetime)
    version = None
    if first is not None and draw(_has_update):
        version = _later(draw, first)
    elif first is None and draw(_update_alone):
        version = draw(datetimes)
    return {"first_created": first, "version_created": version}


_publications = _publication()
_version_pairs = _versions()


@st.composite
def _articles(draw: st.DrawFn) -> Article:
    return Article(**draw(_fields), **draw(_publications), **draw(_version_pairs))


_article_strategy = _articles()


def articles() -> st.SearchStrategy[Article]:
    """Valid articles using every field of the model; some have an update time only."""
    return _article_strategy


def articles_for(fmt: str) -> st.SearchStrategy[Article]:
    """Articles less what the format ``fmt`` does not carry yet (see ``carried.py``)."""
    return _carried_by[fmt]


_carried_by = {
    fmt: _article_strategy.map(lambda a, fmt=fmt: carried(a, fmt)) for fmt in NOT_CARRIED
}
