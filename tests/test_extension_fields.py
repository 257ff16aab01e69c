"""A subclass of Article with fields of its own: JSON carries them, every other format says so."""

from __future__ import annotations

import io
import warnings
from datetime import datetime, timezone
from typing import TYPE_CHECKING

import attrs
import pytest

from newsmodel import Article, LossyConversionWarning, html, json, newsml, nitf, text

if TYPE_CHECKING:
    from collections.abc import Callable

_WHEN = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)


@attrs.frozen(kw_only=True)
class DeskArticle(Article):
    desk: str = "politics"
    priority: int = 0


def _story() -> DeskArticle:
    return DeskArticle(
        headline="Заголовок", site="САЙТ", lede="Анонс.", published=_WHEN, desk="economy"
    )


def _html_dump(article: Article) -> None:
    html.dump(article, io.BytesIO())


def _newsml_dump(article: Article) -> None:
    newsml.dump(article, io.BytesIO(), now=_WHEN)


def _newsml_message(article: Article) -> None:
    newsml.dump_message([article, article], io.BytesIO(), transmit_id="t", sent=_WHEN)


WRITERS: dict[str, Callable[[Article], object]] = {
    "html.dumps": html.dumps,
    "html.dump": _html_dump,
    "newsml.dumps": lambda article: newsml.dumps(article, now=_WHEN),
    "newsml.dump": _newsml_dump,
    "newsml.dump_message": _newsml_message,
    "nitf.dumps": nitf.dumps,
    "nitf.dump": lambda article: nitf.dump(article, io.BytesIO()),
    "text.dumps": text.dumps,
}


@pytest.mark.parametrize("write", WRITERS.values(), ids=WRITERS.keys())
def test_every_writer_but_json_names_each_field_a_subclass_adds(
    write: Callable[[Article], object],
) -> None:
    with pytest.warns(LossyConversionWarning) as caught:
        write(_story())
    ours = [w for w in caught if "a field of DeskArticle" in str(w.message)]
    lost = sorted({w.message.lost for w in ours if isinstance(w.message, LossyConversionWarning)})
    assert lost == ["desk (a field of DeskArticle)", "priority (a field of DeskArticle)"]
    assert all(isinstance(w.message, LossyConversionWarning) for w in ours)
    assert {w.message.kind for w in ours if isinstance(w.message, LossyConversionWarning)} == {
        "field"
    }
    # The warning names the line that called newsmodel, not a line inside it.
    assert {w.filename for w in ours} == {__file__}


@pytest.mark.parametrize(
    "write",
    [html.dumps, lambda a: newsml.dumps(a, now=_WHEN), nitf.dumps],
    ids=["html", "newsml", "nitf"],
)
def test_a_plain_article_gives_no_such_warning(write: Callable[[Article], object]) -> None:
    article = Article(headline="Заголовок", lede="Анонс.", published=_WHEN)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        write(article)


def test_a_message_names_the_fields_of_every_item() -> None:
    with pytest.warns(LossyConversionWarning) as caught:
        _newsml_message(_story())
    ours = [w for w in caught if "desk (a field of DeskArticle)" in str(w.message)]
    assert len(ours) == 2  # one for each item written


def test_json_carries_the_fields_without_a_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        data = json.dumps(_story())
    assert '"desk": "economy"' in data
    assert '"priority": 0' in data
