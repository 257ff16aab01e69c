"""The model's generated constructors do what attrs' own constructors did, for any input.

`newsmodel._init.install` replaces each model class's attrs ``__init__`` by one that skips the
converter calls whose result is known (a default value, clean text). The originals are kept:
each test here builds the same arguments both ways and expects the same object or the same error.
"""

from __future__ import annotations

import inspect
import re
from datetime import date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import strategies as ns
from newsmodel import (
    Article,
    Attribution,
    Emphasis,
    LineBreak,
    Link,
    Paragraph,
    PubStatus,
    Role,
    Section,
    Strong,
    Subject,
)
from newsmodel._content import _collapse_run, _inline_tuple, _normalize_inlines, _rstrip
from newsmodel._init import ATTRS_INITS, builder
from newsmodel._textrules import SUSPECT
from newsmodel._values import absolute_url, aware, checked_absolute_url, checked_href, href

CLASSES = sorted(ATTRS_INITS, key=lambda cls: cls.__name__)

# Text that every rule leaves alone, and text that one rule or another changes or refuses.
_MESSY = st.lists(
    st.sampled_from([*"aбЁ1 .", "  ", "\u00a0", "\u200b", "\u200d", "e\u0301", "\t", "\x00"]),
    max_size=8,
).map("".join)
_VALUES = st.one_of(
    st.none(),
    ns.words(4),
    _MESSY,
    st.sampled_from(["", " ", "ru", "KK-kz", "https://example.kz/a", "javascript:x", "a:b"]),
    st.sampled_from(["medtop:11000000", "usable", "withheld", "youtube", "source", "Author"]),
    st.integers(-1, 12),
    st.booleans(),
    st.lists(st.one_of(ns.words(3), _MESSY), max_size=3),
    st.lists(st.tuples(st.sampled_from(["ru", "en", ""]), _MESSY), max_size=2),
    st.lists(ns.paragraphs(), max_size=2),
    st.lists(ns.sections, max_size=2),
    st.lists(ns.attributions, max_size=2),
    ns.attributions,
    ns.figures,
    ns.rights,
    ns.datetimes,
    ns.dates,
    st.just(datetime(2026, 3, 29, 2, 30, tzinfo=ZoneInfo("Europe/Berlin"))),  # in a DST gap
    # Values some converters keep without a call: members, fixed offsets up to the calendar's ends.
    st.sampled_from([*Role, *PubStatus]),
    st.datetimes(timezones=st.sampled_from([timezone.utc, timezone(timedelta(hours=-23))])),
    st.just(datetime(2026, 1, 1, 12)),  # noqa: DTZ001 - naive, to be refused
)


def _build(init: Any, cls: type, kwargs: dict[str, Any]) -> tuple[object, ...]:
    """What ``init`` makes of ``kwargs``: the fields' values, or the error it raises."""
    obj = object.__new__(cls)
    try:
        init(obj, **kwargs)
    except Exception as exc:  # noqa: BLE001 - the error itself is compared
        return ("error", type(exc), str(exc), type(obj))
    return ("ok", type(obj), *(getattr(obj, a.name) for a in attrs.fields(cls)))


@st.composite
def _arguments(draw: st.DrawFn, cls: type) -> dict[str, Any]:
    kwargs: dict[str, Any] = {}
    for a in attrs.fields(cls):
        choice = draw(st.integers(0, 3))
        if choice == 0 and a.default is not attrs.NOTHING:
            continue
        # The default object itself (the path that skips the converter), or any value.
        passed_default = choice == 1 and a.default is not attrs.NOTHING
        kwargs[a.alias] = a.default if passed_default else draw(_VALUES)
    return kwargs


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
@given(data=st.data())
def test_the_generated_constructor_gives_what_attrs_gave(cls: type, data: st.DataObject) -> None:
    kwargs = data.draw(_arguments(cls))
    assert _build(cls.__init__, cls, kwargs) == _build(ATTRS_INITS[cls], cls, kwargs)


_BUILDERS = {cls: builder(cls) for cls in CLASSES}


