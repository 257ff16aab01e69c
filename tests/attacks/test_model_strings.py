"""The text rule holds in every constructor and every reader.

Control characters and lone surrogates are refused by constructors (readers remove them
first), bidi embeddings, overrides and isolates and zero-width characters are removed, and
the joiners and bidi marks that scripts and emoji need are kept (``newsmodel._textrules``).
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from attacks.worker import available_formats
from newsmodel import (
    Article,
    Attribution,
    Emphasis,
    Figure,
    ItemList,
    Link,
    ParseError,
    Quote,
    Role,
    Section,
    Strong,
    Subject,
    ValidationError,
)
from newsmodel import json as nm_json
from newsmodel import text as nm_text

if TYPE_CHECKING:
    from collections.abc import Callable

IMAGE = "https://example.kz/a.jpg"

# Every free-text field of every constructor: how to build a model with the string in it,
# how to read the field back, and the name the ValidationError gives.
FIELDS: dict[str, tuple[Callable[[str], Any], Callable[[Any], str], str]] = {
    "Article.headline": (lambda s: Article(headline=s), lambda a: a.headline, "headline"),
    "Article.lede": (lambda s: Article(headline="x", lede=s), lambda a: a.lede, "lede"),
    "Article.rubrics": (
        lambda s: Article(headline="x", rubrics=[s]),
        lambda a: a.rubrics[0],
        "rubrics[0]",
    ),
    "Article.tags": (lambda s: Article(headline="x", tags=[s]), lambda a: a.tags[0], "tags[0]"),
    "Article.site": (lambda s: Article(headline="x", site=s), lambda a: a.site, "site"),
    "Article.guid": (lambda s: Article(headline="x", guid=s), lambda a: a.guid, "guid"),
    "Article.dateline": (
        lambda s: Article(headline="x", dateline=s),
        lambda a: a.dateline,
        "dateline",
    ),
    "Article.place": (lambda s: Article(headline="x", place=s), lambda a: a.place, "place"),
    "Article.extra key": (
        lambda s: Article(headline="x", extra=[(s, "v")]),
        lambda a: a.extra[0][0],
        "extra[0]",
    ),
    "Article.extra value": (
        lambda s: Article(headline="x", extra=[("k", s)]),
        lambda a: a.extra[0][1],
        "extra[0]",
    ),
    "Section.heading": (Section, lambda x: x.heading, "heading"),
    "Section.blocks": (lambda s: Section(blocks=[s]), lambda x: x.blocks[0].text, "content"),
    "Paragraph.content": (lambda s: Quote([s]), lambda x: x.paragraphs[0].text, "content"),
    "Quote.cite": (lambda s: Quote(["x"], cite=s), lambda x: x.cite, "cite"),
    "ItemList.items": (lambda s: ItemList([s]), lambda x: x.items[0].text, "content"),
    "Figure.caption": (lambda s: Figure(IMAGE, caption=s), lambda x: x.caption, "caption"),
    "Figure.alt": (lambda s: Figure(IMAGE, alt=s), lambda x: x.alt, "alt"),
    "Attribution.name": (Attribution, lambda x: x.name, "name"),
    "Attribution.phrase": (lambda s: Attribution("x", phrase=s), lambda x: x.phrase, "phrase"),
    "Subject.label": (lambda s: Subject("medtop:1", s), lambda x: x.label, "label"),
    "Link.content": (lambda s: Link("/a", s), lambda x: x.text, "content"),
    "Link.title": (lambda s: Link("/a", "x", title=s), lambda x: x.title, "title"),
    "Emphasis.content": (Emphasis, lambda x: x.text, "content"),
    "Strong.content": (Strong, lambda x: x.text, "content"),
}

REFUSED = ["\x00", "\x07", "\x1b", "\x7f", "\x80", "\x9b", "\ud800", "\udfff"]
REMOVED = [
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\u200b",
    "\u2060",
    "\ufeff",
    "\u00ad",
]
KEPT = ["\u200c", "\u200d", "\u200e", "\u200f"]

_FORBIDDEN = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff]")
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069]")


def _name(char: str) -> str:
    return f"U+{ord(char):04X}"


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("char", REFUSED, ids=_name)
def test_controls_and_lone_surrogates_are_refused(field, char):
    build, _, name = FIELDS[field]
    with pytest.raises(ValidationError) as info:
        build(f"Аб{char}вг")
    assert info.value.field.endswith(name)
    assert _name(char) in info.value.reason


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("char", REMOVED, ids=_name)
def test_bidi_controls_and_zero_width_characters_are_removed(field, char):
    build, get, _ = FIELDS[field]
    assert get(build(f"Аб{char}вг{char}")) == "Абвг"


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("char", KEPT, ids=_name)
def test_joiners_and_bidi_marks_are_kept(field, char):
    build, get, _ = FIELDS[field]
    assert get(build(f"Аб{char}вг")) == f"Аб{char}вг"


def _clean(value: str) -> bool:
    return (
        _FORBIDDEN.search(value) is None
        and _INVISIBLE.search(value) is None
        and unicodedata.is_normalized("NFC", value)
    )


@given(st.text())
def test_any_string_is_refused_or_comes_out_clean(value):
    if _FORBIDDEN.search(value) is not None:
        with pytest.raises(ValidationError):
            Article(headline="x", lede=value, tags=[value + "t"])
        return
    article = Article(headline="x", lede=value, tags=[value + "t"])
    assert article.lede is None or _clean(article.lede)
    assert _clean(article.tags[0])


@given(st.text(min_size=1))
def test_the_text_reader_removes_what_constructors_refuse(value):
    article = nm_text.loads(f"САЙТ\n\nЗаголовок {value}\n\nАнонс {value}.", credit=False)
    assert _clean(article.headline)
    assert article.lede is None or _clean(article.lede)


@given(st.text(min_size=1))
def test_the_json_reader_refuses_or_cleans_any_string(value):
    data = nm_json.dumps(Article(headline="x")).replace('"lede": null', f'"lede": {_js(value)}')
    if _FORBIDDEN.search(value) is not None:
        with pytest.raises(ParseError) as info:
            nm_json.loads(data)
        assert (info.value.format, info.value.path) == ("json", "$.lede")
        return
    article = nm_json.loads(data)
    assert article.lede is None or _clean(article.lede)


def _js(value: str) -> str:
    import json  # noqa: PLC0415

    return json.dumps(value)


@pytest.mark.parametrize("fmt", available_formats())
@pytest.mark.parametrize("char", REMOVED, ids=_name)
def test_no_writer_brings_removed_characters_back(fmt, char):
    module = importlib.import_module(f"newsmodel.{fmt}")
    article = Article(
        headline=f"Аб{char}вг",
        sections=[Section(f"За{char}головок", [f"Аб{char}зац."])],
        attributions=[Attribution(f"Ав{char}тор", role=Role.AUTHOR)],
    )
    import warnings  # noqa: PLC0415

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        written = module.dumps(article)
    assert char not in (written if isinstance(written, str) else written.decode("utf-8"))
