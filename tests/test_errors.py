from __future__ import annotations

import io
import pickle
import warnings
from typing import TYPE_CHECKING

import pytest

from newsmodel import (
    Article,
    Attribution,
    Figure,
    LossyConversionWarning,
    NewsmodelError,
    NewsmodelWarning,
    Paragraph,
    ParseError,
    Quote,
    Role,
    Section,
    ValidationError,
    WriteError,
    html,
    newsml,
    text,
)
from newsmodel import json as nm_json

if TYPE_CHECKING:
    from collections.abc import Callable


def test_tree() -> None:
    assert issubclass(ValidationError, NewsmodelError)
    assert issubclass(ValidationError, ValueError)
    assert issubclass(ParseError, NewsmodelError)
    assert issubclass(ParseError, ValueError)
    assert issubclass(WriteError, NewsmodelError)
    assert not issubclass(WriteError, ValueError)
    assert issubclass(LossyConversionWarning, NewsmodelWarning)
    assert issubclass(NewsmodelWarning, UserWarning)


def test_parse_error_carries_where() -> None:
    err = ParseError("html", "bad tag", line=3, column=7, path="/html/body")
    assert (err.format, err.message, err.line, err.column, err.path) == (
        "html",
        "bad tag",
        3,
        7,
        "/html/body",
    )
    assert str(err) == "html: bad tag (at /html/body, line 3, column 7)"


@pytest.mark.parametrize(
    "err",
    [
        ValidationError("url", "bad"),
        ParseError("newsml", "broken", line=1, column=2, path="/a"),
        WriteError("newsml", "lede", "too long"),
    ],
)
def test_errors_pickle_with_their_fields(err: NewsmodelError) -> None:
    back = pickle.loads(pickle.dumps(err))  # noqa: S301 - our own data
    assert type(back) is type(err)
    assert str(back) == str(err)
    assert vars(back) == vars(err)


# --- warnings a program can use ------------------------------------------------------------

LONG = "Это достаточно длинный абзац текста статьи, чтобы его приняли за основной текст, да."
PAGE = (
    f"<title>Заголовок</title><body><article><h1>Заголовок</h1><p>{LONG}</p>"
    "<table><tr><td><p>1</p></td></tr></table>"
    '<blockquote class="twitter-tweet"><p>твит</p></blockquote>'
    '<blockquote class="twitter-tweet"><p>ещё твит</p></blockquote>'
    '<figure><img src="javascript:alert(1)"><figcaption>Подпись</figcaption></figure>'
    "</article></body>"
)
NAR = b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" xmlns:x="urn:x"><itemMeta>'
ITEM = (
    NAR + b'<itemClass qcode="ninat:text"/><x:priority>high</x:priority></itemMeta>'
    b"<contentMeta><headline>H</headline></contentMeta></newsItem>"
)
MESSAGE = (
    b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>'
    b'<packageItem guid="k" version="1"/></itemSet></newsMessage>'
)
LOSSY_ARTICLE = Article(
    headline="Заголовок",
    lede="Анонс.",
    sections=[Section(blocks=[Quote([Paragraph(["Цитата."])])])],
    tags=["тег"],
    image=Figure(
        "https://example.kz/a.jpg",
        credit=Attribution("Фотограф", role=Role.PHOTOGRAPHER, phrase="фото"),
    ),
)


def _html_load() -> object:
    return html.load(io.BytesIO(PAGE.encode()))


def _newsml_dump() -> object:
    newsml.dump(LOSSY_ARTICLE, io.BytesIO(), body="nitf")
    return None


def _text_dump() -> object:
    text.dump(LOSSY_ARTICLE, io.BytesIO())
    return None