def _built(build: Any, kwargs: dict[str, Any]) -> tuple[object, ...]:
    """What a builder makes of ``kwargs``: the fields' values, or the error it raises."""
    try:
        obj = build(kwargs)
    except Exception as exc:  # noqa: BLE001 - the error itself is compared
        return ("error", type(exc), str(exc))
    return ("ok", type(obj), *(getattr(obj, a.name) for a in attrs.fields(type(obj))))


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
@given(data=st.data())
def test_a_builder_gives_what_the_constructor_gives(cls: type, data: st.DataObject) -> None:
    kwargs = data.draw(_arguments(cls))
    expected = _build(ATTRS_INITS[cls], cls, kwargs)
    got = _built(_BUILDERS[cls], kwargs)
    assert got == (expected[:3] if expected[0] == "error" else expected)


def test_a_builder_refuses_unknown_and_missing_arguments() -> None:
    build = builder(Attribution)
    assert build({"name": "Анна"}) == Attribution("Анна")
    with pytest.raises(TypeError):
        build({"name": "Анна", "rank": 1})
    with pytest.raises(KeyError):
        build({"role": "author"})
    assert builder(Attribution, ignore=frozenset({"type"}))({"name": "А", "type": 1}).name == "А"


def test_a_builder_reads_given_values_first() -> None:
    build = builder(Section, {"blocks": "_twice({v})"}, _twice=lambda v: [*v, *v])
    assert build({"blocks": ["а"]}) == Section(blocks=["а", "а"])
    assert build({"heading": "Б"}) == Section(heading="Б")  # a value not given is not read


@given(ns.articles())
def test_a_whole_article_rebuilt_both_ways_is_the_same(article: Article) -> None:
    kwargs = {a.alias: getattr(article, a.name) for a in attrs.fields(Article)}
    fast, slow = Article.__init__, ATTRS_INITS[Article]
    assert _build(fast, Article, kwargs) == _build(slow, Article, kwargs)


_AT_THE_ENDS = [
    datetime(9999, 12, 31, 23, tzinfo=timezone(timedelta(hours=-23))),
    datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=5))),
    datetime(2026, 1, 1, tzinfo=timezone.utc),
]


@pytest.mark.parametrize("value", _AT_THE_ENDS)
@pytest.mark.parametrize("field", ["published", "updated", "embargo", "first_created"])
def test_a_datetime_at_the_calendar_ends_is_checked_as_attrs_checked(
    field: str, value: datetime
) -> None:
    kwargs = {"headline": "Т", field: value}
    fast, slow = Article.__init__, ATTRS_INITS[Article]
    assert _build(fast, Article, kwargs) == _build(slow, Article, kwargs)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_the_generated_constructor_has_the_signature_attrs_gave(cls: type) -> None:
    assert inspect.signature(cls.__init__) == inspect.signature(ATTRS_INITS[cls])


def test_clean_text_is_kept_and_other_text_still_takes_the_rules() -> None:
    assert Attribution("Анна Ким").name == "Анна Ким"
    assert Attribution(" Анна \u00a0 Ким\u200b ").name == "Анна Ким"
    assert Paragraph("Е\u0308лка").content == ("Ёлка",)
    assert Section(heading="\u00a0", blocks=["а"]).heading is None
    with pytest.raises(ValueError, match="U\\+0000"):
        Subject("medtop:1", "a\x00b")


def test_a_subclass_built_by_attrs_keeps_every_check() -> None:
    @attrs.frozen(kw_only=True)
    class Story(Article):
        desk: str = "politics"

    assert Story(headline="  Т  ", language="KK-kz").headline == "Т"
    with pytest.raises(ValueError, match="headline"):
        Story(headline=" ")


def test_a_plain_subclass_that_inherits_the_constructor_keeps_its_class_and_checks() -> None:
    class Kept(Article):
        __slots__ = ()

    class Checked(Section):
        __slots__ = ()

        def __attrs_post_init__(self) -> None:
            raise ValueError("its own check")

    assert type(Kept(headline="Т", lede="Л")) is Kept
    fields = attrs.asdict(Kept(headline="Т", lede="Л"), recurse=False)
    assert fields == attrs.asdict(Article(headline="Т", lede="Л"), recurse=False)
    with pytest.raises(ValueError, match="its own check"):
        Checked("Подзаголовок")


def test_every_character_a_text_rule_changes_is_one_isprintable_refuses() -> None:
    # The clean-text tests trust str.isprintable() to refuse every character SUSPECT matches.
    suspect = [chr(c) for c in range(0x110000) if SUSPECT.match(chr(c))]
    assert len(suspect) > 2000
    assert [c for c in suspect if c.isprintable()] == []


_ZONES = [ZoneInfo(name) for name in ("Europe/Berlin", "America/Sao_Paulo", "Australia/Lord_Howe")]