# Every public function that warns, called from this file: each lambda's line is in this file,
# and so must be the line every warning names, however deep in newsmodel it was issued.
WARNING_CALLS: dict[str, Callable[[], object]] = {
    "html.loads": lambda: html.loads(PAGE),
    "html.load": _html_load,
    "newsml.loads": lambda: newsml.loads(ITEM),
    "newsml.load": lambda: newsml.load(io.BytesIO(ITEM)),
    "newsml.iter_articles": lambda: list(newsml.iter_articles(io.BytesIO(MESSAGE))),
    "newsml.dumps": lambda: newsml.dumps(LOSSY_ARTICLE, body="nitf"),
    "newsml.dump": _newsml_dump,
    "text.dumps": lambda: text.dumps(LOSSY_ARTICLE),
    "text.dump": _text_dump,
}


@pytest.mark.parametrize("name", sorted(WARNING_CALLS))
def test_every_warning_names_the_callers_line(name: str) -> None:
    with pytest.warns(LossyConversionWarning) as caught:
        WARNING_CALLS[name]()
    assert {w.filename for w in caught} == {__file__}, name
    for w in caught:
        assert isinstance(w.message, LossyConversionWarning)
        assert w.message.format == name.split(".", maxsplit=1)[0]


@pytest.mark.parametrize(
    ("name", "read"),
    [
        ("json.loads", lambda: nm_json.loads(nm_json.dumps(LOSSY_ARTICLE))),
        ("json.load", lambda: nm_json.load(io.BytesIO(nm_json.dumps(LOSSY_ARTICLE).encode()))),
        ("text.loads", lambda: text.loads("САЙТ\n\nЗаголовок\n\nАбзац.")),
        ("text.load", lambda: text.load(io.BytesIO("САЙТ\n\nЗаголовок".encode()))),
    ],
)
def test_readers_of_lossless_formats_do_not_warn(name: str, read: Callable[[], object]) -> None:
    # JSON carries every field and the plain-text reader keeps what it reads: they never warn.
    # A warning they gain must name the caller's line too (the test above gets the case).
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert read() is not None, name


def test_warnings_carry_what_was_lost_counted_in_words() -> None:
    with pytest.warns(LossyConversionWarning) as caught:
        html.loads(PAGE)
    found = {
        (w.message.kind, w.message.lost, w.message.count): str(w.message)
        for w in caught
        if isinstance(w.message, LossyConversionWarning)
    }
    assert found == {
        ("element", "table", 1): "html: dropped from the body: 1 table",
        ("element", "embedded tweet", 2): "html: dropped from the body: 2 embedded tweets",
        ("image", "image without an http(s) address (its caption kept as text)", 1): (
            "html: dropped from the body: 1 image without an http(s) address (its caption kept"
            " as text)"
        ),
    }


def test_newsml_warnings_say_where() -> None:
    with pytest.warns(LossyConversionWarning) as caught:
        newsml.loads(b"\n\n" + ITEM)
    (warning,) = [w.message for w in caught if isinstance(w.message, LossyConversionWarning)]
    assert (warning.kind, warning.count, warning.lost) == (
        "element",
        1,
        "itemMeta/<priority> in urn:x",
    )


def test_a_writer_warns_once_for_each_thing_it_cannot_carry() -> None:
    with pytest.warns(LossyConversionWarning) as caught:
        text.dumps(LOSSY_ARTICLE)
    kinds = sorted(
        (w.message.kind, w.message.lost)
        for w in caught
        if isinstance(w.message, LossyConversionWarning)
    )
    assert kinds == [
        ("element", "quotes (written as paragraphs)"),
        ("field", "image"),
        ("field", "tags"),
    ]


def test_lossy_warnings_pickle_with_their_attributes() -> None:
    warning = LossyConversionWarning(
        "dropped", format="html", kind="element", lost="table", count=2, line=3, column=4, path="x"
    )
    back = pickle.loads(pickle.dumps(warning))  # noqa: S301 - our own data
    assert type(back) is LossyConversionWarning
    assert str(back) == str(warning) == "html: dropped"
    assert vars(back) == vars(warning)