def _round_trip(value: datetime) -> object:
    """What the model kept of ``value`` before: the round trip through UTC, in full."""
    there_and_back = value.astimezone(timezone.utc).astimezone(value.tzinfo)
    if there_and_back.replace(tzinfo=None) != value.replace(tzinfo=None):
        return "gap"
    if type(value.tzinfo) is timezone:
        return value
    return value.replace(tzinfo=timezone(value.utcoffset() or timedelta()), fold=0)


def _check_as_before(value: datetime) -> None:
    """The round trip through UTC: what it refuses, what it keeps and with which offset."""
    try:
        expected = _round_trip(value)
    except OverflowError:
        with pytest.raises(OverflowError):
            aware(value, "published")
        return
    if expected == "gap":
        with pytest.raises(ValueError, match=re.escape("does not exist")):
            aware(value, "published")
        return
    got = aware(value, "published")
    assert (got, got.tzinfo, got.fold) == (expected, expected.tzinfo, expected.fold)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "value",
    [
        datetime(2026, 11, 24, 10, 30, tzinfo=timezone(timedelta(hours=5))),
        datetime(2026, 11, 24, 10, 30, tzinfo=ZoneInfo("Asia/Almaty")),
        datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=ZoneInfo("Europe/Berlin")),
        datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=5))),
        datetime(9999, 12, 31, 23, tzinfo=timezone(timedelta(hours=-5))),
        datetime(2026, 3, 29, 2, 30, tzinfo=ZoneInfo("Europe/Berlin")),
    ],
)
def test_an_aware_datetime_is_checked_as_before(value: datetime) -> None:
    _check_as_before(value)


@given(st.datetimes(timezones=st.timezones()) | st.datetimes(timezones=st.sampled_from(_ZONES)))
def test_an_aware_datetime_of_any_zone_is_checked_as_before(value: datetime) -> None:
    _check_as_before(value)


def test_a_date_alone_is_no_datetime_to_check() -> None:
    assert Article(headline="Т", published=date(2026, 1, 2)).published == date(2026, 1, 2)


_PIECES = st.sampled_from(["", " ", "a", " a", "a ", " a ", "a  b", "\u00a0", "a\u00a0 ", "b\n"])


def _inline_lists(depth: int) -> st.SearchStrategy[list[Any]]:
    leaf = _PIECES | st.just(LineBreak())
    if depth:
        inner = _inline_lists(depth - 1)
        leaf |= st.builds(Emphasis, inner) | st.builds(Strong, inner)
        leaf |= st.builds(Link, st.just("https://example.kz/"), inner)
    return st.lists(leaf, max_size=4)


@given(_inline_lists(2))
def test_inline_content_kept_as_it_is_is_what_the_whitespace_rule_gives(value: list[Any]) -> None:
    # _normalize_inlines keeps content _collapse_run would not change; the rest it collapses.
    items = _inline_tuple(value)
    expected, _ = _collapse_run(items, True, "content")  # noqa: FBT003 - the paragraph's start
    _rstrip(expected)
    assert _normalize_inlines(items, "content") == tuple(expected)


_HREFS = st.one_of(
    st.builds(
        str.__add__,
        st.sampled_from(["http://", "https://", "HTTP://", "mailto:", "javascript:", "", " "]),
        st.text(st.sampled_from([*"ab/.:?#%", " ", "\t", "\u00a0", "\u200b", "ё", "\x00"])),
    ),
    st.none(),
    st.integers(),
)


@given(_HREFS)
def test_link_targets_read_quickly_are_those_every_check_keeps(value: object) -> None:
    def outcome(convert: Any) -> object:
        try:
            return convert(value)
        except ValueError as exc:
            return repr(exc)

    assert outcome(href) == outcome(checked_href)


_URLS = st.builds(
    str.__add__,
    st.sampled_from(["http://", "https://", "HTTPS://", "https:/", "ftp://", "", " "]),
    st.text(st.sampled_from([*"ab/.:?#@%[]", " ", "\t", "\u00a0", "ё", "\x00"]), max_size=8),
)


@given(_URLS | st.none() | st.integers())
def test_absolute_urls_read_quickly_are_those_every_check_keeps(value: object) -> None:
    def outcome(convert: Any) -> object:
        try:
            return convert(value, "url")
        except ValueError as exc:
            return repr(exc)

    assert outcome(absolute_url) == outcome(checked_absolute_url)
